/**
 * The hand-off panel (`client/src/handoff/handoffPanel.ts`) in the stand-in editor with the real
 * language server behind it: the command opens the sheet beside the offer, a copy puts the exact
 * value of the field on the clipboard (looked up in the sheet, never taken from the webview),
 * ticks are kept in the workspace's state per offer and lapse when their value changes, a hidden
 * panel asks the server nothing, and the ticks are cleared only after the user confirms. The
 * ticks' store is also tested on its own.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from 'htmlparser2';
import { HandoffTicks, TickStorage } from '../../../client/src/handoff/handoffTicks';
import { EXAMPLE_OFFER_TEXT, REPO_ROOT } from './exampleFixture';
import { FakeEditor, FakeWebviewPanel, loadWithFakeEditor, Range, Uri } from './fakeVscode';

const EXTENSION = path.join(REPO_ROOT, 'out', 'client', 'src', 'extension.js');
const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'contoso-sentinel');
const TENANT = '/plans/gold/technicalConfiguration/tenantId';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

interface ExtensionModule {
  activate(context: unknown): unknown;
}

/** `context.workspaceState` as VS Code keeps it: a key–value store that outlives a reload. */
class MemoryState implements TickStorage {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, JSON.parse(JSON.stringify(value)));
    }
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
}

let workspace: string;
let offerPath: string;
const running: { editor: FakeEditor; context: { subscriptions: { dispose(): void }[] } }[] = [];

beforeEach(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-handoff-'));
  fs.cpSync(EXAMPLE_DIR, path.join(workspace, 'offer'), { recursive: true });
  offerPath = path.join(workspace, 'offer', 'offer.json');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map(({ editor, context }) => editor.deactivate(context)));
  fs.rmSync(workspace, { recursive: true, force: true });
});

/** The extension activated with the example offer open, and the hand-off opened and rendered. */
async function openedHandoff(workspaceState = new MemoryState()) {
  const editor = new FakeEditor();
  editor.workspaceRoot = workspace;
  editor.showEditor(editor.open(offerPath, EXAMPLE_OFFER_TEXT));
  const extension = loadWithFakeEditor<ExtensionModule>(EXTENSION, editor);
  const context = { subscriptions: [] as { dispose(): void }[], extensionUri: Uri.file(REPO_ROOT), workspaceState, asAbsolutePath: (p: string) => path.join(REPO_ROOT, p) };
  running.push({ editor, context });
  await extension.activate(context);
  await editor.commands.get('marketplaceOffer.openHandoff')!();
  const panel = editor.panels[0];
  assert.ok(panel, 'a webview panel');
  await until(() => panel.webview.html.includes(TENANT_ID), 'the hand-off to render');
  return { editor, panel, workspaceState };
}

async function settle(ms = 350): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await settle(25);
  }
}

/** The rendered tick of a field: its tick id and whether it is checked. */
function tickOf(panel: FakeWebviewPanel, fieldId: string): { tickId: string; checked: boolean } {
  const document = parseDocument(panel.webview.html, { decodeEntities: true });
  type Node = (typeof document.children)[number] & { attribs?: Record<string, string>; children?: Node[] };
  const stack: Node[] = [...(document.children as Node[])];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.attribs?.['data-field-id'] === fieldId && node.attribs.class?.startsWith('field ')) {
      const tick = (node.children ?? []).find((child) => child.attribs?.class === 'tick')!;
      return { tickId: tick.attribs!['data-tick-id'], checked: 'checked' in tick.attribs! };
    }
    stack.push(...(node.children ?? []));
  }
  throw new Error(`no field ${fieldId} on the page`);
}

/** Replaces the first occurrence of `from` in the offer, as typing would, and tells the extension. */
function edit(editor: FakeEditor, from: string, to: string): void {
  const document = editor.documents[0];
  const at = document.getText().indexOf(from);
  assert.ok(at >= 0, from);
  document.apply([{ range: new Range(document.positionAt(at), document.positionAt(at + from.length)), text: to }]);
  editor.onDidChangeTextDocument.fire({ document });
}

function handoffRequests(editor: FakeEditor): number {
  return editor.requests.filter((request) => request.method === 'marketplaceOffer/handoff').length;
}

