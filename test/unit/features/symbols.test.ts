import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Range, SelectionRange } from 'vscode-languageserver-types';
import { OfferLanguageService } from '../../../server/src/languageService';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

const service = new OfferLanguageService();
let version = 0;

function doc(text: string): TextDocument {
  return TextDocument.create('file:///ws/offer/offer.json', 'marketplace-offer', ++version, text);
}

/** The outline as nested [name, detail, children] for readable comparisons. */
function tree(symbols: DocumentSymbol[] | undefined): unknown[] {
  return (symbols ?? []).map((s) => (s.children && s.children.length > 0 ? [s.name, s.detail, tree(s.children)] : [s.name, s.detail]));
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function assertWellFormed(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.trim() !== '', 'a symbol name is never empty');
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside its range`);
    if (parent) {
      assert.ok(contains(parent.range, symbol.range), `${symbol.name}: inside ${parent.name}`);
    }
    assertWellFormed(symbol.children ?? [], symbol);
  }
}

function textOf(text: string, range: Range): string {
  const document = TextDocument.create('file:///x', 'json', 1, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

describe('document symbols', () => {
  it('outlines the example: offer, sections, plans, authorizations by display name and role name', () => {
    const symbols = service.symbols(doc(EXAMPLE_OFFER_TEXT));
    assert.deepStrictEqual(tree(symbols), [
      [
        'contoso-sentinel-ops',
        'Contoso Sentinel Operations',
        [
          [
            'Offer setup',
            undefined,
            [
              ['offerType', 'managedService'],
              ['offerId', 'contoso-sentinel-ops'],
              ['alias', 'Contoso Sentinel Operations'],
              ['leadManagement', undefined],
            ],
          ],
          ['Properties', undefined],
          ['Listing', undefined],
          ['Preview audience', undefined],
          [
            'Plans',
            undefined,
            [
              [
                'gold',
                'gold',
                [
                  [
                    'Authorizations',
                    undefined,
                    [
                      ['Tier 2 Operators — Contributor', '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f'],
                      ['SOC Analysts — Reader', '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'],
                      ['Offer Administrators — Managed Services Registration assignment Delete Role', '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'],
                      ['Access Managers — User Access Administrator', '9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f'],
                    ],
                  ],
                  ['Eligible authorizations', undefined, [['Break-glass engineers — Contributor', '0d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a']]],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
    assertWellFormed(symbols);
  });

  it('puts the selection of a plan on its planId and of an authorization on its display name', () => {
    const [offer] = service.symbols(doc(EXAMPLE_OFFER_TEXT));
    const plans = offer.children!.find((s) => s.name === 'Plans')!;
    const gold = plans.children![0];
    assert.strictEqual(textOf(EXAMPLE_OFFER_TEXT, gold.selectionRange), '"gold"');
    assert.strictEqual(textOf(EXAMPLE_OFFER_TEXT, gold.children![0].children![0].selectionRange), '"Tier 2 Operators"');
    assert.strictEqual(textOf(EXAMPLE_OFFER_TEXT, plans.selectionRange), '"plans"');
  });

  it('names things sensibly in a half-written offer and never gives an empty name', () => {
    const text = `{
      "plans": [
        42,
        { "planId": "", "technicalConfiguration": { "authorizations": [
          { "roleDefinitionId": "Contributor" },
          { "principalIdDisplayName": "Ops", "roleDefinitionId": "00000000-0000-0000-0000-000000000000" },
          "oops"
        ] } }
      ]
    `;
    const symbols = service.symbols(doc(text));
    assert.deepStrictEqual(tree(symbols), [
      [
        'Offer',
        undefined,
        [
          [
            'Plans',
            undefined,
            [
              ['Plan 1', undefined],
              [
                'Plan 2',
                undefined,
                [
                  [
                    'Authorizations',
                    undefined,
                    [
                      ['(no display name) — Contributor', undefined],
                      ['Ops — 00000000-0000-0000-0000-000000000000', undefined],
                      ['(no display name) — (no role)', undefined],
                    ],
                  ],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
    assertWellFormed(symbols);
  });

  it('has no outline for a file that is not an object', () => {
    assert.deepStrictEqual(service.symbols(doc('[1, 2]')), []);
    assert.deepStrictEqual(service.symbols(doc('')), []);
  });
});

describe('folding ranges', () => {
  it('folds objects, arrays and the comment block of the example, keeping closing lines visible', () => {
    const ranges = service.foldingRanges(doc(EXAMPLE_OFFER_TEXT));
    const lines = EXAMPLE_OFFER_TEXT.split('\n');
    const find = (startText: string) => ranges.find((r) => lines[r.startLine].includes(startText));
    assert.deepStrictEqual(ranges[0], { startLine: 0, endLine: 101 });
    assert.deepStrictEqual(ranges.find((r) => r.kind === 'comment'), { startLine: 1, endLine: 2, kind: 'comment' });
    assert.deepStrictEqual(find('"plans"'), { startLine: 44, endLine: 99 });
    assert.deepStrictEqual(find('"authorizations"'), { startLine: 61, endLine: 82 });
    // One-line arrays and objects give nothing to fold.
    assert.strictEqual(find('"categories"'), undefined);
  });

  it('folds block comments, regions and an unfinished file without failing', () => {
    const text = ['{', '  /* a', '     b */', '  // #region plans', '  "plans": [', '    1', '  ],', '  // #endregion', '  "x": [', '    1'].join('\n');
    assert.deepStrictEqual(service.foldingRanges(doc(text)), [
      { startLine: 1, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 7, kind: 'region' },
      { startLine: 4, endLine: 5 },
    ]);
  });

  it('does not join a comment that follows a value with the next comment line', () => {
    const text = ['{', '  "a": 1, // one', '  // two', '  "b": 2', '}'].join('\n');
    assert.deepStrictEqual(service.foldingRanges(doc(text)), [{ startLine: 0, endLine: 3 }]);
  });
});

describe('selection ranges', () => {
  function chain(text: string, needle: string, offsetInNeedle = 1): string[] {
    const offset = text.indexOf(needle) + offsetInNeedle;
    const document = doc(text);
    const [range] = service.selectionRanges(document, [document.positionAt(offset)]);
    const texts: string[] = [];
    for (let current: SelectionRange | undefined = range; current; current = current.parent) {
      texts.push(textOf(text, current.range));
    }
    return texts;
  }

  it('grows from a string value to its property, object, array and the whole offer', () => {
    const text = '{ "plans": [ { "planId": "gold", "name": "g" } ] }';
    assert.deepStrictEqual(chain(text, '"gold"', 2), [
      'gold',
      '"gold"',
      '"planId": "gold"',
      '{ "planId": "gold", "name": "g" }',
      '[ { "planId": "gold", "name": "g" } ]',
      '"plans": [ { "planId": "gold", "name": "g" } ]',
      text,
    ]);
  });

  it('starts from the key when the cursor is on it', () => {
    const text = '{ "alias": "A" }';
    assert.deepStrictEqual(chain(text, '"alias"', 2), ['alias', '"alias"', '"alias": "A"', text]);
  });

  it('answers one range per position, even for an empty file', () => {
    const document = doc('');
    const ranges = service.selectionRanges(document, [{ line: 0, character: 0 }]);
    assert.deepStrictEqual(ranges, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });
});
