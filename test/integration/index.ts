/**
 * Entry of the in-editor suite. Both hosts call `run()` inside the extension host:
 * @vscode/test-electron through `extensionTestsPath` (scripts/e2e/run-vscode.mjs), and code-server
 * through the small runner extension in `runner/` (scripts/e2e/run.mjs).
 * When OFFER_E2E_RESULTS names a file, every test's outcome is also written there as JSON, for the
 * host script to collect: the extension host's own output is not easy to read from outside.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { figures } from './support';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  tests: TestOutcome[];
  /** Figures the tests measured (see `recordFigure`): startup times. */
  figures?: Record<string, number>;
}

const SUITE_FOLDER = path.join(__dirname, 'suite');

export function suiteFiles(): string[] {
  return fs
    .readdirSync(SUITE_FOLDER)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(SUITE_FOLDER, name));
}

/** Runs the suite; resolves with the outcomes, rejects when any test failed (test-electron's contract). */
export async function run(): Promise<SuiteResults> {
  const results = await runSuite(process.env.OFFER_E2E_RESULTS);
  if (results.failed > 0) {
    throw new Error(`${results.failed} in-editor test(s) failed`);
  }
  return results;
}

export function runSuite(resultsFile: string | undefined): Promise<SuiteResults> {
  // The first test pays for the language server's start in a cold extension host.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of suiteFiles()) {
    mocha.addFile(file);
  }
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, tests: [] };
  const record = (outcome: TestOutcome) => {
    results.tests.push(outcome);
    results[outcome.state] += 1;
  };
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      results.figures = figures;
      if (resultsFile) {
        fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
        // Written to a temporary name first: the host script polls for the file and must never
        // read half of it.
        fs.writeFileSync(`${resultsFile}.partial`, JSON.stringify(results, null, 2));
        fs.renameSync(`${resultsFile}.partial`, resultsFile);
      }
      resolve(results);
    });
    runner.on('pass', (test) => record({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) =>
      record({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: error?.stack ?? String(error) }),
    );
    runner.on('pending', (test) => record({ title: test.fullTitle(), state: 'pending' }));
  });
}
