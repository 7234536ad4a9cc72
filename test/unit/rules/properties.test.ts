import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MARKETPLACE_CATEGORIES } from '../../../server/src/rules/properties/marketplaceCategories';
import { fixesFor } from '../../support/fixHarness';
import { check, exampleOffer, expectNone, expectOne, makeHost, Offer, printed, REPO_ROOT, textAt } from '../../support/offerHarness';

describe('properties rules', () => {
  const host = makeHost();
  const run = (offer: Offer) => check(offer, { host });

  describe('categories-count', () => {
    it('accepts 5 categories and refuses 6, on the array', () => {
      const offer = exampleOffer();
      offer.properties.categories = ['Security', 'Monitoring & Diagnostics', 'Analytics', 'Networking', 'Storage'];
      expectNone(run(offer), 'categories-count');
      offer.properties.categories.push('Identity');
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'categories-count', '/properties/categories');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'There are 6 categories; the limit is 5: remove 1.');
      assert.ok(textAt(text, diagnostic).startsWith('[') && textAt(text, diagnostic).endsWith(']'));
    });

    it('refuses an empty list and accepts a single category', () => {
      const offer = exampleOffer();
      offer.properties.categories = [];
      assert.strictEqual(
        expectOne(run(offer), 'categories-count', '/properties/categories').message,
        'No category is chosen: choose 1 to 5 marketplace categories.',
      );
      offer.properties.categories = ['Security'];
      expectNone(run(offer), 'categories-count');
    });

    it('reports missing categories on the properties key', () => {
      const offer = exampleOffer();
      delete offer.properties.categories;
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'categories-count', '/properties/categories');
      assert.strictEqual(diagnostic.message, 'The offer has no categories: choose 1 to 5 marketplace categories, e.g. "Security".');
      assert.strictEqual(textAt(text, diagnostic), '"properties"');
    });

    it('reports a category listed twice on the second one', () => {
      const offer = exampleOffer();
      offer.properties.categories = ['Security', 'Analytics', 'Security'];
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'categories-count', '/properties/categories/2');
      assert.strictEqual(diagnostic.message, "The category 'Security' is listed twice: remove this one.");
      assert.strictEqual(textAt(text, diagnostic), '"Security"');
    });

    it('quotes the category in the title of the fix that removes the copy (at most 60 characters, control characters escaped)', () => {
      const offer = exampleOffer();
      const long = 'Sec\u001b[31m' + 'x'.repeat(100);
      offer.properties.categories = ['Security', long, long];
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'categories-count', '/properties/categories/2');
      assert.deepStrictEqual(
        fixesFor(text, diagnostic).map((fix) => fix.title),
        [`Remove the second 'Sec\\u001b[31m${'x'.repeat(52)}… (108 characters)'`],
      );
    });

    it("reports a duplicate category once: the rule's diagnostic, not also the schema's", () => {
      const offer = exampleOffer();
      offer.properties.categories = ['Security', 'Analytics', 'Security', 'Analytics'];
      const text = printed(offer);
      const about = run(text).filter((d) => d.path === '/properties/categories' || d.path.startsWith('/properties/categories/'));
      assert.deepStrictEqual(
        about.map((d) => [d.code, d.path, textAt(text, d)]),
        [
          ['categories-count', '/properties/categories/2', '"Security"'],
          ['categories-count', '/properties/categories/3', '"Analytics"'],
        ],
      );
    });

    it('is silent when categories is not an array (the schema says so)', () => {
      const offer = exampleOffer();
      offer.properties.categories = 'Security';
      const diagnostics = run(offer);
      expectNone(diagnostics, 'categories-count');
      expectOne(diagnostics, 'schema', '/properties/categories');
    });
  });

  describe('category-unknown', () => {
    it('refuses a miswritten category as an error, with the one to use, instead of the schema error', () => {
      const offer = exampleOffer();
      offer.properties.categories = ['security', 'Monitoring and Diagnostics'];
      const text = printed(offer);
      const diagnostics = run(text);
      const first = expectOne(diagnostics, 'category-unknown', '/properties/categories/0');
      assert.strictEqual(first.severity, 'error');
      assert.strictEqual(first.message, "'security' is not a marketplace category, and Partner Center's picker holds no other value: use 'Security'.");
      assert.strictEqual(textAt(text, first), '"security"');
      assert.strictEqual(
        expectOne(diagnostics, 'category-unknown', '/properties/categories/1').message,
        "'Monitoring and Diagnostics' is not a marketplace category, and Partner Center's picker holds no other value: use 'Monitoring & Diagnostics'.",
      );
      assert.deepStrictEqual(diagnostics.filter((d) => d.path.startsWith('/properties/categories/')).map((d) => d.code), ['category-unknown', 'category-unknown']);
    });

    it('lists the categories when there is no single good guess', () => {
      const offer = exampleOffer();
      offer.properties.categories = ['Tools'];
      const diagnostic = expectOne(run(offer), 'category-unknown');
      assert.strictEqual(
        diagnostic.message,
        `'Tools' is not a marketplace category, and Partner Center's picker holds no other value: use one of ${MARKETPLACE_CATEGORIES.map((name) => `'${name}'`).join(', ')}.`,
      );
    });

    it('quotes at most about 60 characters of a long category, with its length', () => {
      const offer = exampleOffer();
      offer.properties.categories = ['Tools '.repeat(40_000)];
      const diagnostic = expectOne(run(offer), 'category-unknown');
      assert.ok(diagnostic.message.startsWith(`'${'Tools '.repeat(10)}… (240000 characters)'`), diagnostic.message.slice(0, 120));
      assert.ok(diagnostic.message.length < 500);
    });

    it('accepts every marketplace category', () => {
      for (let start = 0; start < MARKETPLACE_CATEGORIES.length; start += 5) {
        const offer = exampleOffer();
        offer.properties.categories = MARKETPLACE_CATEGORIES.slice(start, start + 5);
        expectNone(run(offer), 'category-unknown');
      }
    });

    it('knows the same categories as the schema', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'offer.schema.json'), 'utf8'));
      assert.deepStrictEqual(schema.properties.properties.properties.categories.items.enum, [...MARKETPLACE_CATEGORIES]);
    });
  });

  describe('terms-required', () => {
    it('reports missing terms on the properties key', () => {
      const offer = exampleOffer();
      delete offer.properties.termsAndConditions;
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'terms-required', '/properties/termsAndConditions');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The offer has no termsAndConditions: add your terms (or a link to them); customers accept them with a plan.');
      assert.strictEqual(textAt(text, diagnostic), '"properties"');
    });

    it('reports empty or blank terms on the value, and accepts one character', () => {
      const offer = exampleOffer();
      for (const blank of ['', '  \n ']) {
        offer.properties.termsAndConditions = blank;
        const text = printed(offer);
        const diagnostic = expectOne(run(text), 'terms-required', '/properties/termsAndConditions');
        assert.strictEqual(diagnostic.message, 'The terms and conditions are empty: write your terms (or a link to them).');
        assert.strictEqual(textAt(text, diagnostic), JSON.stringify(blank));
      }
      offer.properties.termsAndConditions = 'x';
      expectNone(run(offer), 'terms-required');
    });

    it('is silent when the terms have the wrong type or properties is missing', () => {
      const offer = exampleOffer();
      offer.properties.termsAndConditions = 42;
      expectNone(run(offer), 'terms-required');
      delete offer.properties;
      expectNone(run(offer), 'terms-required');
    });
  });
});
