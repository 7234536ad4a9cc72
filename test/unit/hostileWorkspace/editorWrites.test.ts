/**
 * The editor's commands that write or read files chosen by the user (New Offer, Record Published
 * Baseline, Export, Import), run with a stand-in for the editor over a real folder on disk: what
 * they write goes through the safe writer, and what a hostile repository put in the way (links to
 * files elsewhere, links that lead nowhere, IDs that climb out of the folder, FIFOs) is refused
 * with a message, and nothing outside is touched.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import { EXAMPLE_OFFER_TEXT, REPO_ROOT } from '../client/exampleFixture';
import { FakeEditor, loadWithFakeEditor, Uri } from '../client/fakeVscode';
import { cleanUpTemporaryFolders, fifo, filesUnder, symlink, temporaryFolder, writeFile } from '../../support/hostileFiles';

const EXTENSION = path.join(REPO_ROOT, 'out', 'client', 'src', 'extension.js');
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

interface ExtensionModule {
  activate(context: unknown): Promise<void>;
}

/** A workspace `ws` on disk with the example offer at `ws/offer/offer.json`, a file outside it, and the extension active on it. */
async function editorOn(offerText = EXAMPLE_OFFER_TEXT) {
  const base = temporaryFolder();
  const root = path.join(base, 'ws');
  const offerPath = writeFile(path.join(root, 'offer', 'offer.json'), offerText);
  const victim = writeFile(path.join(base, 'home', '.config', 'Code', 'User', 'settings.json'), '{ "editor.fontSize": 14 }\n');
  const editor = new FakeEditor();
  editor.workspaceRoot = root;
  editor.showEditor(editor.open(offerPath, offerText));
  const extension = loadWithFakeEditor<ExtensionModule>(EXTENSION, editor);
  const context = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.file(REPO_ROOT), asAbsolutePath: (p: string) => path.join(REPO_ROOT, p) };
  active.push({ editor, context });
  await extension.activate(context);
  const run = (command: string, ...answers: unknown[]) => {
    editor.answers.push(...answers);
    return editor.commands.get(command)!();
  };
  return { base, root, offerFolder: path.dirname(offerPath), victim, editor, run };
}

/** Every activation of a test, ended after it (its timers, views and language server). */
const active: { editor: FakeEditor; context: { subscriptions: { dispose(): void }[] } }[] = [];
afterEach(async () => {
  await Promise.all(active.splice(0).map(({ editor, context }) => editor.deactivate(context)));
});

const lastError = (editor: FakeEditor) => editor.messages.filter((message) => message.level === 'error').at(-1)?.text;

