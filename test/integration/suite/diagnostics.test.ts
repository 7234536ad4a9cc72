/**
 * Diagnostics as a user sees them in the editor: the example offer is clean, the broken offer has
 * one diagnostic per broken rule on the offending text, and they follow typing.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, codesOf, describeDiagnostics, LANGUAGE_ID, openOffer, positionOf, waitForDiagnostics, workspaceFile } from '../support';

describe('Diagnostics in the editor', () => {
  afterEach(closeAllEditors);

  it('gives offer.json the Marketplace Offer language', async () => {
    const editor = await openOffer('example/offer.json');
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
  });

  it('gives *.offer.json the Marketplace Offer language and checks it', async () => {
    const example = await vscode.workspace.fs.readFile(workspaceFile('example/offer.json'));
    const named = workspaceFile('example/contoso.offer.json');
    const text = Buffer.from(example).toString('utf8').replace('"offerId": "contoso-sentinel-ops"', '"offerId": "Contoso Named"');
    await vscode.workspace.fs.writeFile(named, Buffer.from(text, 'utf8'));
    try {
      const editor = await openOffer('example/contoso.offer.json');
      assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
      await waitForDiagnostics(named, (ds) => codesOf(ds).includes('offer-id-format'));
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(named);
    }
  });

  it('reports the broken offer with the expected codes, each on the offending text', async () => {
    const editor = await openOffer('broken/offer.json');
    const expected = ['offer-id-format', 'listing-name-emoji', 'plan-id-format', 'role-owner', 'role-name-instead-of-id'];
    const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) => expected.every((code) => codesOf(ds).includes(code)));
    const textOf = (code: string) => {
      const found = diagnostics.filter((d) => codeOf(d) === code);
      assert.strictEqual(found.length, 1, `one ${code} expected: ${describeDiagnostics(diagnostics)}`);
      assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Error, `${code} is an error`);
      return { text: editor.document.getText(found[0].range), message: found[0].message };
    };
    const offerId = textOf('offer-id-format');
    assert.match(offerId.text, /Contoso_Sentinel/);
    assert.match(offerId.message, /Contoso_Sentinel/);
    assert.match(offerId.message, /contoso_sentinel/, 'the message says what to use instead');
    assert.match(textOf('role-owner').text, /8e3af657-a8ff-443c-a75c-2fe8c4bcb635/);
    assert.match(textOf('role-name-instead-of-id').text, /Reader/);
    assert.match(textOf('listing-name-emoji').text, /🚀/);
    assert.match(textOf('plan-id-format').text, /Gold/);
  });

  it('keeps the example offer free of errors and warnings', async () => {
    // Open the broken offer first: once its diagnostics are in, the server is up and has had the
    // example too, so an empty list for the example means "clean", not "not checked yet".
    const broken = await openOffer('broken/offer.json');
    await waitForDiagnostics(broken.document.uri, (ds) => ds.length > 0);
    const example = await openOffer('example/offer.json');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const problems = vscode.languages
      .getDiagnostics(example.document.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(describeDiagnostics(problems), '(none)');
  });

  it('follows typing: a 51-character listing name is reported, and 50 characters are not', async () => {
    const editor = await openOffer('example/offer.json');
    const document = editor.document;
    // The listing name's value starts at a fixed place; its end moves as the name is replaced.
    const start = positionOf(document, '"name": "Contoso Sentinel Operations"', '"name": "'.length);
    const replaceName = async (name: string) => {
      const end = document.positionAt(document.getText().indexOf('"', document.offsetAt(start)));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(start, end), name);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };

    await replaceName('N'.repeat(51));
    const long = await waitForDiagnostics(document.uri, (ds) => codesOf(ds).includes('listing-name-length'));
    const diagnostic = long.find((d) => codeOf(d) === 'listing-name-length')!;
    assert.match(diagnostic.message, /51/);
    assert.match(diagnostic.message, /50/);
    assert.strictEqual(document.getText(diagnostic.range).replace(/"/g, ''), 'N'.repeat(51));

    await replaceName('N'.repeat(50));
    await waitForDiagnostics(document.uri, (ds) => !codesOf(ds).includes('listing-name-length'));
  });
});
