/**
 * Hostile input, property-based: thousands of random edits of the example offer (truncations,
 * punctuation, deleted ranges, wrong types, unicode edge cases), and every feature asked at random
 * positions. Nothing may throw, every answer must be well-formed, and a quick fix or a format
 * of a file that parses must leave a file that parses.
 *
 * Reproducible: the seed is fixed (HOSTILE_SEED to change it, HOSTILE_RUNS for the count); on a
 * failure fast-check prints the seed and the shrunk counterexample.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { getNodeValue, parseTree, ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { OfferLanguageService } from '../../../server/src/languageService';
import { toLspDiagnostic } from '../../../server/src/lsp/lspDiagnostics';
import { EXAMPLE_OFFER_TEXT, makeHost, OFFER_PATH, WORKSPACE } from '../../support/offerHarness';
import { assertRange, applyEdits } from '../../support/wellFormed';

const SEED = Number(process.env.HOSTILE_SEED ?? 20261126);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 10000);

type Mutation = (text: string) => string;

const offset = fc.nat({ max: EXAMPLE_OFFER_TEXT.length + 200 });
const at = (text: string, n: number) => n % (text.length + 1);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  offset.map((n) => (text: string) => text.slice(0, at(text, n))),
  fc
    .tuple(offset, fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '/', '*', '//', '/*', '*/', '\n', "'", '`'))
    .map(([n, piece]) => (text: string) => text.slice(0, at(text, n)) + piece + text.slice(at(text, n))),
  fc.tuple(offset, fc.nat({ max: 300 })).map(([n, length]) => (text: string) => text.slice(0, at(text, n)) + text.slice(at(text, n) + length)),
  fc
    .tuple(offset, fc.nat({ max: 40 }), fc.constantFrom('42', 'null', 'true', '[]', '{}', '"x"', '-1e999', '""', '[{}]', '{"a":{"b":[]}}', '0x1F'))
    .map(([n, length, value]) => (text: string) => text.slice(0, at(text, n)) + value + text.slice(at(text, n) + length)),
  fc
    .tuple(offset, fc.constantFrom('\uD800', '\uDFFF', '\uFEFF', '\u0000', '🚀', '👩‍👩‍👧', '\u202E', 'é', 'e\u0301', '\r\n', '\r', '\u2028', '\t', 'ᄀ', '\\u0000', '\\uD800'))
    .map(([n, piece]) => (text: string) => text.slice(0, at(text, n)) + piece + text.slice(at(text, n))),
);

const scenario = fc.record({
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  positions: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 2, maxLength: 2 }),
  feature: fc.nat({ max: 5 }),
});


function syntaxErrorCount(text: string): number {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true });
  return errors.length;
}


describe('hostile input: random edits of the example offer', function () {
  this.timeout(0);
  let checkedEdits = 0;

  it(`survives ${RUNS} random edit scenarios with every feature asked (seed ${SEED})`, () => {
    const service = new OfferLanguageService({ fileHost: makeHost() });
    const location = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };
    let version = 0;
    fc.assert(
      fc.property(scenario, ({ mutations, positions, feature }) => {
        const text = mutations.reduce((current, mutate) => mutate(current), EXAMPLE_OFFER_TEXT);
        checkedEdits += mutations.length;
        const document = TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', ++version, text);
        const [first, second] = positions.map((n) => document.positionAt(n % (text.length + 1))) as [Position, Position];

        const diagnostics = service.validate(document, location);
        for (const d of diagnostics) {
          assertRange(document, d.range, `diagnostic ${d.code}`);
          assert.ok(typeof d.code === 'string' && d.code.length > 0);
          assert.ok(typeof d.message === 'string' && d.message.length > 0, `diagnostic ${d.code} without message`);
          assert.ok(['error', 'warning', 'info'].includes(d.severity));
          assert.ok(d.path === '' || d.path.startsWith('/'), `bad pointer ${d.path}`);
        }

        const completions = service.complete(document, first, location);
        assert.ok(Array.isArray(completions.items));
        for (const item of completions.items) {
          assert.ok(typeof item.label === 'string' && item.label.length > 0, 'completion without label');
          if (item.textEdit && 'range' in item.textEdit) {
            assertRange(document, item.textEdit.range, `completion ${item.label}`);
          }
        }

        const hover = service.hover(document, second, location);
        if (hover) {
          assert.ok(hover.contents, 'hover without contents');
          if (hover.range) {
            assertRange(document, hover.range, 'hover');
          }
        }

        const parsedBefore = syntaxErrorCount(text) === 0;
        switch (feature) {
          case 0: {
            const actions = service.codeActions(document, { diagnostics: diagnostics.slice(0, 6).map(toLspDiagnostic) }, location);
            for (const action of actions) {
              assert.ok(action.title.length > 0);
              const edits = action.edit?.changes?.[document.uri] ?? [];
              const fixed = applyEdits(document, edits, `fix '${action.title}'`);
              if (parsedBefore) {
                assert.strictEqual(syntaxErrorCount(fixed), 0, `fix '${action.title}' broke the JSON:\n${fixed}`);
              }
            }
            break;
          }
          case 1: {
            const symbols = service.symbols(document);
            const visit = (list: typeof symbols) =>
              list.forEach((symbol) => {
                assert.ok(symbol.name.trim().length > 0, 'symbol without name');
                assertRange(document, symbol.range, `symbol ${symbol.name}`);
                assertRange(document, symbol.selectionRange, `symbol ${symbol.name}`);
                visit(symbol.children ?? []);
              });
            visit(symbols);
            break;
          }
          case 2: {
            const edits = service.format(document, { tabSize: 2, insertSpaces: true });
            const formatted = applyEdits(document, edits, 'format');
            if (parsedBefore) {
              const before = parseTree(text, [], { allowTrailingComma: true });
              const after = parseTree(formatted, [], { allowTrailingComma: true });
              assert.deepStrictEqual(after && getNodeValue(after), before && getNodeValue(before), 'formatting changed the value');
            }
            break;
          }
          case 3:
            service.inlayHints(document).forEach((hint) => assertRange(document, { start: hint.position, end: hint.position }, 'inlay hint'));
            break;
          case 4:
            service.foldingRanges(document).forEach((range) => assert.ok(range.startLine <= range.endLine && range.endLine < document.lineCount));
            break;
          default:
            service.selectionRanges(document, [first, second]).forEach((selection) => assertRange(document, selection.range, 'selection'));
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
    assert.ok(checkedEdits >= RUNS, `only ${checkedEdits} edits`);
  });
});
