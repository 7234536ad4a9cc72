/**
 * What the extension shows beside the editor: the outline, the plans tree's data, the listing
 * preview, the Partner Center hand-off, and the contributed commands.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openOffer, waitForDiagnostics } from '../support';

function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

function isTreeDataProvider(value: unknown): value is vscode.TreeDataProvider<unknown> {
  const candidate = value as Partial<vscode.TreeDataProvider<unknown>> | undefined;
  return typeof candidate?.getChildren === 'function' && typeof candidate?.getTreeItem === 'function';
}

/** The labels of a tree, depth first, down to `depth` levels. */
async function treeLabels(provider: vscode.TreeDataProvider<unknown>, depth = 4): Promise<string[]> {
  const labels: string[] = [];
  const visit = async (element: unknown, level: number) => {
    const children = (await provider.getChildren(element)) ?? [];
    for (const child of children) {
      const item = await provider.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      labels.push(item.description ? `${label} ${item.description}` : label);
      if (level < depth && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
        await visit(child, level + 1);
      }
    }
  };
  await visit(undefined, 1);
  return labels;
}

describe('Views and commands', () => {
  afterEach(closeAllEditors);

  it('outlines the offer: plans and authorizations by display name and role name', async () => {
    const editor = await openOffer('example/offer.json');
    await waitForDiagnostics(editor.document.uri, () => true);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names = flatten(symbols ?? []).map((symbol) => `${symbol.name} ${symbol.detail ?? ''}`);
    assert.ok(names.some((name) => /\bgold\b/.test(name)), `a symbol for plan gold: ${JSON.stringify(names)}`);
    assert.ok(
      names.some((name) => name.includes('Tier 2 Operators') && name.includes('Contributor')),
      `an authorization symbol "Tier 2 Operators — Contributor": ${JSON.stringify(names)}`,
    );
    assert.ok(!names.some((name) => name.includes('b24988ac-6180-42a0-ab88-20f7382dd24c')), 'role names, not GUIDs');
  });

  it('gives the plans tree the plan ids and "display name — role name" items', async () => {
    await openOffer('example/offer.json');
    const extension = await activateExtension();
    // The extension's activate() returns its API; the tree's data provider is part of it.
    const api = (extension.exports ?? {}) as Record<string, unknown>;
    const provider = Object.values(api).find(isTreeDataProvider);
    assert.ok(provider, `activate() exports the plans TreeDataProvider (exports: ${Object.keys(api).join(', ') || 'none'})`);
    const deadline = Date.now() + 10_000;
    let labels: string[] = [];
    while (Date.now() < deadline) {
      labels = await treeLabels(provider);
      if (labels.some((label) => label.includes('Tier 2 Operators'))) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(labels.some((label) => /\bgold\b/.test(label)), `a node for plan gold: ${JSON.stringify(labels)}`);
    assert.ok(
      labels.some((label) => label.includes('Tier 2 Operators — Contributor')),
      `an authorization node "Tier 2 Operators — Contributor": ${JSON.stringify(labels)}`,
    );
  });

  it('opens the listing preview as a webview beside the offer', async () => {
    await openOffer('example/offer.json');
    await vscode.commands.executeCommand('marketplaceOffer.openPreview');
    const deadline = Date.now() + 10_000;
    let webviews: vscode.TabInputWebview[] = [];
    while (Date.now() < deadline && webviews.length === 0) {
      webviews = vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .map((tab) => tab.input)
        .filter((input): input is vscode.TabInputWebview => input instanceof vscode.TabInputWebview);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.strictEqual(webviews.length, 1, 'one webview tab is open');
    assert.match(webviews[0].viewType, /marketplaceOffer/i, `the preview's view type: ${webviews[0].viewType}`);
    // Let the webview finish loading before afterEach closes it: in code-server, a webview closed
    // while it registers its service worker can leave the next webview of the window blank.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  });

  it('opens the Partner Center hand-off as a webview beside the offer', async () => {
    const editor = await openOffer('example/offer.json');
    await vscode.commands.executeCommand('marketplaceOffer.openHandoff');
    const deadline = Date.now() + 10_000;
    let tabs: vscode.Tab[] = [];
    while (Date.now() < deadline && tabs.length === 0) {
      tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.strictEqual(tabs.length, 1, 'one webview tab is open');
    const input = tabs[0].input as vscode.TabInputWebview;
    assert.match(input.viewType, /marketplaceOffer\.handoff/, `the hand-off's view type: ${input.viewType}`);
    assert.strictEqual(tabs[0].label, 'Hand-off offer.json');
    // Beside the offer, not over it: the offer's editor is still shown in its own group.
    assert.notStrictEqual(tabs[0].group.viewColumn, editor.viewColumn);
    assert.ok(vscode.window.visibleTextEditors.some((visible) => visible.document === editor.document));
    // Let the webview finish loading before afterEach closes it (see the preview's test).
    await new Promise((resolve) => setTimeout(resolve, 3000));
  });

  it('registers every command the manifest contributes', async () => {
    const extension = await activateExtension();
    const contributed = ((extension.packageJSON.contributes?.commands ?? []) as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 5, 'the manifest contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepStrictEqual(missing, [], 'contributed commands without a handler');
  });
});
