import * as assert from 'assert';
import { applyEdits, parse } from 'jsonc-parser';
import { OfferDocument } from '@core/model/offerDocument';
import {
  addAuthorizationEdits,
  addPlanEdits,
  removeEdits,
  suggestPlanId,
  validateNewPlanId,
} from '../../../server/src/features/offerEdits';
import { EXAMPLE_OFFER_TEXT } from '../client/exampleFixture';

const example = () => OfferDocument.fromText(EXAMPLE_OFFER_TEXT);
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const PRINCIPAL = '2f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c';

/** Every `//` comment of the text, in order: edits must keep them all. */
function comments(text: string): string[] {
  return text.match(/\/\/[^\n]*/g) ?? [];
}

describe('offer edits of the plans tree', () => {
  it('adds a private BYOL plan at the end, with the tenant of the other plans, keeping comments and indentation', () => {
    const text = applyEdits(EXAMPLE_OFFER_TEXT, addPlanEdits(example(), 'silver'));
    assert.deepStrictEqual(comments(text), comments(EXAMPLE_OFFER_TEXT));
    const offer = parse(text);
    assert.strictEqual(offer.plans.length, 2);
    assert.deepStrictEqual(offer.plans[1], {
      planId: 'silver',
      name: 'silver',
      listing: { searchResultsSummary: '', description: '' },
      pricingModel: 'BYOL',
      visibility: 'private',
      privateAudience: { subscriptionIds: [] },
      technicalConfiguration: { version: '1.0.0', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', authorizations: [] },
    });
    // The new plan is indented like its neighbour (two spaces per level here).
    assert.match(text, /\n {4}\{\n {6}"planId": "silver",\n/);
    // Nothing before the plans array changed.
    const plansAt = EXAMPLE_OFFER_TEXT.indexOf('"plans"');
    assert.strictEqual(text.slice(0, plansAt), EXAMPLE_OFFER_TEXT.slice(0, plansAt));
  });

  it('creates the plans array when there is none, and refuses to replace a plans value of the wrong type', () => {
    const text = applyEdits('{\n\t"offerId": "x" // keep\n}', addPlanEdits(OfferDocument.fromText('{\n\t"offerId": "x" // keep\n}'), 'gold'));
    assert.strictEqual(parse(text).plans[0].planId, 'gold');
    assert.strictEqual(parse(text).plans[0].technicalConfiguration.tenantId, '');
    assert.ok(text.includes('// keep'));
    assert.match(text, /\n\t"plans": \[\n\t\t\{\n\t\t\t"planId": "gold"/);
    assert.deepStrictEqual(addPlanEdits(OfferDocument.fromText('{"plans": "none"}'), 'gold'), []);
  });

  it('adds an authorization to the chosen plan, and delegated roles only when given', () => {
    const document = example();
    const text = applyEdits(
      EXAMPLE_OFFER_TEXT,
      addAuthorizationEdits(document, 0, { principalId: ` ${PRINCIPAL} `, principalIdDisplayName: ' Night shift ', roleDefinitionId: CONTRIBUTOR }),
    );
    assert.deepStrictEqual(comments(text), comments(EXAMPLE_OFFER_TEXT));
    const authorizations = parse(text).plans[0].technicalConfiguration.authorizations;
    assert.strictEqual(authorizations.length, 5);
    assert.deepStrictEqual(authorizations[4], { principalId: PRINCIPAL, principalIdDisplayName: 'Night shift', roleDefinitionId: CONTRIBUTOR });

    const withDelegation = applyEdits(
      EXAMPLE_OFFER_TEXT,
      addAuthorizationEdits(document, 0, {
        principalId: PRINCIPAL,
        principalIdDisplayName: 'Access',
        roleDefinitionId: UAA,
        delegatedRoleDefinitionIds: [CONTRIBUTOR],
      }),
    );
    assert.deepStrictEqual(parse(withDelegation).plans[0].technicalConfiguration.authorizations[4].delegatedRoleDefinitionIds, [CONTRIBUTOR]);
  });

  it('creates the technical configuration when the plan has none, and does nothing for a plan that is not there', () => {
    const document = OfferDocument.fromText('{"plans": [{"planId": "gold"}]}');
    const text = applyEdits(document.getText(), addAuthorizationEdits(document, 0, { principalId: PRINCIPAL, principalIdDisplayName: 'Ops', roleDefinitionId: CONTRIBUTOR }));
    assert.strictEqual(parse(text).plans[0].technicalConfiguration.authorizations[0].principalIdDisplayName, 'Ops');
    assert.deepStrictEqual(addAuthorizationEdits(document, 3, { principalId: PRINCIPAL, principalIdDisplayName: 'Ops', roleDefinitionId: CONTRIBUTOR }), []);
    assert.deepStrictEqual(
      addAuthorizationEdits(OfferDocument.fromText('{"plans": [{"technicalConfiguration": {"authorizations": 5}}]}'), 0, {
        principalId: PRINCIPAL,
        principalIdDisplayName: 'Ops',
        roleDefinitionId: CONTRIBUTOR,
      }),
      [],
    );
  });

  it('removes an authorization or a plan with its comma, and nothing else', () => {
    const document = example();
    const text = applyEdits(EXAMPLE_OFFER_TEXT, removeEdits(document, '/plans/0/technicalConfiguration/authorizations/1'));
    const authorizations = parse(text).plans[0].technicalConfiguration.authorizations;
    assert.deepStrictEqual(authorizations.map((a: { principalIdDisplayName: string }) => a.principalIdDisplayName), [
      'Tier 2 Operators',
      'Offer Administrators',
      'Access Managers',
    ]);
    assert.ok(!text.includes('// Reader'), 'the removed authorization\'s own comment goes with it');
    assert.ok(text.includes('// Contributor') && text.includes('// User Access Administrator'));

    const withoutPlan = applyEdits(EXAMPLE_OFFER_TEXT, removeEdits(document, '/plans/0'));
    assert.deepStrictEqual(parse(withoutPlan).plans, []);
    assert.ok(withoutPlan.includes('"certificationNotes"'));
    assert.deepStrictEqual(removeEdits(document, '/plans/4'), []);
    assert.deepStrictEqual(removeEdits(document, ''), []);
  });

  it('validates a new plan id: format, length, and not already taken', () => {
    const document = example();
    assert.strictEqual(validateNewPlanId('silver', document), undefined);
    assert.strictEqual(validateNewPlanId('a'.repeat(50), document), undefined);
    assert.strictEqual(validateNewPlanId('a'.repeat(51), document), `A plan ID has 1 to 50 lowercase letters, digits, "-" or "_": "${'a'.repeat(51)}" does not.`);
    assert.strictEqual(validateNewPlanId('Silver', document), 'A plan ID has 1 to 50 lowercase letters, digits, "-" or "_": "Silver" does not.');
    assert.strictEqual(validateNewPlanId('gold', document), 'The offer already has a plan "gold".');
    assert.strictEqual(validateNewPlanId('', document), 'Type a plan ID, for example "gold".');
    assert.strictEqual(
      validateNewPlanId('x'.repeat(200_000), document),
      'A plan ID has 1 to 50 lowercase letters, digits, "-" or "_": "' + 'x'.repeat(60) + '… (200000 characters)" does not.',
    );
    assert.strictEqual(suggestPlanId(document), 'plan-2');
    assert.strictEqual(suggestPlanId(OfferDocument.fromText('{"plans": [{"planId": "plan-2"}]}')), 'plan-3');
  });
});
