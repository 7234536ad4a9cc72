// Assembles the test workspace in a fresh folder: the offers of test/e2e-workspace/ beside
// `example/`, a copy of examples/contoso-sentinel taken at run time so that the suite always
// checks the example as it is now. The suite edits and saves files: never point it at the sources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function prepareWorkspace(target) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'test', 'e2e-workspace'), target, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'README.md',
  });
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'contoso-sentinel'), path.join(target, 'example'), { recursive: true });
  return target;
}
