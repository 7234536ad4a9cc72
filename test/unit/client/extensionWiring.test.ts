/**
 * The extension activated in a stand-in editor (`fakeVscode.ts`) with the real language server
 * behind it: the tree, the status bar, the preview and the commands show and do what the server
 * answers. Each test gets a workspace of its own on disk (a copy of the example offer and its
 * files), since the server reads the files an offer names.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import type { PlanTreeNode, PlanTreeProvider } from '../../../client/src/tree/planTreeProvider';
import { EXAMPLE_OFFER_TEXT, REPO_ROOT } from './exampleFixture';
import { FakeEditor, loadWithFakeEditor, Range, TreeItem, Uri } from './fakeVscode';

const EXTENSION = path.join(REPO_ROOT, 'out', 'client', 'src', 'extension.js');
const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'contoso-sentinel');

interface ExtensionModule {
  activate(context: unknown): unknown;
  deactivate(): Promise<void>;
}

let workspace: string;
/** The example offer's path in this test's workspace. */
let OFFER_PATH: string;
const running: { editor: FakeEditor; context: { subscriptions: { dispose(): void }[] } }[] = [];

beforeEach(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-wiring-'));
  fs.cpSync(EXAMPLE_DIR, path.join(workspace, 'offer'), { recursive: true });
  OFFER_PATH = path.join(workspace, 'offer', 'offer.json');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map(({ editor, context }) => editor.deactivate(context)));
  fs.rmSync(workspace, { recursive: true, force: true });
});

async function activated(prepare: (editor: FakeEditor) => void = () => undefined) {
  const editor = new FakeEditor();
  editor.workspaceRoot = workspace;
  prepare(editor);
  const extension = loadWithFakeEditor<ExtensionModule>(EXTENSION, editor);
  const context = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.file(REPO_ROOT), asAbsolutePath: (p: string) => path.join(REPO_ROOT, p) };
  running.push({ editor, context });
  await extension.activate(context);
  const tree = editor.treeViews[0]?.provider as PlanTreeProvider;
  return { editor, extension, context, tree };
}

