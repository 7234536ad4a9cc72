import * as assert from 'assert';
import { parseTree } from 'jsonc-parser';
import { check, exampleOffer, expectNone, expectOne, Offer, printed, textAt } from '../../support/offerHarness';
import { applyFix, fixesFor } from '../../support/fixHarness';

/** `count` distinct, well-formed subscription ids. */
function guids(count: number, seed = 0): string[] {
  return Array.from({ length: count }, (_, index) => `00000000-0000-4000-8000-${(seed * 100000 + index).toString(16).padStart(12, '0')}`);
}

function bareCsv(ids: string[]): string {
  return ids.join('\n') + '\n';
}

function templateCsv(ids: string[]): string {
  return ['Type,Id,Description', ...ids.map((id, index) => `SubscriptionId,${id},Customer ${index}`)].join('\r\n');
}

describe('audience rules', () => {
  it('the example offer has no audience problem', () => {
    const found = check(exampleOffer());
    for (const code of ['subscription-id-format', 'preview-audience-limit', 'preview-audience-empty', 'private-audience-required', 'private-audience-limit', 'audience-csv-not-found']) {
      expectNone(found, code);
    }
  });

  it('never fails on wrong types and half-written audiences', () => {
    const variants: ((offer: Offer) => void)[] = [
      (offer) => (offer.previewAudience = ['0b7a4f9e-3c1d-4e2f-9a8b-1c2d3e4f5a6b']),
      (offer) => (offer.previewAudience = { subscriptionIds: 'x', csv: 12 }),
      (offer) => (offer.plans[0].privateAudience = { subscriptionIds: [null, {}, []], csv: null }),
      (offer) => (offer.plans[0].visibility = ['private']),
      (offer) => (offer.plans = [null, 'plan', { visibility: 'private' }]),
    ];
    for (const change of variants) {
      const offer = exampleOffer();
      change(offer);
      const failures = check(offer).filter((d) => /^The check .* failed/.test(d.message));
      assert.deepStrictEqual(failures, []);
    }
  });

  it('names a plan without id by its position', () => {
    const offer = exampleOffer();
    offer.plans[0].planId = 12;
    offer.plans[0].privateAudience = { subscriptionIds: [] };
    assert.strictEqual(
      expectOne(check(offer), 'private-audience-required').message,
      'Plan 1 is private but its private audience names no subscription: add subscription IDs or a CSV file of them.',
    );
  });

  describe('subscription-id-format', () => {
    it('reports an inline id that is not a GUID, on the id', () => {
      const offer = exampleOffer();
      offer.plans[0].privateAudience.subscriptionIds.push('my-test-subscription');
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'subscription-id-format');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.path, '/plans/0/privateAudience/subscriptionIds/1');
      assert.strictEqual(diagnostic.message, "'my-test-subscription' is not a subscription ID: give a GUID such as 00000000-0000-0000-0000-000000000000.");
      assert.strictEqual(textAt(text, diagnostic), '"my-test-subscription"');
    });

    it('accepts upper-case GUIDs and refuses a GUID one digit short', () => {
      const offer = exampleOffer();
      offer.previewAudience.subscriptionIds = ['0B7A4F9E-3C1D-4E2F-9A8B-1C2D3E4F5A6B'];
      expectNone(check(offer), 'subscription-id-format');
      offer.previewAudience.subscriptionIds = ['0b7a4f9e-3c1d-4e2f-9a8b-1c2d3e4f5a6'];
      expectOne(check(offer), 'subscription-id-format', '/previewAudience/subscriptionIds/0');
    });

    it('offers to strip the braces and spaces of a copied GUID, keeping comments', () => {
      const offer = exampleOffer();
      offer.previewAudience.subscriptionIds = [' {0b7a4f9e-3c1d-4e2f-9a8b-1c2d3e4f5a6b}'];
      const text = '// testers\n' + printed(offer);
      const diagnostic = expectOne(check(text), 'subscription-id-format');
      assert.strictEqual(diagnostic.message, "' {0b7a4f9e-3c1d-4e2f-9a8b-1c2d3e4f5a6b}' is not a subscription ID as written: use '0b7a4f9e-3c1d-4e2f-9a8b-1c2d3e4f5a6b'.");
      const [fix] = fixesFor(text, diagnostic);
      assert.strictEqual(fix.isPreferred, true);
      const fixed = applyFix(text, fix);
      assert.ok(fixed.startsWith('// testers\n'));
      assert.ok(parseTree(fixed, [], { allowTrailingComma: true }));
      expectNone(check(fixed), 'subscription-id-format');
    });

    it('reports a bad id of a CSV on the CSV path, with its line number', () => {
      const offer = exampleOffer();
      const text = printed(offer);
      const csv = 'Type,Id,Description\nSubscriptionId,4b5c6d7e-8f9a-4b0c-9d2e-3f4a5b6c7d8e,ok\n\nSubscriptionId,fabrikam-prod,oops\nSubscriptionId,,blank id\n';
      const found = check(text, { files: { 'gold-customers.csv': csv } }).filter((d) => d.code === 'subscription-id-format');
      assert.deepStrictEqual(
        found.map((d) => [d.path, d.message, textAt(text, d)]),
        [
          ['/plans/0/privateAudience/csv', "Line 4 of 'gold-customers.csv': 'fabrikam-prod' is not a subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000).", '"gold-customers.csv"'],
          ['/plans/0/privateAudience/csv', "Line 5 of 'gold-customers.csv' has no subscription ID: put a GUID in its Id column or delete the line.", '"gold-customers.csv"'],
        ],
      );
    });

    it('reads a bare list with a BOM and CRLF cleanly', () => {
      const csv = '\uFEFF' + guids(3).join('\r\n') + '\r\n\r\n';
      expectNone(check(exampleOffer(), { files: { 'preview-audience.csv': csv } }), 'subscription-id-format');
    });

    it('reports the first ten bad lines of a CSV and counts the rest in one more diagnostic', () => {
      const csv = bareCsv(Array.from({ length: 25 }, (_, index) => `bad-${index}`));
      const found = check(exampleOffer(), { files: { 'preview-audience.csv': csv } }).filter((d) => d.code === 'subscription-id-format');
      assert.strictEqual(found.length, 11);
      assert.strictEqual(found[10].message, "'preview-audience.csv' has 15 more lines that are not subscription IDs (lines 11, 12, 13, 14, 15, …).");
    });

    it('says "1 more line" when one bad line is left over', () => {
      const csv = bareCsv(Array.from({ length: 11 }, (_, index) => `bad-${index}`));
      const found = check(exampleOffer(), { files: { 'preview-audience.csv': csv } }).filter((d) => d.code === 'subscription-id-format');
      assert.strictEqual(found.length, 11);
      assert.strictEqual(found[10].message, "'preview-audience.csv' has 1 more line that is not a subscription ID (line 11).");
    });

    it('quotes a very long bad id cut short', () => {
      const offer = exampleOffer();
      offer.previewAudience.subscriptionIds = ['x'.repeat(5000)];
      const diagnostic = expectOne(check(offer), 'subscription-id-format');
      assert.strictEqual(diagnostic.message, `'${'x'.repeat(60)}… (5000 characters)' is not a subscription ID: give a GUID such as 00000000-0000-0000-0000-000000000000.`);
    });

    it('is silent on an id of the wrong JSON type (the schema reports it)', () => {
      const offer = exampleOffer();
      offer.previewAudience.subscriptionIds = [42];
      expectNone(check(offer), 'subscription-id-format');
    });
  });

  describe('preview-audience-limit', () => {
    it('accepts 10 inline ids and refuses 11, on the list', () => {
      const offer = exampleOffer();
      offer.previewAudience.subscriptionIds = guids(10);
      expectNone(check(offer), 'preview-audience-limit');
      offer.previewAudience.subscriptionIds = guids(11);
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'preview-audience-limit', '/previewAudience/subscriptionIds');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The preview audience lists 11 subscription IDs inline; the limit is 10: move them to a CSV file (up to 100).');
      assert.ok(textAt(text, diagnostic).startsWith('['));
    });

    it('accepts 100 ids in the CSV and refuses 101, on the CSV path', () => {
      expectNone(check(exampleOffer(), { files: { 'preview-audience.csv': templateCsv(guids(100)) } }), 'preview-audience-limit');
      const text = printed(exampleOffer());
      const diagnostic = expectOne(check(text, { files: { 'preview-audience.csv': templateCsv(guids(101)) } }), 'preview-audience-limit');
      assert.strictEqual(diagnostic.path, '/previewAudience/csv');
      assert.strictEqual(diagnostic.message, "'preview-audience.csv' holds 101 subscription IDs; a preview audience may have at most 100: remove 1.");
      assert.strictEqual(textAt(text, diagnostic), '"preview-audience.csv"');
    });
  });

  describe('preview-audience-empty', () => {
    it('refuses an offer with no preview audience, on the root', () => {
      const offer = exampleOffer();
      delete offer.previewAudience;
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'preview-audience-empty', '/previewAudience');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        'The offer has no preview audience: Partner Center publishes an offer to a limited preview audience first, so it needs one. Add "previewAudience" with the subscription IDs of your testers.',
      );
      assert.strictEqual(textAt(text, diagnostic), '{');
    });

    it('refuses an audience with no ids and no CSV, and a CSV with only a header or blank lines', () => {
      const offer = exampleOffer();
      offer.previewAudience = { subscriptionIds: [] };
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'preview-audience-empty', '/previewAudience');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        'The preview audience names no subscription: Partner Center publishes an offer to a limited preview audience first, so it needs one. Add subscription IDs or a CSV file of them.',
      );
      assert.ok(textAt(text, diagnostic).startsWith('{'));
      offer.previewAudience = { csv: 'preview-audience.csv' };
      expectOne(check(offer, { files: { 'preview-audience.csv': 'Type,Id,Description\r\n' } }), 'preview-audience-empty');
      expectOne(check(offer, { files: { 'preview-audience.csv': '\n\n  \n' } }), 'preview-audience-empty');
      offer.previewAudience = { subscriptionIds: [], csv: '' };
      expectOne(check(offer), 'preview-audience-empty');
    });

    it('is satisfied by one id inline or in the CSV, and says nothing more about a missing CSV', () => {
      const offer = exampleOffer();
      offer.previewAudience = { csv: 'preview-audience.csv' };
      expectNone(check(offer), 'preview-audience-empty');
      offer.previewAudience = { subscriptionIds: guids(1) };
      expectNone(check(offer), 'preview-audience-empty');
      offer.previewAudience = { csv: 'missing.csv' };
      const found = check(offer);
      expectNone(found, 'preview-audience-empty');
      expectOne(found, 'audience-csv-not-found');
    });
  });

  describe('private-audience-required', () => {
    it('reports a private plan without an audience on its visibility, with the pointer of the audience', () => {
      const offer = exampleOffer();
      delete offer.plans[0].privateAudience;
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'private-audience-required');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.path, '/plans/0/privateAudience');
      assert.strictEqual(diagnostic.message, "Plan 'gold' is private but has no private audience, so no customer can see it: add \"privateAudience\" with subscription IDs, or make the plan public.");
      assert.strictEqual(textAt(text, diagnostic), '"private"');
    });

    it('reports an empty private audience on it', () => {
      const offer = exampleOffer();
      offer.plans[0].privateAudience = { subscriptionIds: [], csv: ' ' };
      const diagnostic = expectOne(check(offer), 'private-audience-required', '/plans/0/privateAudience');
      assert.strictEqual(diagnostic.message, "Plan 'gold' is private but its private audience names no subscription: add subscription IDs or a CSV file of them.");
    });

    it('is silent for a public plan without audience, and a private plan with only a CSV', () => {
      const offer = exampleOffer();
      offer.plans[0].visibility = 'public';
      delete offer.plans[0].privateAudience;
      expectNone(check(offer), 'private-audience-required');
      const other = exampleOffer();
      other.plans[0].privateAudience = { csv: 'gold-customers.csv' };
      expectNone(check(other), 'private-audience-required');
    });
  });

  describe('private-audience-limit', () => {
    it('accepts 10 inline ids in a plan and refuses 11', () => {
      const offer = exampleOffer();
      offer.plans[0].privateAudience.subscriptionIds = guids(10);
      expectNone(check(offer), 'private-audience-limit');
      offer.plans[0].privateAudience.subscriptionIds = guids(11);
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'private-audience-limit', '/plans/0/privateAudience/subscriptionIds');
      assert.strictEqual(diagnostic.message, "Plan 'gold' lists 11 subscription IDs inline; the limit is 10: move them to a CSV file.");
      assert.ok(textAt(text, diagnostic).startsWith('['));
    });

    it('counts the CSV files of all plans together: 10,000 pass, 10,001 fail once, on the file that crosses', () => {
      const offer = exampleOffer();
      const second = JSON.parse(JSON.stringify(offer.plans[0]));
      second.planId = second.name = 'silver';
      second.privateAudience.csv = 'silver-customers.csv';
      offer.plans.push(second);
      const files = { 'gold-customers.csv': bareCsv(guids(6000, 1)), 'silver-customers.csv': templateCsv(guids(4000, 2)) };
      expectNone(check(offer, { files }), 'private-audience-limit');

      files['silver-customers.csv'] = templateCsv(guids(4001, 2));
      const text = printed(offer);
      const diagnostic = expectOne(check(text, { files }), 'private-audience-limit');
      assert.strictEqual(diagnostic.path, '/plans/1/privateAudience/csv');
      assert.strictEqual(diagnostic.message, "The private audiences' CSV files hold 10001 subscription IDs over all plans; the limit is 10000 in total, and this file takes them past it.");
      assert.strictEqual(textAt(text, diagnostic), '"silver-customers.csv"');
    });

    it('counts a CSV file that several plans share once', () => {
      const offer = exampleOffer();
      const second = JSON.parse(JSON.stringify(offer.plans[0]));
      second.planId = second.name = 'silver';
      offer.plans.push(second);
      expectNone(check(offer, { files: { 'gold-customers.csv': bareCsv(guids(6000)) } }), 'private-audience-limit');
    });
  });

  describe('audience-csv-not-found', () => {
    it('reports a CSV that does not exist, on its path', () => {
      const offer = exampleOffer();
      offer.plans[0].privateAudience.csv = 'gold.csv';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'audience-csv-not-found', '/plans/0/privateAudience/csv');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "The audience file 'gold.csv' does not exist: add it or correct the path (it is relative to the offer file's folder).");
      assert.strictEqual(textAt(text, diagnostic), '"gold.csv"');
    });

    it('suggests the CSV a mistyped path meant, with a fix', () => {
      const offer = exampleOffer();
      offer.plans[0].privateAudience.csv = 'gold-customer.csv';
      const text = '// audiences\n' + printed(offer);
      const diagnostic = expectOne(check(text), 'audience-csv-not-found');
      assert.strictEqual(diagnostic.message, "The audience file 'gold-customer.csv' does not exist: did you mean 'gold-customers.csv'?");
      const fixed = applyFix(text, fixesFor(text, diagnostic)[0]);
      assert.ok(fixed.startsWith('// audiences\n'));
      expectNone(check(fixed), 'audience-csv-not-found');
    });

    it('reports an empty CSV path, and is silent for a CSV that exists', () => {
      const offer = exampleOffer();
      offer.previewAudience.csv = '';
      assert.match(expectOne(check(offer), 'audience-csv-not-found', '/previewAudience/csv').message, /The audience CSV path is empty/);
      expectNone(check(exampleOffer()), 'audience-csv-not-found');
    });

    it('is silent for an unsaved offer', () => {
      const offer = exampleOffer();
      offer.previewAudience.csv = 'missing.csv';
      expectNone(check(offer, { unsaved: true }), 'audience-csv-not-found');
    });
  });
});
