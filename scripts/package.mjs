// `npm run package`: the production bundles (minified, no source maps), the .vsix (vsce, files
// from .vscodeignore's allow-list), and its size, which must stay within MAX_VSIX_BYTES: a larger
// package takes longer to download and install for every user. Arguments go to `vsce package`
// (e.g. `npm run package -- --out some.vsix`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_VSIX_BYTES = 1024 * 1024;
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

run(process.execPath, ['scripts/build.mjs', '--production']);
run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', ...args]);

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const outAt = args.findIndex((arg) => arg === '--out' || arg === '-o');
const named = outAt >= 0 ? args[outAt + 1] : undefined;
let vsix = named ?? `${manifest.name}-${manifest.version}.vsix`;
if (fs.existsSync(vsix) && fs.statSync(vsix).isDirectory()) {
  vsix = path.join(vsix, `${manifest.name}-${manifest.version}.vsix`);
}
const bytes = fs.statSync(vsix).size;
const mib = (bytes / 1024 / 1024).toFixed(3);
console.log(`.vsix size: ${bytes.toLocaleString('en-US')} bytes (${mib} MiB; the limit is ${MAX_VSIX_BYTES / 1024 / 1024} MiB): ${vsix}`);
if (bytes > MAX_VSIX_BYTES) {
  console.error(`The .vsix is larger than ${MAX_VSIX_BYTES / 1024 / 1024} MiB: see what it holds with \`npx vsce ls\`.`);
  process.exit(1);
}
