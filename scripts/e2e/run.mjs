#!/usr/bin/env node
// npm run test:e2e — the extension in a real VS Code (code-server 4.99.4) driven by Chromium.
//
//  1. installs code-server into ${XDG_CACHE_HOME:-~/.cache}/offer-e2e (once; reused after),
//  2. packages the extension (npm run package) and the suite's runner extension, installs both,
//  3. starts code-server on a free loopback port with a fresh profile and the test workspace,
//  4. opens the workbench in headless Chromium (playwright-core): the extension host starts, the
//     runner runs the in-editor mocha suite and writes its outcomes to a file this script waits for,
//  5. drives the UI as a person would (ui-checks.mjs) and saves screenshots under test-results/,
//     then the same workbench in Korean, in a second profile (koreanUi.mjs: test-results/korean.png),
//  6. stops everything it started, by process group, also on failure or Ctrl+C,
//  7. prints every outcome and a closing line "N passed, N failed"; exits 1 on any failure.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureCodeServer, installExtension, KOREAN_SESSION_ENV, koreanSessionFolders, sessionFolders, startCodeServer } from './codeServer.mjs';
import { runKoreanUiCheck } from './koreanUi.mjs';
import { checkPackageContents } from './packaging.mjs';
import { freeLoopbackPort, killGroupNow, runToEnd, sleep, stopGroup } from './processes.mjs';
import { runUiChecks } from './ui-checks.mjs';
import { prepareWorkspace, REPO_ROOT } from './workspace.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const SUITE_TIMEOUT_MS = 8 * 60_000;
const RUNNER_START_TIMEOUT_MS = 2 * 60_000;
// For working on the UI checks: OFFER_E2E_ONLY=ui skips the in-editor suite, and
// OFFER_E2E_UI_CHECKS=<regular expression> runs only the UI checks whose names match.
const uiOnly = process.env.OFFER_E2E_ONLY === 'ui';
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

const started = Date.now();
const log = (message) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);

let codeServer; // the child leading code-server's process group
let koreanServer; // the same for the Korean profile
let browser;
let runDir;

// Whatever happens, the process group goes with us.
process.on('exit', () => {
  killGroupNow(codeServer?.pid);
  killGroupNow(koreanServer?.pid);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void shutdown().finally(() => {
      removeRunDir();
      process.exit(130);
    });
  });
}

