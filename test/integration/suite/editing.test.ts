/**
 * Editing help through the editor's own provider commands: role completions (in the order
 * publishers reach for roles), keys only where they are valid, hovers, inlay hints, and the
 * offer-id-format and role-owner quick fixes applied to the file.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  codesOf,
  hoverText,
  labelOf,
  openOffer,
  positionOf,
  ROLE_IDS,
  waitForDiagnostics,
  workspaceFile,
} from '../support';

/** The role completions of the broken offer's empty role id; the editor resolves the first `resolveCount` (in its order). */
async function roleCompletions(resolveCount = 0): Promise<{ document: vscode.TextDocument; items: vscode.CompletionItem[] }> {
  const editor = await openOffer('broken/offer.json');
  // Wait for the server: completions asked before it is up would come back empty.
  await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0);
  const position = positionOf(editor.document, '"roleDefinitionId": ""', '"roleDefinitionId": "'.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    position,
    undefined,
    resolveCount,
  );
  return { document: editor.document, items: list?.items ?? [] };
}

function documentationText(item: vscode.CompletionItem | undefined): string {
  const documentation = item?.documentation;
  return typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
}

describe('Editing help in the editor', () => {
  afterEach(closeAllEditors);

  it('completes "roleDefinitionId": "" with role names, without Owner', async () => {
    const { items } = await roleCompletions();
    const labels = items.map(labelOf);
    for (const role of ['Contributor', 'Reader', 'Managed Services Registration assignment Delete Role', 'User Access Administrator']) {
      assert.ok(labels.includes(role), `'${role}' is offered (got ${labels.length} items: ${labels.slice(0, 10).join(', ')}…)`);
    }
    assert.ok(!labels.includes('Owner'), 'Owner is not supported by Lighthouse and must not be offered');
  });

  it('ranks the roles as publishers reach for them: Reader, Contributor, the delete role, then monitoring and security', async () => {
    const { items } = await roleCompletions();
    // Among items that match what is typed equally well, the suggest widget keeps the order of
    // their sortText (the label when there is none): with nothing typed yet, that is the whole list.
    const ranked = [...items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b))).map(labelOf);
    assert.deepStrictEqual(ranked.slice(0, 5), [
      'Reader',
      'Contributor',
      'Managed Services Registration assignment Delete Role',
      'Monitoring Reader',
      'Monitoring Contributor',
    ]);
    assert.ok(ranked.indexOf('Security Reader') < ranked.indexOf('AcrPull'), `security roles before the rest: ${ranked.slice(0, 12).join(', ')}…`);
  });

  it('keeps the role an id names while part of the id is typed inside it', async () => {
    const editor = await openOffer('example/offer.json');
    await waitForDiagnostics(editor.document.uri, () => true);
    // Inside Reader's id, after its first six characters: what the suggest widget filters by.
    const position = positionOf(editor.document, ROLE_IDS.reader, 6);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const reader = (list?.items ?? []).find((item) => labelOf(item) === 'Reader');
    assert.ok(reader, 'Reader is offered inside its own id');
    const range = reader.range instanceof vscode.Range ? reader.range : reader.range?.inserting;
    assert.ok(range, 'the item says what it replaces');
    const typed = editor.document.getText(new vscode.Range(range.start, position));
    assert.strictEqual(typed, ROLE_IDS.reader.slice(0, 6));
    assert.ok((reader.filterText ?? labelOf(reader)).includes(typed), `filterText ${reader.filterText} keeps '${typed}'`);
  });

  it('offers delegatedRoleDefinitionIds on a blank line of a User Access Administrator authorization, not of a Contributor one', async () => {
    const editor = await openOffer('example/offer.json');
    const document = editor.document;
    await waitForDiagnostics(document.uri, () => true);
    const nameLine = '"principalIdDisplayName": "Tier 2 Operators",';
    const end = positionOf(document, nameLine, nameLine.length);
    assert.ok(await editor.edit((builder) => builder.insert(end, '\n            ')));
    const inContributor = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(end.line + 1, 12),
    );
    // Only the keys: with nothing of its own to offer, the editor adds words of the file.
    const keys = (inContributor?.items ?? []).filter((item) => item.kind === vscode.CompletionItemKind.Property).map(labelOf);
    assert.deepStrictEqual(keys, [], 'a Contributor authorization has all the keys it may have');

    const delegatedLine = `"delegatedRoleDefinitionIds": ["${ROLE_IDS.contributor}"]`;
    const start = positionOf(document, delegatedLine);
    assert.ok(await editor.edit((builder) => builder.delete(new vscode.Range(start, start.translate(0, delegatedLine.length)))));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, start);
    const delegated = (list?.items ?? []).find((item) => item.kind === vscode.CompletionItemKind.Property && labelOf(item) === 'delegatedRoleDefinitionIds');
    assert.ok(delegated, `offered under User Access Administrator; got ${(list?.items ?? []).map(labelOf).join(', ')}`);
    assert.strictEqual(delegated.detail, 'required');
  });

  it('inserts the role id when Contributor is picked', async () => {
    const { document, items } = await roleCompletions();
    const contributor = items.find((item) => labelOf(item) === 'Contributor');
    assert.ok(contributor, 'Contributor is offered');
    const inserted = contributor.textEdit?.newText ?? (typeof contributor.insertText === 'string' ? contributor.insertText : contributor.insertText?.value);
    assert.ok(inserted?.includes(ROLE_IDS.contributor), `inserts Contributor's id, got ${inserted}`);

    // Apply it as the editor would and check the document.
    const range = contributor.textEdit?.range ?? (contributor.range instanceof vscode.Range ? contributor.range : contributor.range?.replacing);
    assert.ok(range, 'the item says what it replaces');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, inserted!);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(document.getText(), new RegExp(`"roleDefinitionId": "${ROLE_IDS.contributor}" // left empty`));
  });

  it('shows a role\'s description once the editor resolves its item', async () => {
    const listed = (await roleCompletions()).items;
    const position = listed.findIndex((item) => labelOf(item) === 'Contributor');
    assert.ok(position >= 0, 'Contributor is offered');
    assert.strictEqual(documentationText(listed[position]), '', 'the list itself carries no documentation');

    const resolved = (await roleCompletions(position + 1)).items.find((item) => labelOf(item) === 'Contributor');
    const text = documentationText(resolved);
    assert.match(text, /Grants full access to manage all resources/, `documentation: ${text}`);
    assert.match(text, /Supported by Azure Lighthouse/, `documentation: ${text}`);
  });

  it('shows the role name when hovering a role id', async () => {
    const editor = await openOffer('example/offer.json');
    const position = positionOf(editor.document, ROLE_IDS.reader, 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hoverText(hovers ?? []);
    // The field's description first (it names Owner among the roles refused), then the role's facts.
    assert.match(text, /ID \(GUID\) of the Azure \*\*built-in\*\* role to grant/, `hover text: ${text}`);
    const facts = text.slice(text.indexOf('---'));
    assert.match(facts, /\*\*Reader\*\*/, `hover text: ${text}`);
    assert.doesNotMatch(facts, /Owner/, 'the facts are about Reader, not another role');
  });

  it('shows the length against the limit when hovering the listing name key', async () => {
    const editor = await openOffer('example/offer.json');
    const position = positionOf(editor.document, '"name": "Contoso Sentinel Operations"', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hoverText(hovers ?? []);
    // "Contoso Sentinel Operations" has 27 characters; the limit is 50.
    assert.match(text, /27\s*\/\s*50/, `hover text: ${text}`);
  });

  it('shows role names as inlay hints after role ids', async () => {
    const editor = await openOffer('example/offer.json');
    const document = editor.document;
    const fullRange = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, fullRange);
    const labelAt = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));
    const readerLine = positionOf(document, ROLE_IDS.reader).line;
    const onReaderLine = (hints ?? []).filter((hint) => hint.position.line === readerLine).map(labelAt);
    assert.ok(onReaderLine.some((label) => label.includes('Reader')), `hints on the Reader line: ${JSON.stringify(onReaderLine)}`);
  });

  it('fixes offer-id-format with its quick fix, and the file on disk changes when saved', async () => {
    const editor = await openOffer('fixable/offer.json');
    const document = editor.document;
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => codesOf(ds).includes('offer-id-format'));
    const diagnostic = diagnostics.find((d) => codeOf(d) === 'offer-id-format')!;

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = (actions ?? []).find(
      (action): action is vscode.CodeAction => 'edit' in action && !!action.edit && /contoso-fixable-ops/.test(action.title),
    );
    assert.ok(fix, `a quick fix to 'contoso-fixable-ops' is offered; got: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(document.getText(), /"offerId": "contoso-fixable-ops"/);
    assert.match(document.getText(), /\/\/ The quick-fix check applies/, 'the comment is kept');
    await waitForDiagnostics(document.uri, (ds) => !codesOf(ds).includes('offer-id-format'));

    assert.ok(await document.save());
    assert.match(fs.readFileSync(workspaceFile('fixable/offer.json').fsPath, 'utf8'), /"offerId": "contoso-fixable-ops"/);
  });

  it('fixes role-owner with Contributor and a User Access Administrator authorization for the same principal', async () => {
    const editor = await openOffer('broken/offer.json');
    const document = editor.document;
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => codesOf(ds).includes('role-owner'));
    const diagnostic = diagnostics.find((d) => codeOf(d) === 'role-owner')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions ?? []).map((action) => action.title);
    assert.ok(titles.includes('Use Contributor instead of Owner'), `fixes offered: ${titles.join(' | ')}`);
    const fix = (actions ?? []).find(
      (action): action is vscode.CodeAction => 'edit' in action && !!action.edit && /add User Access Administrator/.test(action.title),
    );
    assert.ok(fix, `the fix with User Access Administrator is offered; got: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const text = document.getText();
    assert.match(text, new RegExp(`"roleDefinitionId": "${ROLE_IDS.contributor}" // role-owner`), 'Contributor in place of Owner, the comment kept');
    assert.match(text, /"principalIdDisplayName": "Tier 2 Operators",\s*"roleDefinitionId": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",\s*"delegatedRoleDefinitionIds": \[/);
    await waitForDiagnostics(document.uri, (ds) => !codesOf(ds).includes('role-owner'));
  });
});
