#!/usr/bin/env node
// npm run test:vscode — the same in-editor suite in a VS Code desktop build downloaded by
// @vscode/test-electron (needs internet: Microsoft's update servers). On a machine without it,
// use npm run test:e2e, which runs the suite in code-server instead.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace, REPO_ROOT } from './workspace.mjs';

const build = (command, args) => {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  return result.status ?? 1;
};
if (build('npm', ['run', '--silent', 'build']) !== 0) {
  process.exit(1);
}
// tsc still emits when other files have type errors; the suite's own files are what matter here.
if (build('npx', ['tsc', '-p', '.']) !== 0) {
  console.warn('tsc reported type errors; running the suite anyway');
}

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-vscode-'));
const workspace = prepareWorkspace(path.join(runDir, 'workspace'));
let exitCode = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(runDir, 'data')],
    extensionTestsEnv: { OFFER_E2E_RESULTS: path.join(runDir, 'suite-results.json') },
  });
  exitCode = 0;
} catch (error) {
  console.error(`In-editor suite failed: ${error?.message ?? error}`);
} finally {
  const resultsFile = path.join(runDir, 'suite-results.json');
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    console.log(`${results.passed} passed, ${results.failed} failed`);
  }
  fs.rmSync(runDir, { recursive: true, force: true });
}
process.exit(exitCode);
