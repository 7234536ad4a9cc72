/**
 * The checker (`dist/cli.js`) in a hostile repository: `export-arm` writes only where `--out`
 * says, never through a link, never over a file without `--force`, never under a name made from
 * an ID that fails its format rule; `import-arm` explains every malformed file; reads refuse
 * FIFOs and devices at once; a baseline that is a link out of the workspace is not read.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import { EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, REPO_ROOT } from '../../support/offerHarness';
import { cleanUpTemporaryFolders, ENDLESS_DEVICE, fifo, filesUnder, symlink, temporaryFolder, writeFile } from '../../support/hostileFiles';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Runs the checker in `cwd`; a FIFO or device that blocked it would hit the timeout and fail the test. */
function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 15_000 });
  assert.strictEqual(result.signal, null, `the checker was stopped (${result.signal}): it blocked`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the example in `ws/`, a victim file outside it, and the paths of both. */
function repository(offerText = EXAMPLE_OFFER_TEXT) {
  const base = temporaryFolder();
  const root = path.join(base, 'ws');
  fs.cpSync(EXAMPLE_DIR, root, { recursive: true });
  fs.writeFileSync(path.join(root, 'offer.json'), offerText);
  const victim = writeFile(path.join(base, 'victim', 'settings.json'), '{ "keep": true }\n');
  return { base, root, victim };
}

describe('hostile workspace: what the checker writes and reads', function () {
  this.timeout(60_000);
  after(cleanUpTemporaryFolders);

  describe('export-arm', () => {
    it('refuses a plan ID that climbs out of --out, with the rule it fails, and writes nothing anywhere', () => {
      const { base, root } = repository(EXAMPLE_OFFER_TEXT.replace('"planId": "gold"', '"planId": "../victim/pwned"'));
      const before = filesUnder(base);
      const result = cli(['export-arm', 'offer.json', '--plan', '../victim/pwned', '--out', 'out'], root);
      assert.strictEqual(result.code, 1);
      assert.strictEqual(
        result.stderr.trim(),
        "offer-lint: The plan ID ../victim/pwned fails plan-id-format (it may hold only lowercase letters, digits, '-' and '_'): no file is named after it. Fix the plan ID first.",
      );
      assert.match(result.stdout, /plan-id-format Plan ID '\.\.\/victim\/pwned' may hold only lowercase letters/);
      assert.deepStrictEqual(filesUnder(base), before);
    });

    it('creates a missing --out, nested, and writes both files there', () => {
      const { root } = repository();
      const result = cli(['export-arm', 'offer.json', '--plan', 'gold', '--out', 'deploy/onboarding'], root);
      assert.strictEqual(result.code, 0, result.stderr);
      assert.deepStrictEqual(filesUnder(path.join(root, 'deploy')), ['onboarding', 'onboarding/gold.parameters.json', 'onboarding/gold.template.json']);
      assert.strictEqual(result.stdout.trim(), `Wrote ${path.join(root, 'deploy', 'onboarding', 'gold.template.json')} and ${path.join(root, 'deploy', 'onboarding', 'gold.parameters.json')}.`);
    });

    it('refuses to write through gold.parameters.json when it is a link to a file elsewhere', () => {
      const { root, victim } = repository();
      const link = symlink(victim, path.join(root, 'onboarding', 'gold.parameters.json'));
      for (const args of [[], ['--force']]) {
        const result = cli(['export-arm', 'offer.json', '--plan', 'gold', '--out', 'onboarding', ...args], root);
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stderr.trim(), `offer-lint: ${link} is a symbolic link: nothing is written through a link. Remove the link or choose another folder.`);
      }
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), '{ "keep": true }\n');
      assert.deepStrictEqual(filesUnder(path.join(root, 'onboarding')), ['gold.parameters.json']);
    });

    it('refuses a dangling link instead of creating its target', () => {
      const { base, root } = repository();
      const target = path.join(base, 'victim', 'planted.json');
      symlink(target, path.join(root, 'onboarding', 'gold.template.json'));
      const result = cli(['export-arm', 'offer.json', '--plan', 'gold', '--out', 'onboarding'], root);
      assert.strictEqual(result.code, 2);
      assert.match(result.stderr, /gold\.template\.json is a symbolic link/);
      assert.ok(!fs.existsSync(target));
    });

    it('refuses an --out that is a link out of the workspace', () => {
      const { base, root } = repository();
      symlink(path.join(base, 'victim'), path.join(root, 'onboarding'));
      const result = cli(['export-arm', 'offer.json', '--plan', 'gold', '--out', 'onboarding'], root);
      assert.strictEqual(result.code, 2);
      assert.strictEqual(result.stderr.trim(), `offer-lint: ${path.join(root, 'onboarding')} leads outside ${root}: nothing was written there.`);
      assert.deepStrictEqual(filesUnder(path.join(base, 'victim')), ['settings.json']);
    });

    it('replaces existing files only with --force', () => {
      const { root } = repository();
      const template = writeFile(path.join(root, 'onboarding', 'gold.template.json'), 'older');
      const refused = cli(['export-arm', 'offer.json', '--plan', 'gold', '--out', 'onboarding'], root);
      assert.strictEqual(refused.code, 2);
      assert.strictEqual(refused.stderr.trim(), `offer-lint: ${template} already exists: nothing was written. Use --force to replace it.`);
      assert.strictEqual(fs.readFileSync(template, 'utf8'), 'older');
      assert.ok(!fs.existsSync(path.join(root, 'onboarding', 'gold.parameters.json')));
      const forced = cli(['export-arm', 'offer.json', '--plan', 'gold', '--out', 'onboarding', '--force'], root);
      assert.strictEqual(forced.code, 0, forced.stderr);
      assert.strictEqual(JSON.parse(fs.readFileSync(template, 'utf8')).contentVersion, '1.0.0.0');
    });
  });

  describe('import-arm', () => {
    function exported() {
      const { root } = repository();
      assert.strictEqual(cli(['export-arm', 'offer.json', '--plan', 'gold', '--out', 'onboarding'], root).code, 0);
      return { root, template: path.join(root, 'onboarding', 'gold.template.json'), parameters: path.join(root, 'onboarding', 'gold.parameters.json') };
    }

    it('accepts a template that starts with a byte order mark', () => {
      const { root, template, parameters } = exported();
      fs.writeFileSync(template, '\uFEFF' + fs.readFileSync(template, 'utf8'));
      const result = cli(['import-arm', template, parameters], root);
      assert.strictEqual(result.code, 0, result.stderr);
      assert.strictEqual(JSON.parse(result.stdout).tenantId, '72f988bf-86f1-41af-91ab-2d7cd011db47');
    });

    it('names the file and the JSON path of a parameter value that is not an object (no internal error)', () => {
      const { root, template, parameters } = exported();
      const json = JSON.parse(fs.readFileSync(parameters, 'utf8'));
      json.parameters.authorizations = [];
      fs.writeFileSync(parameters, JSON.stringify(json));
      const result = cli(['import-arm', 'onboarding/gold.template.json', 'onboarding/gold.parameters.json'], root);
      assert.strictEqual(result.code, 1);
      assert.strictEqual(result.stderr.trim(), 'offer-lint: onboarding/gold.parameters.json: /parameters/authorizations is an array; it must be an object.');
      assert.ok(fs.existsSync(template));
    });

    it('refuses a FIFO and /dev/zero at once', () => {
      const { root } = repository();
      const pipe = fifo(path.join(root, 'pipe.json'));
      const fromPipe = cli(['import-arm', pipe], root);
      assert.strictEqual(fromPipe.code, 2);
      assert.match(fromPipe.stderr, /pipe\.json is not a regular file: only a template or parameters file is read\./);
      const fromDevice = cli(['import-arm', ENDLESS_DEVICE], root);
      assert.strictEqual(fromDevice.code, 2);
      assert.match(fromDevice.stderr, /\/dev\/zero is not a regular file/);
    });
  });

  describe('checking', () => {
    it('does not read a baseline that is a link to a JSON file outside the workspace, nor quote its plan IDs', () => {
      const { base, root } = repository();
      const outside = writeFile(path.join(base, 'victim', 'other.json'), EXAMPLE_OFFER_TEXT.replace(/"gold"/g, '"secret-plan-of-victim"'));
      symlink(outside, path.join(root, 'offer.published.json'));
      const result = cli(['--root', root, 'offer.json'], root);
      assert.strictEqual(result.code, 0, result.stdout + result.stderr);
      assert.ok(!result.stdout.includes('secret-plan-of-victim'), result.stdout);

      // The same baseline inside the workspace is read: the comparison itself works.
      fs.rmSync(path.join(root, 'offer.published.json'));
      fs.copyFileSync(outside, path.join(root, 'offer.published.json'));
      const inside = cli(['--root', root, 'offer.json'], root);
      assert.strictEqual(inside.code, 1);
      assert.match(inside.stdout, /plan-id-immutable .*secret-plan-of-victim/);
    });

    it('refuses an offer file that is a FIFO or a device at once', () => {
      const { root } = repository();
      const pipe = fifo(path.join(root, 'pipe.offer.json'));
      for (const file of [pipe, ENDLESS_DEVICE]) {
        const result = cli(['--root', root, file], root);
        assert.strictEqual(result.code, 2);
        assert.match(result.stderr, /is not a file\./);
      }
    });

    it('reports a CSV or image that is a FIFO, a device link or a link out of the workspace, without reading it', () => {
      const { base, root } = repository();
      const offer = parse(EXAMPLE_OFFER_TEXT);
      fs.rmSync(path.join(root, offer.listing.logos.small));
      fifo(path.join(root, offer.listing.logos.small));
      fs.rmSync(path.join(root, offer.listing.logos.medium));
      symlink(ENDLESS_DEVICE, path.join(root, offer.listing.logos.medium));
      const csv = offer.plans[0].privateAudience.csv;
      fs.rmSync(path.join(root, csv));
      symlink(writeFile(path.join(base, 'victim', 'ids.csv'), '00000000-0000-0000-0000-000000000001\n'), path.join(root, csv));
      const result = cli(['--root', root, 'offer.json'], root);
      assert.strictEqual(result.code, 1);
      assert.match(result.stdout, new RegExp(`image-not-found .*${offer.listing.logos.small.replace(/[.]/g, '\\.')}`));
      assert.match(result.stdout, /path-outside-workspace/);
      assert.ok(!result.stdout.includes('00000000-0000-0000-0000-000000000001'));
    });
  });
});
