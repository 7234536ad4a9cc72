/**
 * The offer ID and alias are fixed from the moment the offer is created in Partner Center, plan IDs
 * and names once the plan is: every message, hover, rule description and walkthrough page says so,
 * and none says "after publishing" of them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rules } from '../../../server/src/rules';
import { REPO_ROOT } from '../../support/offerHarness';

const IDENTITY = /offer ID|alias|plan ID|plan's (ID|name)|plan name|offer and plan IDs/i;
// "cannot change after you select Create" is the right moment (the hand-off sheet says it so).
const AFTER_PUBLISHING = /after (the offer is )?publish|once published|when the offer was published|(cannot|can't) change(?! after you select Create)/i;

function read(relativePath: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8');
}

describe('where the offer ID, alias and plan IDs are said to be fixed', () => {
  it('no message of the bundle ties them to publishing', () => {
    const english = Object.keys(JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>);
    const wrong = english.filter((message) => IDENTITY.test(message) && AFTER_PUBLISHING.test(message));
    assert.deepStrictEqual(wrong, []);
    const korean = Object.values(JSON.parse(read('l10n/bundle.l10n.ko.json')) as Record<string, string>);
    assert.deepStrictEqual(korean.filter((message) => /게시한 후에는 변경할 수 없|게시된 제품의 (ID|별칭)/.test(message)), []);
  });

  it('the rules that guard them say when they became fixed', () => {
    for (const code of ['offer-id-format', 'offer-id-immutable', 'alias-immutable', 'alias-required']) {
      assert.match(rules.find((rule) => rule.code === code)!.docs, /when the offer is created|moment the offer is created/, code);
    }
    assert.match(rules.find((rule) => rule.code === 'plan-id-immutable')!.docs, /moment the plan is created/);
  });

  it('the walkthrough and its Korean page say so, and ask the four questions New Offer asks', () => {
    const english = read('walkthrough/create-offer.md');
    assert.match(english, /asks four things/);
    assert.match(english, /fixed from the moment you create the offer in Partner Center/);
    assert.match(english, /`<offerId>\.offer\.json`/);
    assert.ok(!AFTER_PUBLISHING.test(english));
    const korean = read('walkthrough/create-offer.nls.ko.md');
    assert.match(korean, /네 가지/);
    assert.match(korean, /제품을 만들 때 고정/);
    assert.ok(!/게시한 후/.test(korean));
  });

  it('the README says what New Offer asks (as many questions as the command asks) and the file it writes', () => {
    const command = read('client/src/commands/newOffer.ts');
    const questions = (command.match(/showInputBox\(/g) ?? []).length + (command.match(/showOpenDialog\(/g) ?? []).length;
    assert.strictEqual(questions, 4);
    const readme = read('README.md');
    assert.match(readme, /\*New Offer…\* asks four things/);
    assert.match(readme, /`<offerId>\.offer\.json`/);
    assert.ok(!/from three answers/.test(readme));
  });
});
