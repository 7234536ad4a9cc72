/**
 * The shared write layer: files go only where the user chose, never through a link, atomically,
 * never over an existing file without a yes, and into a folder created when missing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileNameFromId } from '@core/files/fileNames';
import { ConfirmOverwrite, writeBoundary, WriteOutcome, WriteRequest, writeFilesSafely, writeFilesSafelySync } from '@core/files/safeWriter';
import { cleanUpTemporaryFolders, fifo, filesUnder, symlink, temporaryFolder, writeFile } from '../../support/hostileFiles';

const FILES = [
  { name: 'gold.template.json', contents: '{"template":1}\n' },
  { name: 'gold.parameters.json', contents: '{"parameters":1}\n' },
];

describe('file layer: writes', () => {
  after(cleanUpTemporaryFolders);

  for (const form of ['sync', 'async'] as const) {
    const write = (request: WriteRequest, confirm: ConfirmOverwrite = () => assert.fail('no confirmation expected')): Promise<WriteOutcome> =>
      form === 'sync' ? Promise.resolve(writeFilesSafelySync(request, confirm as (existing: readonly string[]) => boolean)) : writeFilesSafely(request, confirm);

    function workspace() {
      const base = temporaryFolder();
      const root = path.join(base, 'ws');
      fs.mkdirSync(root);
      const victim = writeFile(path.join(base, 'victim', 'settings.json'), '{"keep":true}');
      return { base, root, victim };
    }

    it(`writes new files, creating the missing output folder, and leaves no temporary file (${form})`, async () => {
      const { root } = workspace();
      const folder = path.join(root, 'offer', 'onboarding');
      const outcome = await write({ folder, boundary: writeBoundary(folder, root), files: FILES });
      assert.deepStrictEqual(outcome, { ok: true, written: FILES.map((file) => path.join(folder, file.name)) });
      assert.deepStrictEqual(filesUnder(root), ['offer', 'offer/onboarding', 'offer/onboarding/gold.parameters.json', 'offer/onboarding/gold.template.json']);
      assert.strictEqual(fs.readFileSync(path.join(folder, 'gold.template.json'), 'utf8'), '{"template":1}\n');
    });

    it(`refuses a target that is a link to a file elsewhere, and leaves that file as it was (${form})`, async () => {
      const { root, victim } = workspace();
      const folder = path.join(root, 'onboarding');
      symlink(victim, path.join(folder, 'gold.parameters.json'));
      const outcome = await write({ folder, boundary: writeBoundary(folder, root), files: FILES });
      assert.strictEqual(outcome.ok, false);
      assert.strictEqual(!outcome.ok && outcome.reason, 'symlink');
      assert.match(!outcome.ok ? outcome.message : '', /gold\.parameters\.json is a symbolic link: nothing is written through a link/);
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), '{"keep":true}');
      assert.deepStrictEqual(filesUnder(folder), ['gold.parameters.json'], 'nothing written beside the link either');
    });

    it(`refuses a link that leads nowhere instead of creating its target (${form})`, async () => {
      const { base, root } = workspace();
      const folder = path.join(root, 'onboarding');
      const target = path.join(base, 'victim', 'created-by-link.json');
      symlink(target, path.join(folder, 'gold.template.json'));
      const outcome = await write({ folder, boundary: writeBoundary(folder, root), files: FILES });
      assert.strictEqual(!outcome.ok && outcome.reason, 'symlink');
      assert.ok(!fs.existsSync(target));
    });

    it(`refuses an output folder that is a link out of the workspace, and one below such a link (${form})`, async () => {
      const { base, root } = workspace();
      symlink(path.join(base, 'victim'), path.join(root, 'onboarding'));
      for (const folder of [path.join(root, 'onboarding'), path.join(root, 'onboarding', 'deeper')]) {
        const outcome = await write({ folder, boundary: writeBoundary(folder, root), files: FILES });
        assert.strictEqual(!outcome.ok && outcome.reason, 'outside', folder);
      }
      assert.deepStrictEqual(filesUnder(path.join(base, 'victim')), ['settings.json']);
    });

    it(`refuses a folder that is a link leading nowhere (${form})`, async () => {
      const { base, root } = workspace();
      const folder = symlink(path.join(root, 'not-yet'), path.join(root, 'onboarding'));
      const outcome = await write({ folder, boundary: writeBoundary(folder, root), files: FILES });
      assert.strictEqual(!outcome.ok && outcome.reason, 'symlink');
      assert.ok(!fs.existsSync(path.join(root, 'not-yet')));
      assert.ok(fs.existsSync(base));
    });

    it(`replaces existing files only after a yes, keeping their permissions (${form})`, async () => {
      const { root } = workspace();
      const folder = path.join(root, 'onboarding');
      writeFile(path.join(folder, 'gold.template.json'), 'old');
      fs.chmodSync(path.join(folder, 'gold.template.json'), 0o640);
      const asked: string[][] = [];
      const declined = await write({ folder, boundary: root, files: FILES }, (existing) => {
        asked.push([...existing]);
        return false;
      });
      assert.strictEqual(!declined.ok && declined.reason, 'declined');
      assert.deepStrictEqual(asked, [[path.join(folder, 'gold.template.json')]]);
      assert.strictEqual(fs.readFileSync(path.join(folder, 'gold.template.json'), 'utf8'), 'old');
      assert.ok(!fs.existsSync(path.join(folder, 'gold.parameters.json')), 'a refusal writes neither file');

      const accepted = await write({ folder, boundary: root, files: FILES }, () => true);
      assert.ok(accepted.ok);
      assert.strictEqual(fs.readFileSync(path.join(folder, 'gold.template.json'), 'utf8'), '{"template":1}\n');
      assert.strictEqual(fs.statSync(path.join(folder, 'gold.template.json')).mode & 0o777, 0o640);
      assert.deepStrictEqual(filesUnder(folder), ['gold.parameters.json', 'gold.template.json']);
    });

    it(`refuses names with a folder or .., and a FIFO or folder where a file should go (${form})`, async () => {
      const { root } = workspace();
      const folder = path.join(root, 'out');
      for (const name of ['../victim/pwned.json', 'a/b.json', '..', '.', '', 'a\\b.json', 'x\0.json']) {
        const outcome = await write({ folder, boundary: root, files: [{ name, contents: 'x' }] });
        assert.strictEqual(!outcome.ok && outcome.reason, 'bad-name', JSON.stringify(name));
      }
      fifo(path.join(folder, 'gold.template.json'));
      fs.mkdirSync(path.join(folder, 'gold.parameters.json'));
      const outcome = await write({ folder, boundary: root, files: FILES });
      assert.strictEqual(!outcome.ok && outcome.reason, 'not-a-file');
    });

    it(`takes a folder the user chose outside the workspace as its own boundary (${form})`, async () => {
      const { base, root } = workspace();
      const folder = path.join(base, 'exports', 'new');
      assert.strictEqual(writeBoundary(folder, root), folder);
      const outcome = await write({ folder, boundary: writeBoundary(folder, root), files: FILES });
      assert.ok(outcome.ok);
      assert.deepStrictEqual(filesUnder(path.join(base, 'exports')), ['new', 'new/gold.parameters.json', 'new/gold.template.json']);
    });
  }

  describe('file names from ids', () => {
    it('makes a name only from an id that passes its format rule, and says why not', () => {
      assert.deepStrictEqual(fileNameFromId('gold', 'planId', '.template.json'), { ok: true, name: 'gold.template.json' });
      for (const id of ['../victim/pwned', 'a/b', '..', '', 'Gold', 'a'.repeat(51), 'x\0y', 'C:\\x']) {
        const made = fileNameFromId(id, 'planId', '.template.json');
        assert.strictEqual(made.ok, false, JSON.stringify(id));
        assert.match(!made.ok ? made.message : '', /fails plan-id-format/);
      }
      const traversal = fileNameFromId('../victim/pwned', 'planId', '.template.json');
      assert.strictEqual(
        !traversal.ok && traversal.message,
        "The plan ID ../victim/pwned fails plan-id-format (it may hold only lowercase letters, digits, '-' and '_'): no file is named after it. Fix the plan ID first.",
      );
      assert.match((fileNameFromId('../x', 'offerId', '.offer.json') as { message: string }).message, /offer ID .* fails offer-id-format/);
    });
  });
});