/** Lets the debounce timers and the server's answers arrive. */
async function settle(ms = 350): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition` holds (the server answers asynchronously); fails with `what` after 10 s. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await settle(25);
  }
}

async function children(tree: PlanTreeProvider, node?: PlanTreeNode): Promise<PlanTreeNode[]> {
  return (await tree.getChildren(node)) ?? [];
}

function itemOf(tree: PlanTreeProvider, node: PlanTreeNode): TreeItem {
  return tree.getTreeItem(node) as unknown as TreeItem;
}

async function labels(tree: PlanTreeProvider, node?: PlanTreeNode): Promise<string[]> {
  return (await children(tree, node)).map((child) => itemOf(tree, child).label);
}

/** The requests the extension sent to the server, by method name. */
function requests(editor: FakeEditor, method: string): number {
  return editor.requests.filter((request) => request.method === method).length;
}

describe('extension wiring (a stand-in editor, the real server)', function () {
  this.timeout(30000);

  it('registers every command the manifest contributes, and activates without waiting for the server', async () => {
    const { editor, context } = await activated();
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const contributed: string[] = manifest.contributes.commands.map((command: { command: string }) => command.command);
    const missing = contributed.filter((id) => !editor.commands.has(id));
    assert.deepStrictEqual(missing, []);
    assert.ok(context.subscriptions.length > 5);
    assert.deepStrictEqual(editor.treeViews.map((view) => view.id), ['marketplaceOffer.plans']);
  });

  it('shows the open offer in the plans tree, with role names, and selects a node\'s range on click', async () => {
    const { editor, tree } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    assert.deepStrictEqual(await labels(tree), ['Contoso Sentinel Operations']);
    assert.strictEqual(editor.contexts.get('marketplaceOffer.hasOffers'), true);
    const [offer] = await children(tree);
    assert.deepStrictEqual(await labels(tree, offer), ['Publish readiness', 'gold']);
    const plan = (await children(tree, offer))[1];
    // 1 inline subscription + 2 in gold-customers.csv, which the server read.
    assert.strictEqual(itemOf(tree, plan).description, 'private · 3 subscriptions');
    assert.ok((await labels(tree, plan)).includes('SOC Analysts — Reader'));
    const reader = (await children(tree, plan))[1];
    const item = itemOf(tree, reader);
    assert.strictEqual(item.contextValue, 'authorization');
    assert.strictEqual(item.command?.command, 'vscode.open');
    const [uri, options] = item.command.arguments as [Uri, { selection: { start: { line: number }; end: { line: number } } }];
    assert.strictEqual(uri.fsPath, OFFER_PATH);
    const readerLine = EXAMPLE_OFFER_TEXT.split('\n').findIndex((line) => line.includes('"SOC Analysts"')) - 2;
    assert.strictEqual(options.selection.start.line, readerLine);
    assert.strictEqual(tree.getParent(reader), plan);
  });

  it('follows edits: the tree and the status bar change after the text and the server\'s diagnostics do', async () => {
    const { editor, tree } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    await until(() => editor.statusItems.some((item) => item.visible), 'the status bar');
    const status = editor.statusItems.find((item) => item.visible);
    assert.strictEqual(status?.text, '$(pass) Offer: ready to publish');
    assert.strictEqual(status?.command, 'workbench.actions.view.problems');

    const document = editor.documents[0];
    const at = document.getText().indexOf('"gold",\n      "name"');
    document.apply([{ range: new Range(document.positionAt(at), document.positionAt(at + 6)), text: '"Gold"' }]);
    editor.onDidChangeTextDocument.fire({ document });
    await until(() => status?.text !== '$(pass) Offer: ready to publish', 'the status bar to change');
    assert.strictEqual(status?.text, '$(error) Offer: 1 error — 1 section incomplete');
    const [offer] = await children(tree);
    const plan = (await children(tree, offer))[1];
    const planItem = itemOf(tree, plan);
    assert.strictEqual(planItem.label, 'Gold');
    assert.strictEqual(planItem.iconPath?.id, 'error');
    assert.strictEqual(planItem.iconPath?.color?.id, 'list.errorForeground');
    // The plan's name (still "gold") now differs from its id.
    assert.strictEqual(planItem.description, '1 error · gold · private · 3 subscriptions');
    assert.match(String(planItem.tooltip), /Plan ID 'Gold'/);
  });

  it('asks for no tree while the view is hidden, and then only for the offers that changed', async () => {
    const second = path.join(workspace, 'offer', 'silver.offer.json');
    fs.writeFileSync(second, EXAMPLE_OFFER_TEXT.replaceAll('"Contoso Sentinel Operations"', '"Contoso Silver"'));
    const { editor, tree } = await activated((e) => {
      e.treeViewsVisible = false;
      e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT));
      e.workspaceFiles.push(Uri.file(second));
    });
    const document = editor.documents[0];
    document.apply([{ range: new Range(document.positionAt(0), document.positionAt(0)), text: ' ' }]);
    editor.onDidChangeTextDocument.fire({ document });
    await settle(700);
    assert.strictEqual(requests(editor, 'marketplaceOffer/planTree'), 0, 'no tree asked while the view is hidden');
    assert.strictEqual(editor.contexts.get('marketplaceOffer.hasOffers'), true, 'the view is offered all the same');

    let redraws = 0;
    tree.onDidChangeTreeData(() => redraws++);
    editor.treeViews[0].setVisible(true);
    assert.strictEqual(redraws, 1, 'shown: redrawn once');
    // The offer that nobody opened is read by the server, not by the extension.
    assert.deepStrictEqual(await labels(tree), ['Contoso Sentinel Operations', 'Contoso Silver']);
    assert.strictEqual(requests(editor, 'marketplaceOffer/planTree'), 2);

    document.apply([{ range: new Range(document.positionAt(0), document.positionAt(1)), text: '' }]);
    editor.onDidChangeTextDocument.fire({ document });
    await until(() => redraws > 1, 'a redraw');
    assert.deepStrictEqual(await labels(tree), ['Contoso Sentinel Operations', 'Contoso Silver']);
    assert.strictEqual(requests(editor, 'marketplaceOffer/planTree'), 3, 'only the edited offer asked again');
  });

  it('adds a plan and an authorization through the commands, keeping the comments', async () => {
    const { editor, tree } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    const document = editor.documents[0];
    editor.answers.push('silver');
    await editor.commands.get('marketplaceOffer.plans.addPlan')!();
    assert.deepStrictEqual(parse(document.getText()).plans.map((plan: { planId: string }) => plan.planId), ['gold', 'silver']);
    await settle();
    const plan = (await children(tree, (await children(tree))[0])).find((node) => node.model.label === 'silver');
    assert.ok(plan, 'the new plan is in the tree');

    editor.answers.push('Contributor', '2f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', 'Night shift');
    await editor.commands.get('marketplaceOffer.plans.addAuthorization')!(plan);
    const offer = parse(document.getText());
    assert.deepStrictEqual(offer.plans[1].technicalConfiguration.authorizations, [
      { principalId: '2f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', principalIdDisplayName: 'Night shift', roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c' },
    ]);
    assert.ok(document.getText().includes('// Managed Services Registration assignment Delete Role'));
  });

  it('refuses a plan id that is taken, as it is typed', async () => {
    const { editor } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    editor.answers.push('gold');
    await assert.rejects(Promise.resolve(editor.commands.get('marketplaceOffer.plans.addPlan')!()), /The offer already has a plan "gold"/);
    assert.strictEqual(editor.documents[0].getText(), EXAMPLE_OFFER_TEXT);
  });

  it('removes an authorization only after the user confirms, and not when the offer changed meanwhile', async () => {
    const { editor, tree } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    const document = editor.documents[0];
    const plan = (await children(tree, (await children(tree))[0]))[1];
    const reader = (await children(tree, plan))[1];
    editor.answers.push(undefined); // the user closes the confirmation
    await editor.commands.get('marketplaceOffer.plans.remove')!(reader);
    assert.strictEqual(document.getText(), EXAMPLE_OFFER_TEXT);
    assert.strictEqual(editor.messages.at(-1)?.text, 'Remove the authorization "SOC Analysts — Reader"?');

    // Another authorization now sits at the node's place: nothing is removed.
    const renamed = EXAMPLE_OFFER_TEXT.replace('"SOC Analysts"', '"Night shift"');
    document.apply([{ range: new Range(document.positionAt(0), document.positionAt(EXAMPLE_OFFER_TEXT.length)), text: renamed }]);
    editor.onDidChangeTextDocument.fire({ document });
    editor.answers.push('Remove');
    await editor.commands.get('marketplaceOffer.plans.remove')!(reader);
    assert.strictEqual(document.getText(), renamed);
    assert.strictEqual(editor.messages.at(-1)?.text, 'The offer changed since the tree was drawn; nothing was removed. Try again.');

    document.apply([{ range: new Range(document.positionAt(0), document.positionAt(renamed.length)), text: EXAMPLE_OFFER_TEXT }]);
    editor.onDidChangeTextDocument.fire({ document });
    editor.answers.push('Remove');
    await editor.commands.get('marketplaceOffer.plans.remove')!(reader);
    assert.deepStrictEqual(
      parse(document.getText()).plans[0].technicalConfiguration.authorizations.map((a: { principalIdDisplayName: string }) => a.principalIdDisplayName),
      ['Tier 2 Operators', 'Offer Administrators', 'Access Managers'],
    );
  });

  it('opens the listing preview with the CSP, local resources only, and asks before opening a link', async () => {
    const { editor } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    await editor.commands.get('marketplaceOffer.openPreview')!();
    const panel = editor.panels[0];
    assert.ok(panel, 'a webview panel');
    await until(() => panel.webview.html !== '', 'the preview to render');
    const html = panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; script-src &#39;nonce-[A-Za-z0-9+/=]+&#39;">/);
    // The server found the PNG in the workspace; the extension made it a webview URI.
    assert.ok(html.includes(`src="https://file+.vscode-resource.vscode-cdn.net${path.join(workspace, 'offer', 'media', 'logo-large.png')}"`));
    assert.ok(html.includes('Ready to publish: every section is complete.'));
    assert.deepStrictEqual(
      panel.webview.options.localResourceRoots?.map((uri) => uri.fsPath),
      [workspace, path.join(REPO_ROOT, 'media')],
    );
    assert.strictEqual(panel.webview.options.enableCommandUris, false);

    panel.post({ type: 'openLink', url: 'javascript:alert(1)' });
    panel.post({ type: 'openLink', url: 'https://contoso.com/sentinel/runbook' });
    await settle(50);
    assert.deepStrictEqual(editor.openedExternally, [], 'nothing opened: the user did not confirm');
    assert.strictEqual(editor.messages.filter((m) => m.text === 'Open this link from the offer in your browser?').length, 1);
    editor.answers.push('Open');
    panel.post({ type: 'openLink', url: 'https://contoso.com/sentinel/runbook' });
    await settle(50);
    assert.deepStrictEqual(editor.openedExternally, ['https://contoso.com/sentinel/runbook']);
  });

  it('keeps the scroll position the preview reports across re-renders', async () => {
    const { editor } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    await editor.commands.get('marketplaceOffer.openPreview')!();
    const panel = editor.panels[0];
    await until(() => panel.webview.html !== '', 'the preview to render');
    panel.post({ type: 'scroll', scrollY: 420 });
    const document = editor.documents[0];
    document.apply([{ range: new Range(document.positionAt(0), document.positionAt(0)), text: ' ' }]);
    editor.onDidChangeTextDocument.fire({ document });
    await until(() => /<body data-scroll-y="420">/.test(panel.webview.html), 'a re-render at the scroll position');
  });

  it('says which offer the preview shows, and starts another offer\'s page at the top', async () => {
    const { editor } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    await editor.commands.get('marketplaceOffer.openPreview')!();
    const panel = editor.panels[0];
    await until(() => panel.webview.html.includes(` data-offer-uri="${Uri.file(OFFER_PATH).toString()}">`), 'the preview of the first offer');
    panel.post({ type: 'scroll', scrollY: 420 });
    const other = path.join(workspace, 'offer', 'other.offer.json');
    editor.showEditor(editor.open(other, EXAMPLE_OFFER_TEXT));
    await until(() => panel.webview.html.includes(` data-offer-uri="${Uri.file(other).toString()}">`), 'the preview of the other offer');
    assert.match(panel.webview.html, /<body data-scroll-y="0">/);
  });

  it('refuses to export a plan whose technical configuration has errors, and writes nothing', async () => {
    const broken = EXAMPLE_OFFER_TEXT.replace('"72f988bf-86f1-41af-91ab-2d7cd011db47"', '"contoso.onmicrosoft.com"');
    const { editor } = await activated((e) => e.showEditor(e.open(OFFER_PATH, broken)));
    editor.answers.push('Subscription', undefined);
    await editor.commands.get('marketplaceOffer.exportArm')!();
    assert.strictEqual(editor.written.size, 0);
    const refusal = editor.messages.at(-1);
    assert.strictEqual(refusal?.text, "Plan 'gold' can't be exported: its technical configuration has 1 error.");
    assert.match(refusal?.detail ?? '', /^tenant-id-format: /);
  });
});
