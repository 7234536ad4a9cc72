/**
 * Editing help through the editor's own provider commands: role completions, hovers, inlay hints
 * and the offer-id-format quick fix applied to the file.
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
    assert.match(text, /Reader/, `hover text: ${text}`);
    assert.doesNotMatch(text, /Owner/, 'the hover is about Reader, not another role');
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
});
