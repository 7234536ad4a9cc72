/**
 * Fixed pathological inputs through every feature of the language service, then through the real
 * server over LSP: no exception, the diagnostic that is due, well-formed answers, and a server
 * that still answers afterwards. See pathologicalInputs.ts for the inputs.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import { OfferLanguageService } from '../../../server/src/languageService';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import { LspTestClient } from '../../support/lspClient';
import { EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, makeHost, textAt } from '../../support/offerHarness';
import { assertRange } from '../../support/wellFormed';
import { askEveryFeature as askAllFeatures, documentOf, LOCATION } from './everyFeature';
import {
  BINARY_NOISE,
  BOM_OFFER,
  DEEP_ARRAYS,
  DEEP_OBJECTS,
  EMPTY_FILE,
  JSON_ARRAY,
  ONLY_COMMENTS,
  PathologicalInput,
  PATHOLOGICAL_INPUTS,
  TEN_MIB_OFFER,
  TWO_MB_STRING,
} from './pathologicalInputs';

const location = LOCATION;

/** Every feature's answers must be well-formed (everyFeature.ts); the diagnostics are for each input's own expectations. */
function askEveryFeature(text: string, options: { fixAll?: boolean } = {}): OfferDiagnostic[] {
  return askAllFeatures(text, options).diagnostics;
}

function onlyError(diagnostics: OfferDiagnostic[]): OfferDiagnostic {
  assert.strictEqual(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => [d.code, d.path, d.message])));
  return diagnostics[0];
}

function errorsAndWarnings(diagnostics: OfferDiagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.path}: ${d.message}`);
}

describe('hostile input: fixed pathological files through every feature', function () {
  this.timeout(30_000);

  it(`${TEN_MIB_OFFER.name}: every feature answers, and the copies of a clean plan stay clean`, () => {
    const text = TEN_MIB_OFFER.text();
    assert.ok(text.length >= 10 * 1024 * 1024, `only ${text.length} characters`);
    assert.deepStrictEqual(errorsAndWarnings(askEveryFeature(text)), []);
  });

  for (const input of [DEEP_ARRAYS, DEEP_OBJECTS]) {
    it(`${input.name}: one schema diagnostic at the level that is too deep, no stack overflow`, () => {
      const text = input.text();
      const diagnostic = onlyError(askEveryFeature(text, { fixAll: true }));
      assert.strictEqual(diagnostic.code, 'schema');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The file nests more than 200 levels deep: an offer is never this deep, so it was not read further.');
      assert.strictEqual(diagnostic.path, '');
      assert.strictEqual(textAt(text, diagnostic), text[0], 'the range covers the first bracket too deep');
      // The 201st opening: 200 levels are allowed.
      const opening = input === DEEP_ARRAYS ? 200 : 200 * '{"a":'.length;
      assert.strictEqual(diagnostic.range.start.character, opening);
    });
  }

  it(`${TWO_MB_STRING.name}: the description's length is reported with its count, nothing else`, () => {
    const text = TWO_MB_STRING.text();
    const diagnostic = onlyError(askEveryFeature(text, { fixAll: true }).filter((d) => d.severity !== 'info'));
    assert.strictEqual(diagnostic.code, 'description-length');
    assert.strictEqual(diagnostic.message, 'The description has 2000007 characters (HTML tags included); the limit is 3000.');
    assert.strictEqual(diagnostic.path, '/listing/description');
    assert.ok(textAt(text, diagnostic).startsWith('"<p>Contoso operations. '));
  });

  it(`${BINARY_NOISE.name}: malformed JSON is reported, every feature still answers`, () => {
    const diagnostics = askEveryFeature(BINARY_NOISE.text(), { fixAll: true });
    assert.ok(diagnostics.length > 0, 'no diagnostic for binary noise');
    assert.ok(diagnostics.every((d) => d.code === 'schema' && d.severity === 'error'), JSON.stringify(diagnostics.slice(0, 5)));
    assert.ok(diagnostics.some((d) => d.message.startsWith('Malformed JSON: ')), JSON.stringify(diagnostics.slice(0, 5)));
  });

  for (const input of [EMPTY_FILE, ONLY_COMMENTS]) {
    it(`${input.name}: one diagnostic that says the file is empty`, () => {
      const diagnostic = onlyError(askEveryFeature(input.text(), { fixAll: true }));
      assert.strictEqual(diagnostic.code, 'schema');
      assert.strictEqual(diagnostic.message, 'The file is empty: an offer is a JSON object that starts with {.');
      assert.deepStrictEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });
  }

  it(`${JSON_ARRAY.name}: one diagnostic that an offer is an object, on the whole array`, () => {
    const text = JSON_ARRAY.text();
    const diagnostic = onlyError(askEveryFeature(text, { fixAll: true }));
    assert.strictEqual(diagnostic.code, 'schema');
    assert.strictEqual(diagnostic.message, 'An offer is a JSON object ({ … }), not array.');
    assert.strictEqual(diagnostic.path, '');
    assert.strictEqual(textAt(text, diagnostic), text);
  });

  it(`${BOM_OFFER.name}: checks as clean as the example, and hover finds the fields past the mark`, () => {
    const text = BOM_OFFER.text();
    assert.deepStrictEqual(errorsAndWarnings(askEveryFeature(text, { fixAll: true })), []);
    const service = new OfferLanguageService({ fileHost: makeHost() });
    const document = documentOf(text);
    const offerId = document.positionAt(text.indexOf('"contoso-sentinel-ops"') + 3);
    assert.ok(service.hover(document, offerId, location), 'no hover on the offer id after a BOM');
    const withoutMark = documentOf(EXAMPLE_OFFER_TEXT);
    assert.deepStrictEqual(
      service.symbols(document).map((s) => s.name),
      service.symbols(withoutMark).map((s) => s.name),
    );
  });
});