describe('the hand-off panel (a stand-in editor, the real server)', function () {
  this.timeout(30000);

  it('opens beside the offer with the CSP, and copies the exact value of the field the page names, nothing else', async () => {
    const { editor, panel } = await openedHandoff();
    assert.strictEqual(panel.title, 'Hand-off offer.json');
    assert.match(panel.webview.html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; script-src &#39;nonce-[A-Za-z0-9+/=]+&#39;">/);
    assert.ok(panel.webview.html.includes(`<script nonce="`) && panel.webview.html.includes('/media/handoff.js"></script>'));
    assert.deepStrictEqual(panel.webview.options.localResourceRoots?.map((uri) => uri.fsPath), [path.join(REPO_ROOT, 'media')]);
    assert.strictEqual(panel.webview.options.enableCommandUris, false);

    panel.post({ type: 'copy', fieldId: TENANT, value: 'a value the page made up' });
    await until(() => editor.clipboard.length > 0, 'the copy');
    assert.deepStrictEqual(editor.clipboard, [TENANT_ID]);
    assert.deepStrictEqual(panel.posted, [{ type: 'copied', fieldId: TENANT }]);

    // A multi-line value goes to the clipboard whole; the role's name (a pick) as Partner Center lists it.
    panel.post({ type: 'copy', fieldId: '/plans/gold/technicalConfiguration/authorizations/1/roleDefinitionId#name' });
    await until(() => editor.clipboard.length > 1, 'the second copy');
    assert.strictEqual(editor.clipboard[1], 'Reader');

    // Ids that are not a field of the sheet, or not ids at all: nothing is copied, the user is told.
    for (const fieldId of ['/nowhere', { toString: () => TENANT }, undefined]) {
      panel.post({ type: 'copy', fieldId });
    }
    panel.post({ type: 'openLink', url: 'https://contoso.com' });
    await settle(50);
    assert.strictEqual(editor.clipboard.length, 2);
    assert.strictEqual(editor.messages.filter((m) => m.text === 'Nothing was copied: the offer changed since the hand-off was shown. Try again.').length, 3);
    assert.deepStrictEqual(editor.openedExternally, []);
  });

  it('keeps a tick per offer across reloads, and lets it lapse when the value changes', async () => {
    const { panel, workspaceState } = await openedHandoff();
    const tenant = tickOf(panel, TENANT);
    assert.strictEqual(tenant.checked, false);
    panel.post({ type: 'tick', tickId: tenant.tickId, ticked: true });
    panel.post({ type: 'tick', tickId: tickOf(panel, '/offerId').tickId, ticked: true });
    panel.post({ type: 'tick', tickId: '/plans/gold/technicalConfiguration/tenantId@ffffffff', ticked: true });
    panel.post({ type: 'tick', tickId: tickOf(panel, '/alias').tickId, ticked: 'yes' });
    await settle(50);
    const key = `marketplaceOffer.handoff.ticks:${Uri.file(offerPath).toString()}`;
    assert.deepStrictEqual(workspaceState.get(key), [tenant.tickId, tickOf(panel, '/offerId').tickId], 'only the ticks of fields on the page');

    // Another activation over the same workspace state (a reload): the ticks are there.
    await Promise.all(running.splice(0).map(({ editor: e, context }) => e.deactivate(context)));
    const reloaded = await openedHandoff(workspaceState);
    assert.strictEqual(tickOf(reloaded.panel, TENANT).checked, true);
    assert.strictEqual(tickOf(reloaded.panel, '/offerId').checked, true);
    assert.strictEqual(tickOf(reloaded.panel, '/alias').checked, false);

    // The tenant id changes: its tick lapses (the new value is not in Partner Center); the other stays.
    edit(reloaded.editor, TENANT_ID, '11111111-2222-4333-8444-555555555555');
    await until(() => reloaded.panel.webview.html.includes('11111111-2222-4333-8444-555555555555'), 'the re-render');
    assert.strictEqual(tickOf(reloaded.panel, TENANT).checked, false);
    assert.strictEqual(tickOf(reloaded.panel, '/offerId').checked, true);
    // …and comes back if the value is put back as it was.
    edit(reloaded.editor, '11111111-2222-4333-8444-555555555555', TENANT_ID);
    await until(() => tickOf(reloaded.panel, TENANT).checked, 'the tick back with its value');
  });

  it('asks the server nothing while hidden, and catches up once shown', async () => {
    const { editor, panel } = await openedHandoff();
    const before = handoffRequests(editor);
    panel.setVisible(false);
    edit(editor, '"name": "Contoso Sentinel Operations"', '"name": "Contoso Sentinel Ops"');
    await settle(700);
    assert.strictEqual(handoffRequests(editor), before, 'no request while hidden');
    assert.ok(panel.webview.html.includes('<span class="offer-title">Contoso Sentinel Operations</span>'));
    panel.setVisible(true);
    await until(() => panel.webview.html.includes('<span class="offer-title">Contoso Sentinel Ops</span>'), 'the re-render once shown');
    assert.strictEqual(handoffRequests(editor), before + 1);
  });

  it('shows the ticks made since the last rendering when the panel is shown again', async () => {
    const { editor, panel } = await openedHandoff();
    await settle(700); // the renderings that the first diagnostics bring are over
    const before = handoffRequests(editor);
    panel.post({ type: 'tick', tickId: tickOf(panel, TENANT).tickId, ticked: true });
    await settle(700);
    assert.strictEqual(handoffRequests(editor), before, 'the page ticked itself: nothing is rendered for a tick');
    assert.strictEqual(tickOf(panel, TENANT).checked, false);
    // Hidden, then shown: VS Code reloads the webview from the last page set, so it is set anew.
    panel.setVisible(false);
    panel.setVisible(true);
    await until(() => tickOf(panel, TENANT).checked, 'a page with the tick');
    assert.strictEqual(handoffRequests(editor), before + 1);
  });

  it('renders nothing again when a visible panel only gains or loses focus', async () => {
    const { editor, panel } = await openedHandoff();
    await settle(700); // the renderings that the first diagnostics bring are over
    const before = handoffRequests(editor);
    panel.post({ type: 'tick', tickId: tickOf(panel, TENANT).tickId, ticked: true });
    await settle(50);
    // A focus change or a move to another column: the view state changes, the panel stays visible.
    panel.setVisible(true);
    panel.setVisible(true);
    await settle(700);
    assert.strictEqual(handoffRequests(editor), before, 'the page on screen shows the tick: nothing is asked or rendered');
  });

  it('clears the ticks only after the user confirms', async () => {
    const { editor, panel, workspaceState } = await openedHandoff();
    panel.post({ type: 'tick', tickId: tickOf(panel, TENANT).tickId, ticked: true });
    panel.post({ type: 'tick', tickId: tickOf(panel, '/offerId').tickId, ticked: true });
    await settle(50);
    panel.post({ type: 'clearTicks' });
    await settle(50);
    assert.deepStrictEqual(
      editor.messages.map((m) => m.text),
      ['Clear the 2 ticks of this offer\'s hand-off?'],
    );
    assert.strictEqual(workspaceState.keys().length, 1, 'not confirmed: kept');
    editor.answers.push('Clear ticks');
    panel.post({ type: 'clearTicks' });
    await until(() => !tickOf(panel, TENANT).checked, 'the page without ticks');
    assert.deepStrictEqual(workspaceState.keys(), [], 'nothing left in the workspace state');
  });
});

describe('the hand-off ticks store', () => {
  it('keeps ticks per offer, only those of the sheet on screen, and ignores what is not a tick id', async () => {
    const state = new MemoryState();
    const ticks = new HandoffTicks(state);
    const sheet = new Set(['/offerId@1', '/alias@2']);
    assert.strictEqual(await ticks.set('file:///a/offer.json', '/offerId@1', true, sheet), true);
    assert.strictEqual(await ticks.set('file:///a/offer.json', '/offerId@0', true, sheet), false, 'not on screen');
    assert.strictEqual(await ticks.set('file:///b/offer.json', '/alias@2', true, sheet), true);
    assert.deepStrictEqual([...new HandoffTicks(state).ticked('file:///a/offer.json')], ['/offerId@1']);
    assert.deepStrictEqual([...new HandoffTicks(state).ticked('file:///b/offer.json')], ['/alias@2']);
    // The value of /offerId changed: a tick on the new sheet drops the lapsed one.
    await ticks.set('file:///a/offer.json', '/alias@2', true, new Set(['/offerId@9', '/alias@2']));
    assert.deepStrictEqual([...new HandoffTicks(state).ticked('file:///a/offer.json')], ['/alias@2']);
    await ticks.clear('file:///a/offer.json');
    assert.deepStrictEqual(state.keys(), ['marketplaceOffer.handoff.ticks:file:///b/offer.json']);
    // Whatever else the state holds under the key is read as no ticks, or only its strings.
    state.values.set('marketplaceOffer.handoff.ticks:file:///c/offer.json', { '/offerId@1': true });
    state.values.set('marketplaceOffer.handoff.ticks:file:///d/offer.json', ['/offerId@1', 42, null]);
    assert.deepStrictEqual([...new HandoffTicks(state).ticked('file:///c/offer.json')], []);
    assert.deepStrictEqual([...new HandoffTicks(state).ticked('file:///d/offer.json')], ['/offerId@1']);
  });
});
