import * as assert from 'assert';
import { publishStatus, StatusDiagnostic } from '../../../server/src/features/publishStatus';
import { OfferDocument } from '@core/model/offerDocument';
import { exampleOffer, EXAMPLE_OFFER_TEXT, Offer, printed } from '../client/exampleFixture';

function statusOf(offer: Offer, diagnostics: StatusDiagnostic[] = []) {
  return publishStatus(OfferDocument.fromText(typeof offer === 'string' ? offer : printed(offer)), diagnostics);
}

function states(offer: Offer, diagnostics: StatusDiagnostic[] = []): Record<string, string> {
  return Object.fromEntries(statusOf(offer, diagnostics).sections.map((section) => [section.title, section.state]));
}

describe('publish status', () => {
  it('marks every section of the clean example Complete, and the offer ready', () => {
    // The example checks clean (test/unit/example.test.ts): no diagnostics.
    const status = publishStatus(OfferDocument.fromText(EXAMPLE_OFFER_TEXT), []);
    assert.deepStrictEqual(
      status.sections.map((s) => [s.id, s.title, s.state]),
      [
        ['offerSetup', 'Offer setup', 'complete'],
        ['properties', 'Properties', 'complete'],
        ['listing', 'Offer listing', 'complete'],
        ['previewAudience', 'Preview audience', 'complete'],
        ['plans', 'Plan overview', 'complete'],
        ['plan:0', 'Plan "gold"', 'complete'],
      ],
    );
    assert.strictEqual(status.ready, true);
    assert.strictEqual(status.summary, 'Offer: ready to publish');
  });

  it('puts each error in the section that owns its JSON pointer', () => {
    const offer = exampleOffer();
    offer.plans.push({ ...exampleOffer().plans[0], planId: 'silver', name: 'silver' });
    const status = statusOf(offer, [
      { severity: 'error', path: '/listing/name' },
      { severity: 'error', path: '/listing/logos/small' },
      { severity: 'warning', path: '/leadManagement/storageAccountConnectionString' },
      { severity: 'error', path: '/plans/1/technicalConfiguration/authorizations/0/roleDefinitionId' },
      { severity: 'info', path: '/plans/0/visibility' },
    ]);
    const byId = Object.fromEntries(status.sections.map((s) => [s.id, s]));
    assert.strictEqual(byId.listing.state, 'incomplete');
    assert.strictEqual(byId.listing.blockingProblems, 2);
    // A warning or an info blocks nothing.
    assert.strictEqual(byId.offerSetup.state, 'complete');
    assert.strictEqual(byId['plan:0'].state, 'complete');
    assert.strictEqual(byId['plan:1'].title, 'Plan "silver"');
    assert.strictEqual(byId['plan:1'].state, 'incomplete');
    assert.strictEqual(byId['plan:1'].blockingProblems, 1);
    assert.strictEqual(status.blockingProblems, 3);
    assert.strictEqual(status.ready, false);
    assert.strictEqual(status.summary, 'Offer: 3 errors — 2 sections incomplete');
  });

  it('does not confuse a key that only starts like a section (/listingNotes is not /listing)', () => {
    assert.strictEqual(states(exampleOffer(), [{ severity: 'error', path: '/listingNotes' }])['Offer listing'], 'complete');
  });

  it('says Not started for sections with none of their fields, even when a required field is reported missing', () => {
    const offer = exampleOffer();
    delete offer.previewAudience;
    delete offer.properties;
    offer.plans = [];
    const status = statusOf(offer, [
      { severity: 'error', path: '/properties' },
      { severity: 'error', path: '/plans' },
    ]);
    const byId = Object.fromEntries(status.sections.map((s) => [s.id, s]));
    assert.strictEqual(byId.previewAudience.state, 'notStarted');
    assert.strictEqual(byId.properties.state, 'notStarted');
    assert.strictEqual(byId.properties.blockingProblems, 1);
    assert.strictEqual(byId.plans.state, 'notStarted');
    assert.strictEqual(byId.plans.blockingProblems, 1);
    assert.ok(!status.sections.some((s) => s.id.startsWith('plan:')));
    assert.strictEqual(status.summary, 'Offer: 2 errors — 3 sections incomplete');
  });

  it('counts an offer-setup section as started by any of offerId, alias or leadManagement', () => {
    assert.strictEqual(states('{"alias": "x"}')['Offer setup'], 'complete');
    assert.strictEqual(states('{"listing": {}}')['Offer setup'], 'notStarted');
    assert.strictEqual(states('{"offerId": "A"}', [{ severity: 'error', path: '/offerId' }])['Offer setup'], 'incomplete');
  });

  it('blocks on a syntax error that belongs to no section', () => {
    const status = statusOf('{"offerId": "x",, }', [{ severity: 'error', path: '' }]);
    assert.strictEqual(status.blockingProblems, 1);
    assert.strictEqual(status.ready, false);
    assert.ok(status.sections.every((s) => s.state !== 'incomplete'));
    assert.strictEqual(status.summary, 'Offer: 1 error — 4 sections incomplete');
  });

  it('never throws on a file that is not an object', () => {
    for (const text of ['', '[]', '42', '{', '{"plans": 7}', '{"plans": [null, 3]}']) {
      const status = statusOf(text);
      assert.ok(status.sections.length >= 5, text);
    }
    assert.deepStrictEqual(
      statusOf('{"plans": [null, {"planId": 3}]}').sections.slice(5).map((s) => s.title),
      ['Plan 1', 'Plan 2'],
    );
  });

  it('points each section at the first of its properties present, to reveal it', () => {
    const status = statusOf('{"alias": "a", "leadManagement": {}}');
    assert.strictEqual(status.sections[0].pointer, '/alias');
    assert.strictEqual(status.sections[1].pointer, '/properties');
  });
});
