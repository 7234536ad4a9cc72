import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import type { PlanTreeNode, PlanTreeProvider } from '../../../client/src/tree/planTreeProvider';
import { EXAMPLE_OFFER_TEXT, REPO_ROOT } from './exampleFixture';
import { FakeEditor, loadWithFakeEditor, Range, TreeItem, Uri } from './fakeVscode';

const EXTENSION = path.join(REPO_ROOT, 'out', 'client', 'src', 'extension.js');
const OFFER_PATH = path.resolve('/ws/offer/offer.json');

interface ExtensionModule {
  activate(context: unknown): Promise<void>;
  deactivate(): Promise<void>;
}

async function activated(prepare: (editor: FakeEditor) => void = () => undefined) {
  const editor = new FakeEditor();
  prepare(editor);
  const extension = loadWithFakeEditor<ExtensionModule>(EXTENSION, editor);
  const context = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.file(REPO_ROOT), asAbsolutePath: (p: string) => path.join(REPO_ROOT, p) };
  await extension.activate(context);
  await settle();
  const tree = editor.treeViews[0]?.provider as PlanTreeProvider;
  return { editor, extension, context, tree };
}

/** Lets the tree's asynchronous rebuild and the debounce timers run. */
async function settle(ms = 350): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

function labels(tree: PlanTreeProvider, node?: PlanTreeNode): string[] {
  return tree.getChildren(node).map((child) => (tree.getTreeItem(child) as unknown as TreeItem).label);
}

