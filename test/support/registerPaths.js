// The compiled tests and benchmark import the shared core as `@core/…` (tsconfig.json's paths):
// tsc leaves those specifiers as written, so they are mapped here onto the compiled core in out/.
const path = require('path');
const tsconfigPaths = require('tsconfig-paths');

const repoRoot = path.join(__dirname, '..', '..');
const config = tsconfigPaths.loadConfig(repoRoot);
if (config.resultType !== 'success') {
  throw new Error(`tsconfig.json could not be read: ${config.message}`);
}
tsconfigPaths.register({ baseUrl: path.join(repoRoot, 'out'), paths: config.paths, addMatchAll: false });