describe('hostile workspace: what the editor writes and reads', function () {
  this.timeout(20000);
  after(cleanUpTemporaryFolders);

  describe('Record Published Baseline', () => {
    it('writes <name>.published.json beside the offer, and asks before replacing it', async () => {
      const { offerFolder, editor, run } = await editorOn();
      const baseline = path.join(offerFolder, 'offer.published.json');
      await run('marketplaceOffer.recordBaseline', undefined);
      assert.ok(!fs.existsSync(baseline), 'nothing written when the first question is dismissed');
      await run('marketplaceOffer.recordBaseline', 'Record');
      assert.strictEqual(fs.readFileSync(baseline, 'utf8'), EXAMPLE_OFFER_TEXT);
      fs.writeFileSync(baseline, 'older');
      await run('marketplaceOffer.recordBaseline', 'Record', undefined);
      assert.strictEqual(editor.messages.at(-1)?.text, 'offer.published.json already exists. Replace it with the offer as it is now?');
      assert.strictEqual(fs.readFileSync(baseline, 'utf8'), 'older');
      await run('marketplaceOffer.recordBaseline', 'Record', 'Replace');
      assert.strictEqual(fs.readFileSync(baseline, 'utf8'), EXAMPLE_OFFER_TEXT);
    });

    it('refuses a baseline that is a link to the user settings, and leaves them as they were', async () => {
      const { offerFolder, victim, editor, run } = await editorOn();
      const link = symlink(victim, path.join(offerFolder, 'offer.published.json'));
      await run('marketplaceOffer.recordBaseline', 'Record', 'Replace');
      assert.strictEqual(lastError(editor), `${link} is a symbolic link: nothing is written through a link. Remove the link or choose another folder.`);
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), '{ "editor.fontSize": 14 }\n');
      assert.ok(fs.lstatSync(link).isSymbolicLink());
    });

    it('refuses a baseline that is a link leading nowhere, instead of creating its target', async () => {
      const { base, offerFolder, editor, run } = await editorOn();
      const target = path.join(base, 'home', 'created.json');
      symlink(target, path.join(offerFolder, 'offer.published.json'));
      await run('marketplaceOffer.recordBaseline', 'Record');
      assert.match(lastError(editor) ?? '', /offer\.published\.json is a symbolic link/);
      assert.ok(!fs.existsSync(target));
    });
  });

  describe('Export Plan', () => {
    it('offers "onboarding" beside the offer, creates it, and writes both files there', async () => {
      const { offerFolder, editor, run } = await editorOn();
      await run('marketplaceOffer.exportArm', 'Subscription', path.join('offer', 'onboarding'), undefined);
      const folder = path.join(offerFolder, 'onboarding');
      assert.deepStrictEqual(filesUnder(folder), ['gold.parameters.json', 'gold.template.json']);
      const template = parse(fs.readFileSync(path.join(folder, 'gold.template.json'), 'utf8'));
      const parameters = parse(fs.readFileSync(path.join(folder, 'gold.parameters.json'), 'utf8'));
      assert.deepStrictEqual(template.resources.map((r: { type: string }) => r.type), [
        'Microsoft.ManagedServices/registrationDefinitions',
        'Microsoft.ManagedServices/registrationAssignments',
      ]);
      assert.strictEqual(parameters.parameters.managedByTenantId.value, TENANT);
      assert.strictEqual(editor.messages.at(-1)?.text, `Exported plan gold as ${path.join('offer', 'onboarding', 'gold.template.json')}.`);
    });

    it('exports into a folder chosen in the picker, and asks before replacing a file there', async () => {
      const { root, editor, run } = await editorOn();
      const folder = path.join(root, 'arm');
      writeFile(path.join(folder, 'gold.template.json'), 'older');
      await run('marketplaceOffer.exportArm', 'Subscription', 'Choose a folder…', [Uri.file(folder)], undefined);
      assert.strictEqual(editor.messages.at(-1)?.text, 'gold.template.json already exists in that folder. Replace it?');
      assert.deepStrictEqual(filesUnder(folder), ['gold.template.json']);
      await run('marketplaceOffer.exportArm', 'Subscription', 'Choose a folder…', [Uri.file(folder)], 'Replace', undefined);
      assert.deepStrictEqual(filesUnder(folder), ['gold.parameters.json', 'gold.template.json']);
      assert.notStrictEqual(fs.readFileSync(path.join(folder, 'gold.template.json'), 'utf8'), 'older');
    });

    it('refuses when gold.parameters.json is a link to a file elsewhere, and writes nothing', async () => {
      const { offerFolder, victim, editor, run } = await editorOn();
      const link = symlink(victim, path.join(offerFolder, 'onboarding', 'gold.parameters.json'));
      await run('marketplaceOffer.exportArm', 'Subscription', path.join('offer', 'onboarding'), 'Replace', undefined);
      assert.strictEqual(lastError(editor), `${link} is a symbolic link: nothing is written through a link. Remove the link or choose another folder.`);
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), '{ "editor.fontSize": 14 }\n');
      assert.deepStrictEqual(filesUnder(path.join(offerFolder, 'onboarding')), ['gold.parameters.json']);
    });

    it('refuses an "onboarding" folder that is a link out of the workspace', async () => {
      const { base, offerFolder, editor, run } = await editorOn();
      symlink(path.join(base, 'home'), path.join(offerFolder, 'onboarding'));
      await run('marketplaceOffer.exportArm', 'Subscription', path.join('offer', 'onboarding'), undefined);
      assert.match(lastError(editor) ?? '', /onboarding leads outside .*ws: nothing was written there\./);
      assert.deepStrictEqual(filesUnder(path.join(base, 'home')), ['.config', '.config/Code', '.config/Code/User', '.config/Code/User/settings.json']);
    });

    it('refuses a plan whose ID climbs out of the folder, saying which rule it fails', async () => {
      const text = EXAMPLE_OFFER_TEXT.replace('"planId": "gold"', '"planId": "../victim/pwned"');
      const { base, root, editor, run } = await editorOn(text);
      await run('marketplaceOffer.exportArm', 'Subscription', path.join('offer', 'onboarding'), undefined);
      const refusal = editor.messages.filter((message) => message.level === 'error').at(-1);
      assert.strictEqual(
        refusal?.text,
        "The plan ID ../victim/pwned fails plan-id-format (it may hold only lowercase letters, digits, '-' and '_'): no file is named after it. Fix the plan ID first.",
      );
      assert.deepStrictEqual(filesUnder(base), ['home', 'home/.config', 'home/.config/Code', 'home/.config/Code/User', 'home/.config/Code/User/settings.json', 'ws', 'ws/offer', 'ws/offer/offer.json']);
      assert.ok(fs.existsSync(root));
    });

    it('writes only to folders on this computer', async () => {
      const { editor, run } = await editorOn();
      await run('marketplaceOffer.exportArm', 'Subscription', 'Choose a folder…', [Uri.parse('vscode-vfs://github/contoso/offers')], undefined);
      assert.strictEqual(lastError(editor), 'Files are written only to folders on this computer: vscode-vfs://github/contoso/offers is not one. Nothing was written.');
    });
  });

  describe('New Offer', () => {
    it('writes offer.json, else <offer id>.offer.json, never over a file or a link', async () => {
      const { base, root, editor, run } = await editorOn();
      const folder = path.join(root, 'new');
      symlink(path.join(base, 'home', 'offer.json'), path.join(folder, 'offer.json'));
      await run('marketplaceOffer.newOffer', 'contoso-ops', 'Contoso Ops', TENANT, [Uri.file(folder)]);
      assert.strictEqual(parse(fs.readFileSync(path.join(folder, 'contoso-ops.offer.json'), 'utf8')).offerId, 'contoso-ops');
      assert.ok(!fs.existsSync(path.join(base, 'home', 'offer.json')), 'the dangling link was not followed');
      await run('marketplaceOffer.newOffer', 'contoso-ops', 'Contoso Ops', TENANT, [Uri.file(folder)]);
      assert.match(lastError(editor) ?? '', /already holds offer\.json and contoso-ops\.offer\.json; nothing was written/);
      const fresh = path.join(root, 'fresh');
      fs.mkdirSync(fresh);
      await run('marketplaceOffer.newOffer', 'contoso-ops', 'Contoso Ops', TENANT, [Uri.file(fresh)]);
      assert.deepStrictEqual(filesUnder(fresh), ['offer.json']);
    });
  });

  describe('Import Lighthouse Template', () => {
    async function exportedFiles() {
      const context = await editorOn();
      await context.run('marketplaceOffer.exportArm', 'Subscription', path.join('offer', 'onboarding'), undefined);
      const folder = path.join(context.offerFolder, 'onboarding');
      return { ...context, template: path.join(folder, 'gold.template.json'), parameters: path.join(folder, 'gold.parameters.json') };
    }

    it('imports a template, with a byte order mark, and its parameters as a new plan', async () => {
      const { editor, run, template, parameters } = await exportedFiles();
      fs.writeFileSync(template, '\uFEFF' + fs.readFileSync(template, 'utf8'));
      await run('marketplaceOffer.importArm', [Uri.file(template)], 'Choose a parameters file…', [Uri.file(parameters)], 'silver');
      const offer = parse(editor.documents[0].getText());
      assert.deepStrictEqual(offer.plans.map((plan: { planId: string }) => plan.planId), ['gold', 'silver']);
      assert.deepStrictEqual(offer.plans[1].technicalConfiguration, { ...offer.plans[0].technicalConfiguration, version: '1.0.0' });
    });

    it('names the file and the JSON path of a malformed parameters file, and adds nothing', async () => {
      const { root, editor, run, template, parameters } = await exportedFiles();
      const json = JSON.parse(fs.readFileSync(parameters, 'utf8'));
      json.parameters.managedByTenantId = TENANT;
      fs.writeFileSync(parameters, JSON.stringify(json));
      await run('marketplaceOffer.importArm', [Uri.file(template)], 'Choose a parameters file…', [Uri.file(parameters)], 'silver');
      assert.strictEqual(lastError(editor), `${path.relative(root, parameters)}: /parameters/managedByTenantId is a string; it must be an object.`);
      assert.strictEqual(parse(editor.documents[0].getText()).plans.length, 1);
    });

    it('refuses a FIFO picked as the template at once, without waiting on it', async () => {
      const { root, editor, run } = await editorOn();
      const pipe = fifo(path.join(root, 'pipe.json'));
      await run('marketplaceOffer.importArm', [Uri.file(pipe)], "Use the template's default values");
      assert.strictEqual(lastError(editor), 'pipe.json is not a regular file: only a template or parameters file is read.');
    });
  });
});