describe('extension wiring (with a stand-in for the editor)', function () {
  this.timeout(20000);

  it('registers every command the manifest contributes', async () => {
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
    assert.strictEqual(editor.contexts.get('marketplaceOffer.hasOffers'), true);
    assert.deepStrictEqual(labels(tree), ['Contoso Sentinel Operations']);
    const [offer] = tree.getChildren();
    assert.deepStrictEqual(labels(tree, offer), ['Publish readiness', 'gold']);
    const plan = tree.getChildren(offer)[1];
    assert.ok(labels(tree, plan).includes('SOC Analysts — Reader'));
    const item = tree.getTreeItem(tree.getChildren(plan)[1]) as unknown as TreeItem;
    assert.strictEqual(item.contextValue, 'authorization');
    assert.strictEqual(item.command?.command, 'vscode.open');
    const [uri, options] = item.command!.arguments as [Uri, { selection: { start: { line: number }; end: { line: number } } }];
    assert.strictEqual(uri.fsPath, OFFER_PATH);
    const readerLine = EXAMPLE_OFFER_TEXT.split('\n').findIndex((line) => line.includes('"SOC Analysts"')) - 2;
    assert.strictEqual(options.selection.start.line, readerLine);
    assert.strictEqual(tree.getParent(tree.getChildren(plan)[1]), plan);
  });

  it('follows edits: the tree and the status bar change after the text and diagnostics do', async () => {
    const { editor, tree } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    const status = editor.statusItems.find((item) => item.visible);
    assert.strictEqual(status?.text, '$(pass) Offer: ready to publish');
    assert.strictEqual(status?.command, 'workbench.actions.view.problems');

    const document = editor.documents[0];
    const at = document.getText().indexOf('"gold",\n      "name"');
    document.apply([{ range: new Range(document.positionAt(at), document.positionAt(at + 6)), text: '"Gold"' }]);
    editor.diagnostics.set(document.uri.toString(), [
      { severity: 0, message: "Plan ID 'Gold' must be lowercase: use 'gold'.", source: 'offer', range: { start: { line: 0, character: 0 } }, data: { path: '/plans/0/planId' } },
    ]);
    editor.onDidChangeTextDocument.fire({ document });
    editor.onDidChangeDiagnostics.fire({ uris: [document.uri] });
    await settle(500);
    const [offer] = tree.getChildren();
    const plan = tree.getChildren(offer)[1];
    const planItem = tree.getTreeItem(plan) as unknown as TreeItem;
    assert.strictEqual(planItem.label, 'Gold');
    assert.strictEqual(planItem.iconPath?.id, 'error');
    assert.strictEqual(planItem.iconPath?.color?.id, 'list.errorForeground');
    // The plan's name (still "gold") now differs from its id; the CSV is not in this fake workspace.
    assert.strictEqual(planItem.description, '1 error · gold · private · 1 subscription + gold-customers.csv');
    assert.strictEqual(status?.text, '$(error) Offer: 1 error — 1 section incomplete');
  });

  it('adds a plan and an authorization through the commands, keeping the comments', async () => {
    const { editor, tree } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    const document = editor.documents[0];
    editor.answers.push('silver');
    await editor.commands.get('marketplaceOffer.plans.addPlan')!();
    await settle();
    const plan = tree.getChildren(tree.getChildren()[0]).find((node) => node.model.label === 'silver');
    assert.ok(plan, 'the new plan is in the tree');

    editor.answers.push('Contributor', '2f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', 'Night shift');
    await editor.commands.get('marketplaceOffer.plans.addAuthorization')!(plan);
    const offer = parse(document.getText());
    assert.deepStrictEqual(offer.plans[1].technicalConfiguration.authorizations, [
      { principalId: '2f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', principalIdDisplayName: 'Night shift', roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c' },
    ]);
    assert.ok(document.getText().includes('// Managed Services Registration assignment Delete Role'));
  });

  it('removes an authorization only after the user confirms', async () => {
    const { editor, tree } = await activated((e) => e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT)));
    const document = editor.documents[0];
    const plan = tree.getChildren(tree.getChildren()[0])[1];
    const reader = tree.getChildren(plan)[1];
    editor.answers.push(undefined); // the user closes the confirmation
    await editor.commands.get('marketplaceOffer.plans.remove')!(reader);
    assert.strictEqual(document.getText(), EXAMPLE_OFFER_TEXT);
    assert.strictEqual(editor.messages.at(-1)?.text, 'Remove the authorization "SOC Analysts — Reader"?');
    editor.answers.push('Remove');
    await editor.commands.get('marketplaceOffer.plans.remove')!(reader);
    assert.deepStrictEqual(
      parse(document.getText()).plans[0].technicalConfiguration.authorizations.map((a: { principalIdDisplayName: string }) => a.principalIdDisplayName),
      ['Tier 2 Operators', 'Offer Administrators', 'Access Managers'],
    );
  });

  it('opens the listing preview with the CSP, local resources only, and asks before opening a link', async () => {
    const { editor } = await activated((e) => {
      e.showEditor(e.open(OFFER_PATH, EXAMPLE_OFFER_TEXT));
      e.workspaceRoot = path.join(REPO_ROOT, 'examples');
    });
    // The example's real PNGs are on disk under examples/: point the offer there.
    editor.documents[0].isClosed = true;
    const realOffer = path.join(REPO_ROOT, 'examples', 'contoso-sentinel', 'offer.json');
    editor.showEditor(editor.open(realOffer, EXAMPLE_OFFER_TEXT));
    await editor.commands.get('marketplaceOffer.openPreview')!();
    const panel = editor.panels[0];
    assert.ok(panel, 'a webview panel');
    const html = panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; script-src &#39;nonce-[A-Za-z0-9+/=]+&#39;">/);
    assert.ok(html.includes(`src="https://file+.vscode-resource.vscode-cdn.net${path.join(REPO_ROOT, 'examples', 'contoso-sentinel', 'media', 'logo-large.png')}"`));
    assert.deepStrictEqual(
      panel.webview.options.localResourceRoots?.map((uri) => uri.fsPath),
      [path.join(REPO_ROOT, 'examples'), path.join(REPO_ROOT, 'media')],
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
    panel.post({ type: 'scroll', scrollY: 420 });
    editor.onDidChangeTextDocument.fire({ document: editor.documents[0] });
    await settle(500);
    assert.match(panel.webview.html, /<body data-scroll-y="420">/);
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
