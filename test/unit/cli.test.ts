import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, REPO_ROOT } from '../support/offerHarness';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the command-line checker (dist/cli.js)', () => {
  let workspace: string;
  let broken: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-cli-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    broken = path.join(workspace, 'broken.offer.json');
    fs.writeFileSync(broken, EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel"'));
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('prints nothing and exits 0 for the example offer', () => {
    const result = run(['examples/contoso-sentinel/offer.json']);
    assert.strictEqual(result.stderr, '');
    assert.strictEqual(result.code, 0, result.stdout);
    assert.strictEqual(result.stdout.split('\n').filter((l) => / (error|warning) /.test(l)).length, 0);
  });

  it('prints file:line:col: severity code message like a compiler and exits 1 on an error', () => {
    const result = run(['--root', workspace, broken]);
    assert.strictEqual(result.code, 1);
    const line = result.stdout.split('\n').find((l) => l.includes('offer-id-format'));
    const offerIdLine = EXAMPLE_OFFER_TEXT.split('\n').findIndex((l) => l.includes('"offerId"')) + 1;
    const column = EXAMPLE_OFFER_TEXT.split('\n')[offerIdLine - 1].indexOf('"contoso-sentinel-ops"') + 1;
    assert.strictEqual(
      line,
      `${broken}:${offerIdLine}:${column}: error offer-id-format Offer ID 'Contoso Sentinel' may hold only lowercase letters, digits, '-' and '_': use 'contoso-sentinel'.`,
    );
  });

  it('prints one JSON array with 0-based ranges, severity, code, message and pointer', () => {
    const result = run(['--format', 'json', '--root', workspace, broken]);
    assert.strictEqual(result.code, 1);
    const diagnostics = JSON.parse(result.stdout);
    assert.ok(Array.isArray(diagnostics));
    const problem = diagnostics.find((d: { code: string }) => d.code === 'offer-id-format');
    const offerIdLine = EXAMPLE_OFFER_TEXT.split('\n').findIndex((l) => l.includes('"offerId"'));
    assert.deepStrictEqual(Object.keys(problem), ['file', 'range', 'severity', 'code', 'message', 'path']);
    assert.strictEqual(problem.file, broken);
    assert.strictEqual(problem.range.start.line, offerIdLine);
    assert.strictEqual(problem.severity, 'error');
    assert.strictEqual(problem.path, '/offerId');
  });

  it('prints an empty JSON array for a clean offer', () => {
    const result = run(['--format=json', 'examples/contoso-sentinel/offer.json']);
    assert.strictEqual(result.code, 0);
    assert.deepStrictEqual(JSON.parse(result.stdout).filter((d: { severity: string }) => d.severity !== 'info'), []);
  });

  it('exits 2 with a message and no stack trace for bad usage', () => {
    for (const args of [[], ['--format', 'xml', 'offer.json'], ['--bogus', 'offer.json'], ['--root']]) {
      const result = run(args);
      assert.strictEqual(result.code, 2, `args ${args.join(' ')}`);
      assert.match(result.stderr, /^offer-lint: /);
      assert.match(result.stderr, /Usage: offer-lint/);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });

  it('exits 2 for a file that does not exist or is a folder', () => {
    const missing = run([path.join(workspace, 'nope.json')]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*nope\.json: ENOENT/);
    const folder = run([workspace]);
    assert.strictEqual(folder.code, 2);
    assert.match(folder.stderr, /is not a file/);
  });

  it('checks several files in one run and names each', () => {
    const result = run(['--root', workspace, path.join(workspace, 'offer.json'), broken]);
    assert.strictEqual(result.code, 1);
    assert.ok(result.stdout.split('\n').every((l) => l === '' || l.startsWith(broken)));
  });
});
