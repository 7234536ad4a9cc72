import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../server/src/cli/main';
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

describe('the checker\'s workspace folder without --root', () => {
  let scratch: string;

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-cli-root-'));
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** A repository (a folder with `.git`: a folder, or the file a worktree has) holding the example at offers/contoso. */
  function repository(name: string, git: 'folder' | 'file'): string {
    const root = path.join(scratch, name);
    fs.cpSync(EXAMPLE_DIR, path.join(root, 'offers', 'contoso'), { recursive: true });
    if (git === 'folder') {
      fs.mkdirSync(path.join(root, '.git'));
    } else {
      fs.writeFileSync(path.join(root, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
    }
    return root;
  }

  it('is the repository that holds the offer: an offer checked from elsewhere reads its images', () => {
    const root = repository('repo', 'folder');
    // The images are the example's own ("media/…"), and one reaches up into the repository.
    const offer = path.join(root, 'offers', 'contoso', 'offer.json');
    fs.mkdirSync(path.join(root, 'shared'));
    fs.copyFileSync(path.join(EXAMPLE_DIR, 'media', 'logo-small.png'), path.join(root, 'shared', 'logo-small.png'));
    fs.writeFileSync(offer, EXAMPLE_OFFER_TEXT.replace('"media/logo-small.png"', '"../../shared/logo-small.png"'));
    const result = run([offer], os.tmpdir());
    assert.strictEqual(result.stderr, '');
    assert.strictEqual(result.code, 0, result.stdout);
    assert.ok(!result.stdout.includes('path-outside-workspace'), result.stdout);
  });

  it('is found through the .git file of a worktree too', () => {
    const root = repository('worktree', 'file');
    const offer = path.join(root, 'offers', 'contoso', 'offer.json');
    fs.writeFileSync(offer, EXAMPLE_OFFER_TEXT.replace('"media/logo-small.png"', '"../../../outside.png"'));
    const result = run(['--format', 'json', offer], os.tmpdir());
    const outside = JSON.parse(result.stdout).filter((d: { code: string }) => d.code === 'path-outside-workspace');
    assert.strictEqual(outside.length, 1);
    assert.strictEqual(
      outside[0].message,
      `'../../../outside.png' leads outside the workspace folder '${root}', so it is not read: move the file into that folder and give its path relative to the offer file.`,
    );
  });

  it('is worked out once, against the working folder the checker is given, by the check and every sub-command', () => {
    const root = repository('relative', 'folder');
    const relativeOffer = path.join('offers', 'contoso', 'offer.json');
    // In process, with a working folder that is not the process's: relative names resolve against it.
    const inProcess = (args: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = runCli(args, { stdout: (text) => (stdout += text + '\n'), stderr: (text) => (stderr += text + '\n'), cwd: root });
      return { code, stdout, stderr };
    };
    const check = inProcess(['--format', 'json', relativeOffer]);
    assert.deepStrictEqual([check.code, check.stderr, JSON.parse(check.stdout)], [0, '', []]);
    const handoff = inProcess(['handoff', '--format', 'json', relativeOffer]);
    assert.strictEqual(handoff.code, 0, handoff.stderr);
    const fields = (JSON.parse(handoff.stdout) as { pages: { sections: { fields: { pointer: string; file?: { absolutePath?: string } }[] }[] }[] }).pages.flatMap(
      (page) => page.sections.flatMap((section) => section.fields),
    );
    assert.strictEqual(fields.find((field) => field.pointer === '/listing/logos/small')?.file?.absolutePath, path.join(root, 'offers', 'contoso', 'media', 'logo-small.png'));
    assert.strictEqual(inProcess(['readiness', relativeOffer]).code, 0);
    const out = path.join(root, 'out');
    const exported = inProcess(['export-arm', relativeOffer, '--plan', 'gold', '--out', 'out']);
    assert.strictEqual(exported.code, 0, exported.stderr);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), ['gold.parameters.json', 'gold.template.json']);
  });

  it("is the offer's folder when no folder above it is a repository, and --root still wins", () => {
    const folder = path.join(scratch, 'loose');
    fs.cpSync(EXAMPLE_DIR, folder, { recursive: true });
    const offer = path.join(folder, 'offer.json');
    fs.writeFileSync(offer, EXAMPLE_OFFER_TEXT.replace('"media/logo-small.png"', '"../logo.png"'));
    const outside = (args: string[]) =>
      (JSON.parse(run(['--format', 'json', ...args, offer], os.tmpdir()).stdout) as { code: string; message: string }[]).filter((d) => d.code === 'path-outside-workspace');
    assert.match(outside([])[0].message, new RegExp(`outside the workspace folder '${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`));
    assert.deepStrictEqual(outside(['--root', scratch]), []);
  });
});
