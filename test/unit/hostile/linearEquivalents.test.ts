/**
 * Where a quadratic piece of code was replaced by a linear one, the new one answers what the old
 * one did, on many small inputs (the hostile-size suite shows it does so on large ones in time):
 * the emoji scan against the grapheme segmenter, the nearest existing folder found by halving
 * against walking up, the id suggestion against its former regular expressions. (Quick-fix edits
 * have their own properties in test/unit/edits/pointerEdits.test.ts.)
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanEmoji } from '../../../server/src/rules/listing/listingNameEmoji';
import { suggestId } from '../../../server/src/rules/offerSetup/offerIdFormat';
import { realPathOfNearestExisting } from '@core/files/insideFolder';

const RUNS = 300;
/** The same cases on every run (another seed: EQUIVALENCE_SEED=…). */
const SEED = Number(process.env.EQUIVALENCE_SEED ?? 20261202);

describe('linear replacements answer what they replaced', () => {
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
