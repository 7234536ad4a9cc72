/**
 * The checker (`node dist/cli.js`, needs `npm run build`) on the pathological files: it ends in
 * bounded time with exit 1 (problems found) or 2 (unreadable), says why, and never prints a stack
 * trace. The two valid offers among them (10 MiB of plans, and the example after a byte order
 * mark) exit 0 with no error.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_DIR, REPO_ROOT } from '../../support/offerHarness';
import { BOM_OFFER, PATHOLOGICAL_INPUTS, TEN_MIB_OFFER } from './pathologicalInputs';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
/** Far above what any of these takes (the 10 MiB file about a few seconds), far below a hang. */
const TIME_LIMIT_MS = 30_000;

describe('hostile input: the checker on pathological files', function () {
  this.timeout(TIME_LIMIT_MS + 10_000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-cli-pathological-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  PATHOLOGICAL_INPUTS.forEach((input, index) => {
    const valid = input === BOM_OFFER || input === TEN_MIB_OFFER;
    it(`${input.name}: exit ${valid ? '0' : '1 or 2'} with ${valid ? 'no error' : 'a message'}, no stack trace, in bounded time`, () => {
      const file = path.join(workspace, `pathological-${index}.offer.json`);
      // Written as the bytes a tool would leave: the noise byte for byte, the rest as UTF-8.
      fs.writeFileSync(file, input.text(), input.name.includes('binary noise') ? 'latin1' : 'utf8');
      const started = Date.now();
      const result = spawnSync(process.execPath, [CLI, '--root', workspace, file], { encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 256 * 1024 * 1024 });
      const elapsed = Date.now() - started;
      assert.strictEqual(result.error, undefined, `the checker did not finish: ${result.error?.message} after ${elapsed} ms`);
      assert.doesNotMatch(result.stderr, /\n\s+at /, `stack trace in stderr:\n${result.stderr.slice(0, 2000)}`);
      assert.doesNotMatch(result.stdout, /\n\s+at /, 'stack trace in stdout');
      if (valid) {
        assert.strictEqual(result.status, 0, result.stdout + result.stderr);
        assert.doesNotMatch(result.stdout, / error /);
        return;
      }
      assert.ok(result.status === 1 || result.status === 2, `exit ${result.status}, signal ${result.signal}\n${result.stderr}`);
      const message = result.status === 1 ? result.stdout : result.stderr;
      // A problem is printed as file:line:col: severity code message, like a compiler.
      const pattern = result.status === 1 ? new RegExp(`^${escape(file)}:\\d+:\\d+: error \\S+ .+`, 'm') : /^offer-lint: .+/;
      assert.match(message, pattern, `no message:\n${result.stdout.slice(0, 500)}\n${result.stderr.slice(0, 500)}`);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
