import * as assert from 'assert';
import { check, exampleOffer, expectNone, expectOne, printed, textAt } from '../../support/offerHarness';

describe('offer setup rules', () => {
  describe('offer-id-format', () => {
    it('reports an uppercase offer id with the lowercase one to use', () => {
      const offer = exampleOffer();
      offer.offerId = 'Contoso-Ops';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'offer-id-format', '/offerId');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "Offer ID 'Contoso-Ops' must be lowercase: use 'contoso-ops'.");
      assert.strictEqual(textAt(text, diagnostic), '"Contoso-Ops"');
    });

    it('reports invalid characters', () => {
      const offer = exampleOffer();
      offer.offerId = 'contoso ops!';
      expectOne(check(offer), 'offer-id-format');
    });

    it('accepts 50 characters and refuses 51', () => {
      const offer = exampleOffer();
      offer.offerId = 'a'.repeat(50);
      expectNone(check(offer), 'offer-id-format');
      offer.offerId = 'a'.repeat(51);
      assert.match(expectOne(check(offer), 'offer-id-format').message, /51 characters; the limit is 50/);
    });
  });
});
