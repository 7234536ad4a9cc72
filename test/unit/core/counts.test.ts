/**
 * "1 warnings" never: every message that counts something has its form for one, as its own key
 * of the translation bundle, in the client, the server and the checker alike.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { setLocale } from '@core/l10n';
import { checkedOffersSummary, checkingOffers, errorCount, offerCount, warningCount } from '@core/text/counts';
import { REPO_ROOT } from '../../support/offerHarness';

/** Nouns a message may count from one up, with their form for one. */
const COUNTED: Record<string, string> = {
  offers: 'offer',
  errors: 'error',
  warnings: 'warning',
  lines: 'line',
  hours: 'hour',
  minutes: 'minute',
  subscriptions: 'subscription',
  problems: 'problem',
  sections: 'section',
  times: 'time',
};

/** Messages whose count is never one, by construction. */
const NEVER_ONE = new Set([
  // Said only for a tag used more than once.
  "The description uses <{0}> ({1} times), which the marketplace's rich-text editor doesn't allow: use only {2}.",
]);

describe('counts in messages', () => {
  afterEach(() => setLocale('en'));

  it('says one of each in the singular, and the rest in the plural', () => {
    assert.deepStrictEqual([errorCount(1), warningCount(1), offerCount(1)], ['1 error', '1 warning', '1 offer']);
    assert.deepStrictEqual([errorCount(0), warningCount(2), offerCount(12)], ['0 errors', '2 warnings', '12 offers']);
    assert.strictEqual(checkingOffers(1), 'Checking 1 offer…');
    assert.strictEqual(checkingOffers(3), 'Checking 3 offers…');
    assert.strictEqual(checkedOffersSummary(1, 1, 1), 'Checked 1 offer: 1 error, 1 warning.');
    assert.strictEqual(checkedOffersSummary(2, 0, 3), 'Checked 2 offers: 0 errors, 3 warnings.');
  });

  it('goes through the Korean bundle like any message', () => {
    setLocale('ko');
    assert.strictEqual(checkedOffersSummary(1, 1, 1), '제품 1개를 검사했습니다. 오류 1개, 경고 1개.');
  });

  it('every message of the bundle that counts from one has its form for one', () => {
    const english = Object.keys(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>);
    const count = /\{\d\} ((?:more |blocking )?)([a-z]+)\b/g;
    const missing: string[] = [];
    for (const message of english.filter((key) => !NEVER_ONE.has(key))) {
      for (const match of message.matchAll(count)) {
        const singular = COUNTED[match[2]];
        if (!singular) {
          continue;
        }
        const one = message.slice(0, match.index) + `1 ${match[1]}${singular}`;
        if (!english.some((key) => key.startsWith(one))) {
          missing.push(`${message} (no "${one}…")`);
        }
      }
    }
    assert.deepStrictEqual(missing, []);
  });
});
