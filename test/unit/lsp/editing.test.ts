/**
 * Completion, hover, inlay hints and the role catalog setting through the real language server
 * (`node dist/server.js --stdio`), spoken to by a plain LSP client. Needs `npm run build` first.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Diagnostic, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-types';
import { CONTRIBUTOR_ROLE_ID, OWNER_ROLE_ID, RoleCatalog } from '@core/catalog/roleCatalog';
import { azRoleDefinitions } from '../../support/azRoles';
import { MAX_PRINCIPAL_ITEMS } from '../../../server/src/features/completion';
import { applyCompletion, itemLabelled, offerWithPrincipals, principalIdOf, withCursor } from '../../support/editingHarness';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { LspTestClient, SERVER_PATH } from '../../support/lspClient';
import { EXAMPLE_DIR } from '../../support/offerHarness';

const CONTRIBUTOR_LINE = `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}" // Contributor`;

describe('editing features over LSP', () => {
  let workspace: string;
  let client: LspTestClient;
  let offerPath: string;
  let exampleText: string;
  /** The text the server has for the offer (kept in step with every change sent). */
  let current: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-editing-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    offerPath = path.join(workspace, 'offer.json');
    exampleText = fs.readFileSync(offerPath, 'utf8');
    client = await LspTestClient.start({ rootPath: workspace });
    current = exampleText;
    await client.open(offerPath, current);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const uri = () => client.uriOf(offerPath);

  function positionOf(text: string, offset: number) {
    return TextDocument.create('file:///x', 'json', 1, text).positionAt(offset);
  }

  async function setText(text: string): Promise<Diagnostic[]> {
    current = text;
    return client.change(offerPath, text);
  }

  async function completeAt(offset: number): Promise<CompletionItem[]> {
    const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: uri() },
      position: positionOf(current, offset),
    });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** Accepts the completion `label` at `offset` of the current text, as the editor would. */
  async function pick(offset: number, label: string, values: Record<number, string> = {}): Promise<void> {
    const items = await completeAt(offset);
    await setText(applyCompletion(current, itemLabelled(items, label), values));
  }

  async function inlayHints(): Promise<InlayHint[]> {
    const lines = current.split('\n').length;
    return (
      (await client.request<InlayHint[] | null>('textDocument/inlayHint', {
        textDocument: { uri: uri() },
        range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
      })) ?? []
    );
  }

  function errors(diagnostics: Diagnostic[]): string[] {
    return diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code} ${(d.data as { path?: string })?.path}: ${d.message}`);
  }

  it('announces completion (with its trigger characters and resolve), hover and inlay hints', async () => {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
        processId: process.pid,
        rootUri: client.uriOf(workspace),
        capabilities: {},
      });
      assert.deepStrictEqual(result.capabilities.completionProvider, { triggerCharacters: ['"', ':'], resolveProvider: true });
      assert.strictEqual(result.capabilities.hoverProvider, true);
      assert.ok(result.capabilities.inlayHintProvider);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('lists the supported roles by name in "roleDefinitionId": "" and inserts Contributor\'s id when picked', async () => {
    await setText(exampleText.replace(CONTRIBUTOR_LINE, '"roleDefinitionId": ""'));
    const items = await completeAt(current.indexOf('"roleDefinitionId": ""') + '"roleDefinitionId": "'.length);
    const catalog = RoleCatalog.builtin();
    assert.strictEqual(items.length, catalog.supportedRoles().length);
    assert.ok(items.every((item) => catalog.findByName(String(item.label))?.id === item.detail), 'every label is a role name, every detail its id');
    assert.ok(!items.some((item) => item.detail === OWNER_ROLE_ID), 'Owner offered');
    const contributor = itemLabelled(items, 'Contributor');
    assert.strictEqual(contributor.detail, CONTRIBUTOR_ROLE_ID);
    assert.strictEqual(contributor.filterText, `Contributor ${CONTRIBUTOR_ROLE_ID}`);

    const diagnostics = await setText(applyCompletion(current, contributor));
    assert.ok(current.includes(`"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}"`));
    assert.deepStrictEqual(errors(diagnostics), []);
  });

  it('resolves a role item to its role\'s documentation, which the list left out', async () => {
    await setText(exampleText.replace(CONTRIBUTOR_LINE, '"roleDefinitionId": ""'));
    const items = await completeAt(current.indexOf('"roleDefinitionId": ""') + '"roleDefinitionId": "'.length);
    assert.deepStrictEqual(items.filter((item) => item.documentation !== undefined).map((item) => item.label), []);
    const contributor = itemLabelled(items, 'Contributor');
    const resolved = await client.request<CompletionItem>('completionItem/resolve', contributor);
    const documentation = resolved.documentation as MarkupContent;
    assert.strictEqual(documentation.kind, 'markdown');
    assert.ok(documentation.value.startsWith('Grants full access to manage all resources'), documentation.value);
    assert.ok(documentation.value.includes('Category: General'), documentation.value);
    assert.ok(documentation.value.endsWith('Supported by Azure Lighthouse.'), documentation.value);
    assert.deepStrictEqual(resolved, { ...contributor, documentation });

    const administrator = await client.request<CompletionItem>('completionItem/resolve', itemLabelled(items, 'User Access Administrator'));
    assert.ok((administrator.documentation as MarkupContent).value.includes('delegatedRoleDefinitionIds'));
  });

  it('answers an item to resolve that is not a role item, or is garbage, unchanged, and keeps answering', async () => {
    const others: unknown[] = [
      { label: 'x' },
      { label: 'x', documentation: 'theirs', data: { kind: 'property' } },
      { label: 'Gone', data: { kind: 'role', roleId: '00000000-0000-4000-8000-000000000000', slotKind: 'authorization' } },
      { label: 'Reader', data: { kind: 'role', roleId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', slotKind: 'nowhere' } },
      { label: 'x', data: { kind: 'role', roleId: 42, slotKind: 'authorization' } },
      { label: 'x', data: [1, 2, 3] },
      { label: 'x', data: 'role' },
      { label: 'x', data: null },
      { data: { kind: 'role', roleId: { nested: true }, slotKind: { kind: 'eligible' } } },
    ];
    for (const item of others) {
      assert.deepStrictEqual(await client.request<unknown>('completionItem/resolve', item), item, JSON.stringify(item));
    }
    // Parameters that are no object at all are refused by the protocol layer, with an error answer.
    for (const params of [[], 42, 'role']) {
      await assert.rejects(client.request<unknown>('completionItem/resolve', params), JSON.stringify(params));
    }
    assert.deepStrictEqual(
      client.logs.filter((line) => line.includes('completionResolve')),
      [],
      'a resolve failed on the server',
    );
    await setText(exampleText.replace(CONTRIBUTOR_LINE, '"roleDefinitionId": ""'));
    const items = await completeAt(current.indexOf('"roleDefinitionId": ""') + '"roleDefinitionId": "'.length);
    assert.strictEqual(items.length, RoleCatalog.builtin().supportedRoles().length);
    assert.ok(client.isAlive());
  });

  it('shows the role name on hover over a role id', async () => {
    await setText(exampleText);
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uri() },
      position: positionOf(current, current.indexOf(CONTRIBUTOR_ROLE_ID) + 4),
    });
    assert.ok(hover, 'no hover');
    const value = (hover.contents as MarkupContent).value;
    assert.ok(value.startsWith('ID (GUID) of the Azure **built-in** role to grant.'), value);
    assert.ok(value.includes('**Contributor**'), value);
    assert.ok(value.includes('Supported by Azure Lighthouse'), value);
  });

  it('shows the role names as inlay hints, and none once the setting turns them off', async () => {
    await setText(exampleText);
    assert.deepStrictEqual((await inlayHints()).map((hint) => hint.label).slice(0, 3), [
      'Contributor',
      'Reader',
      'Managed Services Registration assignment Delete Role',
    ]);

    // A client that is asked for its settings (workspace/configuration), then tells of a change.
    let roleNames = false;
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'marketplaceOffer' ? { inlayHints: { roleNames } } : null)),
    );
    const refreshed = () => new Promise<void>((resolve) => client.connection.onRequest('workspace/inlayHint/refresh', () => (resolve(), null)));
    let refresh = refreshed();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refresh;
    assert.deepStrictEqual(await inlayHints(), []);

    roleNames = true;
    refresh = refreshed();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refresh;
    assert.strictEqual((await inlayHints()).length, 6);

    // A client that pushes its settings with the notification.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { marketplaceOffer: { inlayHints: { roleNames: false } } } });
    assert.deepStrictEqual(await inlayHints(), []);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { marketplaceOffer: { inlayHints: { roleNames: true } } } });
    assert.strictEqual((await inlayHints()).length, 6);
    client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  });

  it('uses the role catalog that marketplaceOffer.roleCatalogPath names, and says when it cannot', async () => {
    fs.mkdirSync(path.join(workspace, 'roles'));
    fs.writeFileSync(path.join(workspace, 'roles', 'az.json'), JSON.stringify(azRoleDefinitions(), null, 2));
    fs.writeFileSync(path.join(workspace, 'roles', 'broken.json'), '{ "not": "roles" }');
    const warnings: string[] = [];
    client.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      if (params.type === 2) {
        warnings.push(params.message);
      }
    });
    await setText(exampleText.replace(CONTRIBUTOR_LINE, '"roleDefinitionId": ""'));
    const roleOffset = current.indexOf('"roleDefinitionId": ""') + '"roleDefinitionId": "'.length;

    // A relative path is taken from the workspace folder; the offer is checked again with it.
    const rechecked = client.nextDiagnostics(uri());
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { marketplaceOffer: { roleCatalogPath: 'roles/az.json' } },
    });
    assert.deepStrictEqual((await completeAt(roleOffset)).map((item) => item.label), ['Reader', 'Contoso Future Operator']);
    const codes = (await rechecked).map((d) => d.code);
    assert.ok(codes.includes('role-unknown'), `the shipped roles are unknown to this catalog: ${codes.join(', ')}`);
    assert.strictEqual(warnings.length, 0, warnings.join('\n'));

    // A file that is no catalog: a warning, an error in the log, and the shipped catalog again.
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { marketplaceOffer: { roleCatalogPath: path.join(workspace, 'roles', 'broken.json') } },
    });
    const labels = (await completeAt(roleOffset)).map((item) => item.label);
    assert.ok(labels.includes('Contributor') && !labels.includes('Contoso Future Operator'));
    assert.strictEqual(warnings.length, 1);
    assert.ok(warnings[0].includes('is not a JSON array of role definitions: use the output of `az role definition list`.'), warnings[0]);
    assert.ok(warnings[0].endsWith('The built-in role catalog is used instead.'), warnings[0]);
    assert.ok(client.logs.some((line) => line.includes('broken.json not used')), client.logs.join('\n'));

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { marketplaceOffer: { roleCatalogPath: '' } } });
    assert.strictEqual((await completeAt(roleOffset)).length, RoleCatalog.builtin().supportedRoles().length);
    assert.ok(client.isAlive());
  });

  it('answers at most a bounded list of the principals of a large offer, says it is incomplete, and narrows it as the user types', async () => {
    const count = MAX_PRINCIPAL_ITEMS + 70;
    const listAt = async (cursor: string): Promise<CompletionList> => {
      const { text, offset } = withCursor(offerWithPrincipals(count, cursor, { [count - 1]: 'Night shift' }));
      await setText(text);
      const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
        textDocument: { uri: uri() },
        position: positionOf(current, offset),
      });
      assert.ok(result && !Array.isArray(result), 'not a completion list');
      return result;
    };
    const all = await listAt('"|"');
    assert.strictEqual(all.isIncomplete, true);
    assert.strictEqual(all.items.length, MAX_PRINCIPAL_ITEMS);
    assert.strictEqual(all.items[0].label, 'Team 0');

    const night = await listAt('"nig|"');
    assert.strictEqual(night.isIncomplete, false);
    assert.deepStrictEqual(night.items.map((item) => item.label), ['Night shift']);
    await setText(applyCompletion(current, night.items[0]));
    assert.ok(current.includes(`{ "principalId": "${principalIdOf(count - 1)}", "principalIdDisplayName": "Night shift",`), current.slice(-300));
  });

  it('lets a new user add a plan and three authorizations by completion alone, without typing a GUID', async () => {
    const typed: string[] = [];
    const type = (values: Record<number, string>) => (typed.push(...Object.values(values)), values);
    // A new line in the plans array after the gold plan.
    const end = exampleText.lastIndexOf('\n  ],\n  "certificationNotes"');
    await setText(exampleText.slice(0, end) + '\n    ' + exampleText.slice(end));
    await pick(end + '\n    '.length, 'New plan', type({ 1: 'silver', 2: 'silver', 3: 'Business hours.', 4: 'Weekday operations.' }));
    const silver = current.indexOf('"planId": "silver"');
    const after = (needle: string) => current.indexOf(needle, silver) + needle.length;
    const lastEmpty = (needle: string) => current.lastIndexOf(needle, current.indexOf('\n        ]', silver)) + needle.length;

    await pick(after('"principalId": "'), 'SOC Analysts');
    await pick(after('"roleDefinitionId": "'), 'Reader');
    for (const [principal, role] of [
      ['Tier 2 Operators', 'Contributor'],
      ['Offer Administrators', 'Managed Services Registration assignment Delete Role'],
    ]) {
      const close = current.indexOf('\n          }\n        ]', silver) + '\n          }'.length;
      await setText(current.slice(0, close) + '\n          ' + current.slice(close));
      await pick(close + '\n          '.length, 'New authorization');
      await pick(lastEmpty('"principalId": "'), principal);
      await pick(lastEmpty('"roleDefinitionId": "'), role);
    }
    // The private audience: its key and its file by completion as well.
    const ids = current.indexOf('"subscriptionIds": []', silver);
    await setText(current.slice(0, ids) + current.slice(ids + '"subscriptionIds": []'.length));
    await pick(ids, 'csv');
    const diagnostics = await (async () => {
      const items = await completeAt(after('"csv": "'));
      return setText(applyCompletion(current, itemLabelled(items, 'gold-customers.csv')));
    })();

    assert.ok(!typed.some((value) => /[0-9a-f]{8}-[0-9a-f]{4}/i.test(value)), 'a GUID was typed');
    const plan = parse(current).plans[1];
    const catalog = RoleCatalog.builtin();
    assert.deepStrictEqual(
      plan.technicalConfiguration.authorizations.map((a: { principalIdDisplayName: string; roleDefinitionId: string }) => [
        a.principalIdDisplayName,
        catalog.findById(a.roleDefinitionId)?.roleName,
      ]),
      [
        ['SOC Analysts', 'Reader'],
        ['Tier 2 Operators', 'Contributor'],
        ['Offer Administrators', 'Managed Services Registration assignment Delete Role'],
      ],
    );
    assert.deepStrictEqual(errors(diagnostics), []);
  });
});
