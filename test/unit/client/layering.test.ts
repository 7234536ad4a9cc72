/**
 * The extension is a thin client: it imports nothing of the server, and of the shared core only
 * the protocol, the knowledge tables and l10n. Whatever it needs to know about an offer it asks
 * the server (`@core/protocol`), and it reads no file itself (the extension host must never wait
 * on a disk). Checked on the sources (each import) and on what esbuild really bundles into
 * dist/client.js.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './exampleFixture';

const CLIENT_SOURCES = path.join(REPO_ROOT, 'client', 'src');
/** What the client may take from the shared core. */
// The client writes through the one file layer (core/src/files: never through a link, atomically)
// and shows values as messages do (core/src/text: quoting, secrets hidden, counts).
const ALLOWED_CORE = [
  /^core\/src\/protocol\.ts$/,
  /^core\/src\/knowledge\/[^/]+\.ts$/,
  /^core\/src\/l10n\.ts$/,
  /^core\/src\/files\/[^/]+\.ts$/,
  /^core\/src\/text\/[^/]+\.ts$/,
];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports (static, dynamic, require). */
function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b(?:from|import|require)\s*\(?\s*'([^']+)'/g)) {
    found.push(match[1]);
  }
  return found;
}

/** The repository-relative file a specifier names ('' for a package). */
function targetOf(file: string, specifier: string): string {
  if (specifier.startsWith('@core/')) {
    return `core/src/${specifier.slice('@core/'.length)}.ts`;
  }
  if (specifier.startsWith('.')) {
    return path.relative(REPO_ROOT, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/') + '.ts';
  }
  return '';
}

describe('the extension is a thin client', () => {
  it('imports nothing of server/, and of core/ only the protocol, the knowledge tables, l10n, the file layer and the text helpers', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(CLIENT_SOURCES)) {
      for (const specifier of specifiersOf(fs.readFileSync(file, 'utf8'))) {
        const target = targetOf(file, specifier);
        const allowed = target === '' || target.startsWith('client/src/') || ALLOWED_CORE.some((pattern) => pattern.test(target));
        if (!allowed) {
          offending.push(`${path.relative(REPO_ROOT, file)} imports ${specifier}`);
        }
      }
    }
    assert.deepStrictEqual(offending, []);
  });

  it('reads no file itself: no fs module (files go through vscode.workspace.fs, asynchronously, or the server)', () => {
    const readers = sourceFiles(CLIENT_SOURCES)
      .filter((file) => specifiersOf(fs.readFileSync(file, 'utf8')).some((specifier) => /^(node:)?fs(\/promises)?$/.test(specifier)))
      .map((file) => path.relative(REPO_ROOT, file));
    assert.deepStrictEqual(readers, []);
  });

  it('bundles no server module and no offer parser or role catalog into the extension', async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(REPO_ROOT, 'client', 'src', 'extension.ts')],
      absWorkingDir: REPO_ROOT,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      external: ['vscode'],
      logLevel: 'silent',
    });
    const ours = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
    const offending = ours.filter((input) => !input.startsWith('client/src/') && !input.startsWith('l10n/') && !ALLOWED_CORE.some((pattern) => pattern.test(input)));
    assert.deepStrictEqual(offending, []);
    const packages = new Set(Object.keys(result.metafile.inputs).map((input) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]).filter(Boolean));
    for (const serverOnly of ['ajv', 'jsonc-parser', 'csv-parse', 'vscode-languageserver']) {
      assert.ok(!packages.has(serverOnly), `${serverOnly} is in the extension's bundle`);
    }
  });
});