describe('hostile input: the server keeps answering after each pathological file (LSP)', function () {
  this.timeout(120_000);
  let client: LspTestClient;
  let workspace: string;
  let goodOffer: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-pathological-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    goodOffer = path.join(workspace, 'offer.json');
    client = await LspTestClient.start({ rootPath: workspace });
    await client.open(goodOffer, EXAMPLE_OFFER_TEXT);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  PATHOLOGICAL_INPUTS.forEach((input: PathologicalInput, index) => {
    it(`after ${input.name}: diagnostics published, every request answered, then a hover on a good offer`, async () => {
      const file = path.join(workspace, `pathological-${index}.offer.json`);
      const uri = client.uriOf(file);
      const text = input.text();
      const diagnostics = await client.open(file, text);
      const document = TextDocument.create(uri, 'marketplace-offer', 1, text);
      diagnostics.forEach((d) => assertRange(document, d.range, `diagnostic ${d.code}`));
      const textDocument = { uri };
      const position = document.positionAt(Math.floor(text.length / 2));
      await client.request('textDocument/completion', { textDocument, position });
      await client.request('textDocument/hover', { textDocument, position });
      await client.request('textDocument/documentSymbol', { textDocument });
      await client.request('textDocument/foldingRange', { textDocument });
      await client.request('textDocument/selectionRange', { textDocument, positions: [position] });
      await client.request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) } });
      await client.request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } });
      await client.request('textDocument/codeAction', {
        textDocument,
        range: { start: position, end: position },
        context: { diagnostics: diagnostics.slice(0, 20), triggerKind: 2 },
      });
      client.close(file);

      const offerId = TextDocument.create(client.uriOf(goodOffer), 'marketplace-offer', 1, EXAMPLE_OFFER_TEXT).positionAt(EXAMPLE_OFFER_TEXT.indexOf('"contoso-sentinel-ops"') + 3);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uriOf(goodOffer) }, position: offerId });
      assert.ok(hover && hover.contents, 'no hover on the good offer');
      assert.ok(client.isAlive(), 'the server died');
      assert.deepStrictEqual(
        client.logs.filter((line) => / failed: /.test(line)),
        [],
        'a handler threw (the guard caught it, but it should not have thrown)',
      );
    });
  });
});
