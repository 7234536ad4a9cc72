/**
 * Where a quadratic piece of code was replaced by a linear one, the new one answers what the old
 * one did, on many small inputs (the hostile-size suite shows it does so on large ones in time):
 * quick-fix edits (modifyAt) against jsonc-parser's `modify`, the emoji scan against the grapheme
 * segmenter, the nearest existing folder found by halving against walking up, the id suggestion
 * against its former regular expressions.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { modify, parse, type JSONPath } from 'jsonc-parser';
import { OfferDocument } from '@core/model/offerDocument';
import { modifyAt } from '../../../server/src/rules/fixEdits';
import { scanEmoji } from '../../../server/src/rules/listing/listingNameEmoji';
import { suggestId } from '../../../server/src/rules/offerSetup/offerIdFormat';
import { realPathOfNearestExisting } from '@core/files/insideFolder';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

const RUNS = 300;
/** The same cases on every run (another seed: EQUIVALENCE_SEED=…). */
const SEED = Number(process.env.EQUIVALENCE_SEED ?? 20261202);

describe('linear replacements answer what they replaced', () => {
  describe('modifyAt (quick-fix edits on the parsed tree, formatted on the lines they touch)', () => {
    const layouts = [
      { text: EXAMPLE_OFFER_TEXT, formatting: { tabSize: 2, insertSpaces: true, eol: '\n' } },
      { text: EXAMPLE_OFFER_TEXT.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t'), formatting: { tabSize: 4, insertSpaces: false, eol: '\r\n' } },
      { text: JSON.stringify(parse(EXAMPLE_OFFER_TEXT)), formatting: { tabSize: 2, insertSpaces: true, eol: '\n' } },
    ];
    const documents = layouts.map(({ text }) => OfferDocument.fromText(text));
    /** Every path of the example: its values, and a new key in each object. */
    const paths: JSONPath[] = [];
    const visit = (value: unknown, at: JSONPath) => {
      paths.push(at);
      if (Array.isArray(value)) {
        value.forEach((item, i) => visit(item, [...at, i]));
        paths.push([...at, -1]);
      } else if (value && typeof value === 'object') {
        Object.entries(value).forEach(([key, item]) => visit(item, [...at, key]));
        paths.push([...at, 'added'], [...at, 'added', 'deeper']);
      }
    };
    visit(documents[0].value, []);
    const nonRoot = paths.filter((candidate) => candidate.length > 0);
    const values = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.constant({ subscriptionIds: [] }),
      fc.constant(['a', { b: [1, 2] }]),
      fc.constant({ principalId: 'x', roleDefinitionId: 'y' }),
    );

    it('gives the edit modify gives, for every path of the example, in three layouts', () => {
      fc.assert(
        fc.property(fc.nat(layouts.length - 1), fc.constantFrom(...nonRoot), values, fc.boolean(), (layout, at, value, arrayInsertion) => {
          // Removing "the item after the last" means nothing (modify inserts the text `undefined`).
          fc.pre(!(value === undefined && at[at.length - 1] === -1));
          const { text, formatting } = layouts[layout];
          const options = { isArrayInsertion: arrayInsertion && typeof at[at.length - 1] === 'number' };
          let expected: unknown;
          try {
            expected = modify(text, at, value, { formattingOptions: formatting, ...options });
          } catch {
            expected = 'throws';
          }
          let actual: unknown;
          try {
            actual = modifyAt(documents[layout], at, value, formatting, options);
          } catch {
            actual = 'throws';
          }
          assert.deepStrictEqual(actual, expected, `${JSON.stringify(at)} = ${JSON.stringify(value)}`);
        }),
        { numRuns: RUNS * 3, seed: SEED },
      );
    });

    it('inserts at the index getInsertionIndex chooses, as modify does', () => {
      const { text, formatting } = layouts[0];
      const getInsertionIndex = (keys: string[]) => Math.max(0, keys.indexOf('visibility') + 1);
      const at = ['plans', 0, 'privateAudience2'];
      assert.deepStrictEqual(
        modifyAt(documents[0], at, { subscriptionIds: [] }, formatting, { getInsertionIndex }),
        modify(text, at, { subscriptionIds: [] }, { formattingOptions: formatting, getInsertionIndex }),
      );
    });
  });

  describe('scanEmoji (one pass over the code points)', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    /** The scan as it was written with Intl.Segmenter (quadratic on Node 20), for reference. */
    function byGraphemes(text: string): { emoji: string[]; cleaned: string } {
      const allowed = new Set(['™', '®', '©']);
      const emoji: string[] = [];
      let cleaned = '';
      for (const { segment } of segmenter.segment(text)) {
        const base = segment.replace(/[\uFE0E\uFE0F]/g, '');
        if (allowed.has(base)) {
          if (segment.includes('\uFE0F')) {
            emoji.push(segment);
          }
          cleaned += base;
        } else if (/[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u.test(segment)) {
          emoji.push(segment);
        } else {
          cleaned += segment;
        }
      }
      return { emoji, cleaned: cleaned.replace(/\s{2,}/g, ' ').trim() };
    }
    const pieces = [
      'a', 'Z', ' ', '  ', '-', '한', '국', 'é', 'e\u0301', '™', '®', '©', '©\uFE0F', '™\uFE0E', '😀', '🚀', '👍🏽', '🇰🇷', '🇺', '1\uFE0F\u20E3', '#\u20E3',
      '👨\u200D👩\u200D👧', '🏳\uFE0F\u200D🌈', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '\u200D', '\uFE0F', '☺', '☺\uFE0F', '↔', 'x\u20E3',
    ];

    it('finds the emoji and cleans the name as the grapheme segmenter did', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
          const text = parts.join('');
          assert.deepStrictEqual(scanEmoji(text), byGraphemes(text), JSON.stringify(text));
        }),
        { numRuns: RUNS * 3, seed: SEED },
      );
    });
  });

  describe('suggestId (dashes at the ends trimmed by index)', () => {
    function byRegularExpression(id: string): string {
      const cleaned = id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
      return [...cleaned].slice(0, 50).join('') || 'offer';
    }

    it('suggests what the regular expressions suggested', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('a', 'B', '7', '_', '-', '--', ' ', '.', '한', '😀', 'é'), { maxLength: 80 }), (parts) => {
          const id = parts.join('');
          assert.strictEqual(suggestId(id), byRegularExpression(id), JSON.stringify(id));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  });

  describe('realPathOfNearestExisting (the nearest existing folder found by halving)', () => {
    let root: string;

    before(() => {
      root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'offer-realpath-')));
      fs.mkdirSync(path.join(root, 'a', 'b', 'c'), { recursive: true });
      fs.mkdirSync(path.join(root, 'elsewhere', 'd'), { recursive: true });
      fs.writeFileSync(path.join(root, 'a', 'file.png'), '');
      fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'a', 'link'));
      fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'a', 'dangling'));
    });

    after(() => fs.rmSync(root, { recursive: true, force: true }));

    /** The former walk up, one folder at a time. */
    function byWalkingUp(absolutePath: string): string {
      const missing: string[] = [];
      let current = path.resolve(absolutePath);
      for (;;) {
        try {
          return path.join(fs.realpathSync.native(current), ...missing.reverse());
        } catch {
          const parent = path.dirname(current);
          if (parent === current) {
            return path.resolve(absolutePath);
          }
          missing.push(path.basename(current));
          current = parent;
        }
      }
    }

    it('resolves the links of the longest existing part and keeps the rest as written', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'link', 'dangling', 'file.png', 'x', '..', '.'), { maxLength: 7 }), (segments) => {
          const candidate = path.join(root, ...segments);
          assert.strictEqual(realPathOfNearestExisting(candidate, (p) => fs.realpathSync.native(p)), byWalkingUp(candidate), candidate);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  });
});
