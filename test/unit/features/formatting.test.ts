import * as assert from 'assert';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { detectLayout } from '../../../server/src/features/formatting';
import { OfferLanguageService } from '../../../server/src/languageService';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

const service = new OfferLanguageService();
let version = 0;

function formatted(text: string, options: { tabSize: number; insertSpaces: boolean; insertFinalNewline?: boolean }, range?: [number, number]): string {
  const document = TextDocument.create('file:///ws/offer.json', 'marketplace-offer', ++version, text);
  const edits = service.format(
    document,
    options,
    range && { start: document.positionAt(range[0]), end: document.positionAt(range[1]) },
  );
  return TextDocument.applyEdits(document, edits);
}

const MESSY = `{ // the offer
"offerId":"contoso",   "plans":[ { "planId":"gold", /* keep me */ "name":"gold" } ],
      "alias" : "A",
}`;

describe('document formatting', () => {
  it('re-indents with the client tab size and keeps every comment and the trailing comma', () => {
    const result = formatted(MESSY, { tabSize: 4, insertSpaces: true });
    assert.strictEqual(
      result,
      [
        '{ // the offer',
        '    "offerId": "contoso",',
        '    "plans": [',
        '        {',
        '            "planId": "gold", /* keep me */',
        '            "name": "gold"',
        '        }',
        '    ],',
        '    "alias": "A",',
        '}',
      ].join('\n'),
    );
    assert.deepStrictEqual(parse(result), parse(MESSY));
  });

  it('indents with tabs when the client asks for them, and adds a final newline on request', () => {
    const result = formatted('{"a":{"b":1}}', { tabSize: 4, insertSpaces: false, insertFinalNewline: true });
    assert.strictEqual(result, '{\n\t"a": {\n\t\t"b": 1\n\t}\n}\n');
  });

  it('keeps CRLF line ends', () => {
    const result = formatted('{\r\n"a":1,\r\n"b":2}', { tabSize: 2, insertSpaces: true });
    assert.strictEqual(result, '{\r\n  "a": 1,\r\n  "b": 2\r\n}');
  });

  it('leaves the example offer as it is apart from expanding one-line arrays and objects', () => {
    const result = formatted(EXAMPLE_OFFER_TEXT, { tabSize: 2, insertSpaces: true });
    assert.deepStrictEqual(parse(result), parse(EXAMPLE_OFFER_TEXT));
    const comments = EXAMPLE_OFFER_TEXT.match(/(?<=\s)\/\/ [^\n]*/g) ?? [];
    assert.ok(comments.length >= 5, 'the example has comments to keep');
    for (const comment of comments) {
      assert.ok(result.includes(comment), `comment kept: ${comment}`);
    }
    // Formatting twice changes nothing more.
    assert.strictEqual(formatted(result, { tabSize: 2, insertSpaces: true }), result);
  });

  it('formats only the selected range', () => {
    const text = '{\n"a":   1,\n"b":   2\n}';
    const start = text.indexOf('"b"');
    const result = formatted(text, { tabSize: 2, insertSpaces: true }, [start, start + 8]);
    assert.ok(result.includes('"a":   1'), result);
    assert.ok(result.includes('"b": 2'), result);
  });

  it('formats a broken file without failing', () => {
    const result = formatted('{"a": [1, 2,\n"b": ', { tabSize: 2, insertSpaces: true });
    assert.ok(result.startsWith('{\n  "a": [\n'), result);
  });
});

describe('layout detection (for edits made by quick fixes)', () => {
  it('finds the indentation unit and the line end of a file', () => {
    assert.deepStrictEqual(detectLayout(EXAMPLE_OFFER_TEXT), { tabSize: 2, insertSpaces: true, eol: '\n' });
    assert.deepStrictEqual(detectLayout('{\r\n    "a": {\r\n        "b": 1\r\n    }\r\n}'), { tabSize: 4, insertSpaces: true, eol: '\r\n' });
    assert.deepStrictEqual(detectLayout('{\n\t"a": 1\n}'), { tabSize: 4, insertSpaces: false, eol: '\n' });
    assert.deepStrictEqual(detectLayout('{"a": 1}'), { tabSize: 2, insertSpaces: true, eol: '\n' });
  });
});
