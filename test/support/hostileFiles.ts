/**
 * Real folders on disk with what a hostile repository may hold: links that lead out of it, links
 * that lead nowhere, FIFOs, and a device. Each test gets a fresh folder, removed after the run.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const created: string[] = [];

/** A fresh folder; `cleanUpTemporaryFolders` removes them all. */
export function temporaryFolder(prefix = 'offer-hostile-'): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(folder);
  return folder;
}

export function cleanUpTemporaryFolders(): void {
  for (const folder of created.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Writes a file, creating its folders. */
export function writeFile(file: string, content: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A symbolic link at `link` to `target` (which need not exist), creating the link's folder. */
export function symlink(target: string, link: string): string {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(target, link);
  return link;
}

/** A FIFO at `file`: opening it for reading would wait for a writer forever. */
export function fifo(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) {
    throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
  }
  return file;
}

/** A device that never ends: a read of it that does not stop at a limit never returns. */
export const ENDLESS_DEVICE = '/dev/zero';

/** Every file under a folder (relative, sorted), to show that nothing else was written. */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      found.push(path.relative(folder, full));
      if (entry.isDirectory()) {
        walk(full);
      }
    }
  };
  walk(folder);
  return found.sort();
}