function removeRunDir() {
  if (runDir && !process.env.OFFER_E2E_KEEP) {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

async function shutdown() {
  const closing = browser;
  browser = undefined;
  await closing?.close().catch(() => undefined);
  const group = codeServer?.pid;
  codeServer = undefined;
  await stopGroup(group);
  const koreanGroup = koreanServer?.pid;
  koreanServer = undefined;
  await stopGroup(koreanGroup);
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: run scripts/e2e/install-system-packages.sh (as root)`);
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  clearEarlierResults();
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-e2e-'));

  log('code-server: checking the cache');
  const entry = await ensureCodeServer();

  log('packaging the extension (npm run package) and compiling the suite (tsc)');
  // Into the run's own folder: runs side by side must not overwrite each other's package.
  const vsix = path.join(runDir, `${manifest.name}-${manifest.version}.vsix`);
  await runToEnd('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: REPO_ROOT, quiet: true });
  // tsc still emits when other files have type errors; the suite's own files must compile.
  await runToEnd('npx', ['tsc', '-p', '.'], { cwd: REPO_ROOT, quiet: true }).catch((error) =>
    log(`tsc reported type errors (the suite still runs): ${String(error.message).split('\n').slice(1, 6).join(' | ')}`),
  );
  const packaging = await checkPackageContents();
  const suiteEntry = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(suiteEntry)) {
    throw new Error(`the compiled suite is missing: ${suiteEntry}`);
  }
  const runnerVsix = path.join(runDir, 'offer-e2e-runner.vsix');
  await runToEnd(
    'npx',
    ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', runnerVsix],
    { cwd: path.join(REPO_ROOT, 'test', 'integration', 'runner'), quiet: true },
  );

  const folders = sessionFolders(runDir);
  log(`installing ${path.basename(vsix)} and the suite runner into a fresh profile`);
  await installExtension(entry, folders, vsix);
  await installExtension(entry, folders, runnerVsix);

  const workspace = prepareWorkspace(path.join(runDir, 'workspace'));
  const resultsFile = path.join(runDir, 'suite-results.json');
  const port = await freeLoopbackPort();
  log(`starting code-server on 127.0.0.1:${port}`);
  codeServer = await startCodeServer(entry, folders, {
    port,
    workspace,
    logFile: path.join(RESULTS_DIR, 'code-server.log'),
    // Without these two variables the runner extension stays idle (OFFER_E2E_ONLY=ui: UI checks only).
    env: uiOnly ? { ...process.env } : { ...process.env, OFFER_E2E_SUITE: suiteEntry, OFFER_E2E_RESULTS: resultsFile },
  });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  log(`opening the workbench: ${url}`);
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

  let suite = { passed: 0, failed: 0, pending: 0, tests: [] };
  if (!uiOnly) {
    log('waiting for the in-editor suite');
    suite = await waitForSuite(resultsFile);
    log(`in-editor suite: ${suite.passed} passed, ${suite.failed} failed`);
    for (const [name, value] of Object.entries(suite.figures ?? {})) {
      log(`figure: ${name} ${value}`);
    }
  }

  log('UI checks');
  const ui = await runUiChecks(page, { workspace, screenshots: RESULTS_DIR, log, only: process.env.OFFER_E2E_UI_CHECKS });
  const korean = await koreanCheck({ entry, folders, workspace });

  return { suite, checks: [packaging, ...[...ui, ...korean].map((check) => ({ ...check, name: `UI: ${check.name}` }))] };
}

/** The workbench in Korean: a second code-server, its profile's display language Korean, on the same workspace. */
async function koreanCheck({ entry, folders, workspace }) {
  const name = 'Korean: diagnostics, a hover and the plans tree in Korean (korean.png)';
  const only = process.env.OFFER_E2E_UI_CHECKS;
  if (only && !new RegExp(only).test(name)) {
    return [];
  }
  const port = await freeLoopbackPort();
  log(`starting a Korean code-server on 127.0.0.1:${port}`);
  koreanServer = await startCodeServer(entry, koreanSessionFolders(runDir, folders.extensions), {
    port,
    workspace,
    logFile: path.join(RESULTS_DIR, 'code-server-ko.log'),
    env: { ...process.env, ...KOREAN_SESSION_ENV },
    args: ['--locale', 'ko'],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'ko-KR' });
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const note = await runKoreanUiCheck(page, { workspace, screenshots: RESULTS_DIR, log });
    return [{ name, passed: true, note }];
  } catch (error) {
    await page.screenshot({ path: path.join(RESULTS_DIR, 'failed-korean.png') }).catch(() => undefined);
    return [{ name, passed: false, error: error?.stack ?? String(error) }];
  } finally {
    await context.close().catch(() => undefined);
    const group = koreanServer?.pid;
    koreanServer = undefined;
    await stopGroup(group);
  }
}

async function waitForSuite(resultsFile) {
  const deadline = Date.now() + SUITE_TIMEOUT_MS;
  const startDeadline = Date.now() + RUNNER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (fs.existsSync(resultsFile)) {
      return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    }
    if (Date.now() > startDeadline && !fs.existsSync(`${resultsFile}.started`)) {
      break; // the runner extension never activated: no use waiting for the whole suite timeout
    }
    if (codeServer && codeServer.exitCode !== null) {
      throw new Error('code-server exited while the suite ran (see test-results/code-server.log)');
    }
    await sleep(500);
  }
  const started = fs.existsSync(`${resultsFile}.started`);
  throw new Error(
    started
      ? `the in-editor suite started but did not finish within ${SUITE_TIMEOUT_MS / 60_000} min`
      : 'the in-editor suite never started: the runner extension was not activated (see test-results/e2e-logs/)',
  );
}

/** Keeps code-server's logs (extension host, language server output) for a failed run. */
function copyLogs() {
  const source = runDir && path.join(runDir, 'data', 'logs');
  if (source && fs.existsSync(source)) {
    fs.cpSync(source, path.join(RESULTS_DIR, 'e2e-logs'), { recursive: true });
  }
}

/** Screenshots and logs of an earlier run must not pass for this run's. */
function clearEarlierResults() {
  for (const name of fs.readdirSync(RESULTS_DIR)) {
    if (name.endsWith('.png') || ['e2e-logs', 'code-server.log', 'code-server-ko.log', 'korean.txt', 'e2e-results.json'].includes(name)) {
      fs.rmSync(path.join(RESULTS_DIR, name), { recursive: true, force: true });
    }
  }
}

function report({ suite, checks }) {
  const outcomes = [
    ...suite.tests.map((test) => ({ name: `in-editor: ${test.title}`, passed: test.state === 'passed', skipped: test.state === 'pending', error: test.error })),
    ...checks,
  ];
  if (!uiOnly && suite.tests.length === 0) {
    outcomes.unshift({ name: 'in-editor: the suite ran at least one test', passed: false, error: 'no in-editor test ran' });
  }
  console.log('');
  for (const outcome of outcomes) {
    const mark = outcome.skipped ? '-' : outcome.passed ? '✓' : '✗';
    console.log(`  ${mark} ${outcome.name}${outcome.note ? ` (${outcome.note})` : ''}`);
    if (!outcome.passed && !outcome.skipped && outcome.error) {
      console.log(outcome.error.split('\n').slice(0, 8).map((line) => `      ${line}`).join('\n'));
    }
  }
  // Every outcome with its whole error, beside the screenshots: the console shows only the start.
  fs.writeFileSync(path.join(RESULTS_DIR, 'e2e-results.json'), JSON.stringify(outcomes, null, 2));
  const passed = outcomes.filter((o) => o.passed).length;
  const failed = outcomes.filter((o) => !o.passed && !o.skipped).length;
  const figures = Object.entries(suite.figures ?? {});
  if (figures.length > 0) {
    // Measured by the in-editor suite (test/integration/suite/activation.test.ts), from the first
    // line of the extension's code: activation, and the first tree row and diagnostics after it.
    console.log('');
    console.log(`Startup: ${figures.map(([name, value]) => `${name} ${value}`).join('; ')}`);
  }
  console.log('');
  console.log(`Screenshots and logs: ${path.relative(process.cwd(), RESULTS_DIR) || '.'}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

let exitCode = 1;
try {
  const results = await main();
  exitCode = report(results) > 0 ? 1 : 0;
} catch (error) {
  console.error(`\ne2e run failed: ${error?.stack ?? error}`);
  console.log('0 passed, 1 failed');
} finally {
  await shutdown();
  copyLogs();
  removeRunDir();
  log('done');
}
process.exit(exitCode);
