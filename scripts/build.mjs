// Bundles the extension (client), the language server and the checker with esbuild. Each bundle
// holds all it needs: the checker is one self-contained file that a repository can copy (README).
//
//   node scripts/build.mjs               readable bundles with source maps (tests, debugging)
//   node scripts/build.mjs --production  minified, without source maps: what `npm run package` ships
//   node scripts/build.mjs --watch       readable, rebuilt on every change
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // What ships is minified and has no map (the .vsix leaves maps out): about a third of the size.
  minify: production,
  sourcemap: !production,
  // A stack in the server's log (a failing quick fix, a failing handler) still names functions.
  keepNames: production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  // jsonc-parser's UMD build loads its parts dynamically; its ES module build bundles.
  mainFields: ['module', 'main'],
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (production) {
  // Maps of an earlier readable build would describe other code.
  for (const { outfile } of builds) {
    fs.rmSync(`${outfile}.map`, { force: true });
  }
}
if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  if (production) {
    for (const result of results) {
      for (const [file, output] of Object.entries(result.metafile.outputs)) {
        console.log(`${file.padEnd(15)} ${(output.bytes / 1024).toFixed(0).padStart(5)} KiB, minified`);
      }
    }
  }
}
