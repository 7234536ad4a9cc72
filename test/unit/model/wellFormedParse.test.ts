/**
 * The fast parser for well-formed offers builds exactly the tree jsonc-parser builds, and gives
 * up (so that jsonc-parser reports the problem) on exactly the texts jsonc-parser finds an error
 * in. Random JSON written in every way JSONC allows (comments, trailing commas, escapes, CRLF),
 * then broken at random.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { ParseError, parseTree } from 'jsonc-parser';
import { parseWellFormed } from '@core/model/wellFormedParse';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';
import { assertSameTree } from '../../support/sameTree';

const SEED = Number(process.env.PARSE_SEED ?? 20261126);
const OPTIONS = { allowTrailingComma: true, disallowComments: false };

const trivia = fc.constantFrom('', '', ' ', '\n  ', '\r\n', '\t', ' // note\n', '/* c */', '/**/ ', '//\r');
const escapedString = fc.string({ unit: 'binary', maxLength: 12 }).chain((value) =>
  fc.constantFrom(JSON.stringify(value), JSON.stringify(value).replace(/\//g, '\\/'), '"' + [...value].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '"'),
);

/** A JSON value written as JSONC, with trivia everywhere it may go and sometimes a trailing comma. */
const jsonc: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('true', 'false', 'null', '0', '-0', '12', '-3.25', '1e5', '2E-3', '6.02e+23', '1e999'),
    escapedString,
    fc.tuple(fc.array(fc.tuple(trivia, tie('value'), trivia), { maxLength: 4 }), fc.boolean(), trivia).map(
      ([items, trailing, inside]) => `[${inside}${items.map(([a, v, b]) => a + v + b).join(',')}${trailing && items.length ? ',' : ''}]`,
    ),
    fc.tuple(fc.array(fc.tuple(trivia, escapedString, trivia, trivia, tie('value'), trivia), { maxLength: 4 }), fc.boolean(), trivia).map(
      ([members, trailing, inside]) =>
        `{${inside}${members.map(([a, key, b, c, v, d]) => `${a}${key}${b}:${c}${v}${d}`).join(',')}${trailing && members.length ? ',' : ''}}`,
    ),
  ),
})).value;

const damage = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '"', ',', '}', ']', '{', '[', ':', '/', '*', '\\', 'x', '\n', '\u000b', '\u00a0', '\u2028', '\ufeff', '01', '-', '.', 'e', 'tru'));

/** The fast parser agrees with jsonc-parser on `text`: the same tree, or a give-up where it errs. */
function assertAgrees(text: string): 'parsed' | 'gave up' {
  const errors: ParseError[] = [];
  const expected = parseTree(text, errors, OPTIONS);
  const actual = parseWellFormed(text, 200);
  if (actual) {
    assert.deepStrictEqual(errors, [], `parsed a text jsonc-parser finds errors in: ${JSON.stringify(text)}`);
    assertSameTree(actual, expected);
    return 'parsed';
  }
  assert.ok(errors.length > 0 || !expected, `gave up on a well-formed text: ${JSON.stringify(text)}`);
  return 'gave up';
}

describe('well-formed parse', () => {
  it('builds the tree jsonc-parser builds, for any JSON written as JSONC', () => {
    fc.assert(fc.property(trivia, jsonc, trivia, (before, value, after) => assert.strictEqual(assertAgrees(before + value + after), 'parsed')), {
      seed: SEED,
      numRuns: 3000,
    });
  });

  it('gives up exactly where jsonc-parser finds an error', () => {
    fc.assert(
      fc.property(jsonc, damage, (value, [at, removed, inserted]) => {
        const offset = at % (value.length + 1);
        assertAgrees(value.slice(0, offset) + inserted + value.slice(offset + removed));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('parses the example offer (comments and all) as jsonc-parser does', () => {
    assert.strictEqual(assertAgrees(EXAMPLE_OFFER_TEXT), 'parsed');
  });

  it('gives up past the nesting limit, without recursion, and on empty or blank text', () => {
    assert.strictEqual(parseWellFormed('['.repeat(20_000) + ']'.repeat(20_000), 200), undefined);
    assert.ok(parseWellFormed('['.repeat(200) + ']'.repeat(200), 200));
    assert.strictEqual(parseWellFormed('['.repeat(201) + ']'.repeat(201), 200), undefined);
    assert.strictEqual(parseWellFormed('', 200), undefined);
    assert.strictEqual(parseWellFormed(' // only a comment\n', 200), undefined);
  });
});
