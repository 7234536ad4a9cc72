import * as assert from 'assert';
import { parse, ParseError } from 'jsonc-parser';
import { ruleByCode } from '../../../server/src/rules';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import {
  compareManifestVersions,
  nextMinorVersion,
  parseManifestVersion,
} from '../../../server/src/rules/plans/manifestVersion';
import { sameJsonValue } from '../../../server/src/rules/plans/sameJsonValue';
import { applyFix, fixesFor } from '../../support/fixHarness';
import {
  check,
  CheckOptions,
  EXAMPLE_OFFER_TEXT,
  exampleOffer,
  expectNone,
  expectOne,
  Offer,
  printed,
  textAt,
} from '../../support/offerHarness';

/** A comment of the example offer that every fix must leave in place. */
const KEPT_COMMENT = '// Contributor';

/** The example offer's text (with its comments) with one piece of text replaced. */
function exampleTextWith(search: string | RegExp, replacement: string): string {
  const text = EXAMPLE_OFFER_TEXT.replace(search, replacement);
  assert.notStrictEqual(text, EXAMPLE_OFFER_TEXT, `the example offer has no ${String(search)}`);
  return text;
}

function parsesCleanly(text: string): Offer {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  assert.deepStrictEqual(errors, [], 'the fixed text must still parse');
  return value;
}

/**
 * Applies the one fix a rule offers for its diagnostic and checks the result: the diagnostic is
 * gone, the text parses, the comment is still there. Returns the fixed text.
 */
function applyOnlyFix(text: string, diagnostic: OfferDiagnostic, expectedTitle: string, options: CheckOptions = {}): string {
  const fixes = fixesFor(text, diagnostic);
  assert.deepStrictEqual(fixes.map((fix) => fix.title), [expectedTitle]);
  const fixed = applyFix(text, fixes[0]);
  parsesCleanly(fixed);
  assert.ok(fixed.includes(KEPT_COMMENT), 'the comment must be kept');
  expectNone(check(fixed, options), diagnostic.code);
  return fixed;
}

/** A second plan, valid on its own, with the given id (and name). */
function extraPlan(planId: string): Offer {
  const plan = exampleOffer().plans[0];
  plan.planId = planId;
  plan.name = planId;
  return plan;
}

/** 1-based line of the first occurrence of `fragment` in `text`. */
function lineOf(text: string, fragment: string): number {
  const offset = text.indexOf(fragment);
  assert.ok(offset >= 0, `${fragment} not found`);
  return text.slice(0, offset).split('\n').length;
}

describe('plan rules', () => {
  describe('plans-required', () => {
    it('reports an offer without "plans" on its opening brace, instead of the schema', () => {
      const offer = exampleOffer();
      delete offer.plans;
      const text = printed(offer);
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'plans-required', '/plans');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        'The offer has no plans: add "plans" with at least one plan (planId, name, listing, visibility, technicalConfiguration).',
      );
      assert.strictEqual(textAt(text, diagnostic), '{');
      assert.deepStrictEqual(diagnostics.filter((d) => d.code === 'schema' && d.path === '/plans'), []);
    });

    it('reports an empty plans array on the array', () => {
      const offer = exampleOffer();
      offer.plans = [];
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plans-required', '/plans');
      assert.strictEqual(diagnostic.message, 'The offer has no plans: add at least one plan to "plans".');
      assert.strictEqual(textAt(text, diagnostic), '[]');
    });

    it('is silent with one plan, and when plans is not an array (the schema says so)', () => {
      expectNone(check(exampleOffer()), 'plans-required');
      const offer = exampleOffer();
      offer.plans = 'gold';
      const diagnostics = check(offer);
      expectNone(diagnostics, 'plans-required');
      assert.ok(diagnostics.some((d) => d.code === 'schema' && d.path === '/plans'));
    });
  });

  describe('plan-id-format', () => {
    it('reports an uppercase plan ID with the lowercase one to use', () => {
      const offer = exampleOffer();
      offer.plans[0].planId = 'Gold';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plan-id-format', '/plans/0/planId');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "Plan ID 'Gold' must be lowercase: use 'gold'.");
      assert.strictEqual(textAt(text, diagnostic), '"Gold"');
    });

    it('checks the plan name too, and replaces invalid characters in the suggestion', () => {
      const offer = exampleOffer();
      offer.plans[0].name = 'Gold Plan!';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plan-id-format', '/plans/0/name');
      assert.strictEqual(diagnostic.message, "Plan name 'Gold Plan!' may hold only lowercase letters, digits, '-' and '_': use 'gold-plan'.");
      assert.strictEqual(textAt(text, diagnostic), '"Gold Plan!"');
    });

    it('accepts 50 characters and refuses 51', () => {
      const offer = exampleOffer();
      offer.plans[0].planId = 'p'.repeat(50);
      expectNone(check(offer), 'plan-id-format');
      offer.plans[0].planId = 'p'.repeat(51);
      const diagnostic = expectOne(check(offer), 'plan-id-format', '/plans/0/planId');
      assert.strictEqual(diagnostic.message, `Plan ID '${'p'.repeat(51)}' has 51 characters; the limit is 50.`);
    });

    it('reports an empty plan ID', () => {
      const offer = exampleOffer();
      offer.plans[0].planId = '';
      assert.strictEqual(
        expectOne(check(offer), 'plan-id-format', '/plans/0/planId').message,
        'The plan ID is empty: give 1 to 50 lowercase letters, digits, hyphens or underscores.',
      );
    });

    it('suggests nothing (and offers no fix) when no valid character is left', () => {
      const offer = exampleOffer();
      offer.plans[0].planId = '✨✨';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plan-id-format', '/plans/0/planId');
      assert.strictEqual(diagnostic.message, "Plan ID '✨✨' may hold only lowercase letters, digits, '-' and '_'.");
      assert.deepStrictEqual(fixesFor(text, diagnostic), []);
    });

    it('accepts lowercase letters, digits, hyphens and underscores, and leaves a non-string to the schema', () => {
      const offer = exampleOffer();
      offer.plans[0].planId = 'gold_plan-2';
      offer.plans[0].name = 'gold_plan-2';
      expectNone(check(offer), 'plan-id-format');
      offer.plans[0].planId = 42;
      const diagnostics = check(offer);
      expectNone(diagnostics, 'plan-id-format');
      assert.ok(diagnostics.some((d) => d.code === 'schema' && d.path === '/plans/0/planId'));
    });

    it('fixes the ID, keeping comments', () => {
      const text = exampleTextWith('"planId": "gold"', '"planId": "Gold Plan"');
      const diagnostic = expectOne(check(text), 'plan-id-format', '/plans/0/planId');
      const fixed = applyOnlyFix(text, diagnostic, "Change to 'gold-plan'");
      assert.strictEqual(parsesCleanly(fixed).plans[0].planId, 'gold-plan');
      assert.ok(fixesFor(text, diagnostic)[0].isPreferred);
    });

    it('offers no fix once the reported value has changed', () => {
      const text = exampleTextWith('"planId": "gold"', '"planId": "Gold"');
      const diagnostic = expectOne(check(text), 'plan-id-format', '/plans/0/planId');
      assert.deepStrictEqual(fixesFor(text.replace('"Gold"', '"Golden"'), diagnostic), []);
    });
  });

  describe('plan-id-duplicate', () => {
    it('reports the second plan with the same ID, naming the first', () => {
      const offer = exampleOffer();
      offer.plans.push(extraPlan('silver'), extraPlan('gold'));
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plan-id-duplicate');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.path, '/plans/2/planId');
      assert.strictEqual(
        diagnostic.message,
        `Plan ID 'gold' is already used by plan 1 (line ${lineOf(text, '"planId": "gold"')}): give each plan its own ID.`,
      );
      assert.strictEqual(textAt(text, diagnostic), '"gold"');
    });

    it('reports every duplicate after the first', () => {
      const offer = exampleOffer();
      offer.plans.push(extraPlan('gold'), extraPlan('gold'));
      const duplicates = check(offer).filter((d) => d.code === 'plan-id-duplicate');
      assert.deepStrictEqual(duplicates.map((d) => d.path), ['/plans/1/planId', '/plans/2/planId']);
      assert.ok(duplicates.every((d) => d.message.includes('already used by plan 1 ')));
    });

    it('compares without case, since IDs become lowercase', () => {
      const offer = exampleOffer();
      offer.plans.push(extraPlan('Gold'));
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plan-id-duplicate', '/plans/1/planId');
      assert.strictEqual(
        diagnostic.message,
        `Plan ID 'Gold' is already used by plan 1 (line ${lineOf(text, '"planId": "gold"')}) as 'gold': give each plan its own ID.`,
      );
    });

    it('is silent for distinct IDs', () => {
      const offer = exampleOffer();
      offer.plans.push(extraPlan('gold-2'), extraPlan('gold_2'));
      expectNone(check(offer), 'plan-id-duplicate');
    });
  });

  describe('plan-id-immutable', () => {
    function publishedWithSilver(): Offer {
      const baseline = exampleOffer();
      baseline.plans.push(extraPlan('silver'));
      return baseline;
    }

    it('reports a removed plan on the plans array', () => {
      const text = printed(exampleOffer());
      const diagnostic = expectOne(check(text, { baseline: publishedWithSilver() }), 'plan-id-immutable', '/plans');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "The published plan 'silver' is missing: a published plan can't be deleted; put it back (you can stop its distribution in Partner Center instead).",
      );
      assert.ok(textAt(text, diagnostic).startsWith('[') && textAt(text, diagnostic).endsWith(']'));
    });

    it('reports a renamed plan name on the name', () => {
      const offer = exampleOffer();
      offer.plans[0].name = 'gold-plus';
      const text = printed(offer);
      const diagnostic = expectOne(check(text, { baseline: exampleOffer() }), 'plan-id-immutable', '/plans/0/name');
      assert.strictEqual(
        diagnostic.message,
        "Plan 'gold' has the name 'gold' in Partner Center: a plan's name is fixed from the moment the plan is created; use 'gold' again.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"gold-plus"');
    });

    it('fixes a renamed name back to the published one, keeping comments', () => {
      const text = exampleTextWith('"name": "gold"', '"name": "gold-plus"');
      const options = { baseline: exampleOffer() };
      const diagnostic = expectOne(check(text, options), 'plan-id-immutable', '/plans/0/name');
      const fixed = applyOnlyFix(text, diagnostic, "Change back to 'gold'", options);
      assert.strictEqual(fixed, EXAMPLE_OFFER_TEXT);
    });

    it('reports a renamed plan ID on the new ID, with a fix back to the published one', () => {
      const text = exampleTextWith('"planId": "gold"', '"planId": "gold-plus"');
      const options = { baseline: exampleOffer() };
      const diagnostic = expectOne(check(text, options), 'plan-id-immutable', '/plans/0/planId');
      assert.strictEqual(
        diagnostic.message,
        "Plan ID 'gold-plus' replaces the plan 'gold' that Partner Center holds: a plan's ID is fixed from the moment the plan is created; use 'gold' again.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"gold-plus"');
      const fixed = applyOnlyFix(text, diagnostic, "Change back to 'gold'", options);
      assert.strictEqual(parsesCleanly(fixed).plans[0].planId, 'gold');
    });

    it('is silent when the published plans are all there (in any order, with new ones), and without a baseline', () => {
      const offer = exampleOffer();
      offer.plans.unshift(extraPlan('bronze'));
      offer.plans.push(extraPlan('silver'));
      expectNone(check(offer, { baseline: publishedWithSilver() }), 'plan-id-immutable');
      expectNone(check(exampleOffer()), 'plan-id-immutable');
    });
  });

  describe('plan-description-required', () => {
    it('reports a missing description on the plan listing key', () => {
      const offer = exampleOffer();
      delete offer.plans[0].listing.description;
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plan-description-required', '/plans/0/listing/description');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "Plan 'gold' has no description: add listing.description, saying what the plan includes.");
      assert.strictEqual(textAt(text, diagnostic), '"listing"');
    });

    it('reports an empty or blank description on the value', () => {
      const offer = exampleOffer();
      offer.plans[0].listing.description = '   ';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'plan-description-required', '/plans/0/listing/description');
      assert.strictEqual(diagnostic.message, "The description of plan 'gold' is empty: say what the plan includes.");
      assert.strictEqual(textAt(text, diagnostic), '"   "');
    });

    it('is silent for a one-character description, a non-string or a missing listing (the schema says so)', () => {
      const offer = exampleOffer();
      offer.plans[0].listing.description = 'x';
      expectNone(check(offer), 'plan-description-required');
      offer.plans[0].listing.description = 5;
      expectNone(check(offer), 'plan-description-required');
      delete offer.plans[0].listing;
      expectNone(check(offer), 'plan-description-required');
    });
  });

  describe('pricing-byol', () => {
    it('reports another pricing model instead of the schema', () => {
      const offer = exampleOffer();
      offer.plans[0].pricingModel = 'Free';
      const text = printed(offer);
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'pricing-byol', '/plans/0/pricingModel');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "Pricing model 'Free' is not available for managed service plans: use 'BYOL' (you bill the customer directly).");
      assert.strictEqual(textAt(text, diagnostic), '"Free"');
      assert.deepStrictEqual(diagnostics.filter((d) => d.path === '/plans/0/pricingModel' && d.code === 'schema'), []);
    });

    it('is case-sensitive: "byol" is not "BYOL"', () => {
      const offer = exampleOffer();
      offer.plans[0].pricingModel = 'byol';
      expectOne(check(offer), 'pricing-byol', '/plans/0/pricingModel');
    });

    it('is silent for BYOL and for a plan without pricingModel', () => {
      expectNone(check(exampleOffer()), 'pricing-byol');
      const offer = exampleOffer();
      delete offer.plans[0].pricingModel;
      expectNone(check(offer), 'pricing-byol');
    });

    it('fixes the model to BYOL, keeping comments', () => {
      const text = exampleTextWith('"pricingModel": "BYOL"', '"pricingModel": "Paid"');
      const diagnostic = expectOne(check(text), 'pricing-byol');
      const fixed = applyOnlyFix(text, diagnostic, "Set the pricing model to 'BYOL'");
      assert.strictEqual(parsesCleanly(fixed).plans[0].pricingModel, 'BYOL');
    });
  });

  describe('public-to-private', () => {
    function publishedPublic(): Offer {
      const baseline = exampleOffer();
      baseline.plans[0].visibility = 'public';
      delete baseline.plans[0].privateAudience;
      return baseline;
    }

    it('reports a published public plan made private', () => {
      const text = printed(exampleOffer());
      const diagnostic = expectOne(check(text, { baseline: publishedPublic() }), 'public-to-private', '/plans/0/visibility');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "Plan 'gold' was published as public and can never become private: set its visibility back to 'public' (or create a new private plan).",
      );
      assert.strictEqual(textAt(text, diagnostic), '"private"');
    });

    it('is silent when the published plan was private, still is public, is new, or without a baseline', () => {
      expectNone(check(exampleOffer(), { baseline: exampleOffer() }), 'public-to-private');
      const stillPublic = exampleOffer();
      stillPublic.plans[0].visibility = 'public';
      expectNone(check(stillPublic, { baseline: publishedPublic() }), 'public-to-private');
      const renamed = publishedPublic();
      renamed.plans[0].planId = 'silver';
      expectNone(check(exampleOffer(), { baseline: renamed }), 'public-to-private');
      expectNone(check(exampleOffer()), 'public-to-private');
    });

    it('fixes the visibility back to public, keeping comments', () => {
      const options = { baseline: publishedPublic() };
      const diagnostic = expectOne(check(EXAMPLE_OFFER_TEXT, options), 'public-to-private');
      const fixed = applyOnlyFix(EXAMPLE_OFFER_TEXT, diagnostic, "Set the visibility back to 'public'", options);
      assert.strictEqual(parsesCleanly(fixed).plans[0].visibility, 'public');
    });
  });

  describe('public-plan-open', () => {
    const publicText = () =>
      exampleTextWith(/"visibility": "private",\s*"privateAudience": \{[^}]*\},/, '"visibility": "public",');

    it('informs that a public plan can be accepted by any customer', () => {
      const text = publicText();
      const diagnostic = expectOne(check(text), 'public-plan-open', '/plans/0/visibility');
      assert.strictEqual(diagnostic.severity, 'info');
      assert.strictEqual(
        diagnostic.message,
        "Plan 'gold' is public: any customer can accept it and delegate access to your tenant. Make it private to offer it only to the subscriptions you list.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"public"');
    });

    it('is silent for a private plan, and for a plan published as public (it can never become private)', () => {
      expectNone(check(exampleOffer()), 'public-plan-open');
      const baseline = parse(publicText());
      expectNone(check(publicText(), { baseline }), 'public-plan-open');
    });

    it('fixes by making the plan private with an empty audience to fill in, keeping comments', () => {
      const text = publicText();
      const diagnostic = expectOne(check(text), 'public-plan-open');
      const fixes = fixesFor(text, diagnostic);
      assert.strictEqual(fixes[0].isPreferred, false, 'choosing who may buy is not a blind fix');
      const fixed = applyOnlyFix(text, diagnostic, 'Make the plan private (then list the customer subscriptions in privateAudience)');
      const plan = parsesCleanly(fixed).plans[0];
      assert.strictEqual(plan.visibility, 'private');
      assert.deepStrictEqual(plan.privateAudience, { subscriptionIds: [] }, 'no invented subscription id');
      // The new property sits right after visibility, indented like its neighbours.
      assert.match(fixed, /"visibility": "private",\n {6}"privateAudience": \{\n {8}"subscriptionIds": \[\]\n {6}\},\n {6}"technicalConfiguration"/);
    });

    it('after the fix, the offer says which subscriptions are still to be given', function () {
      if (!ruleByCode('private-audience-required')) {
        // That rule belongs to the audience group; until it lands this check cannot run.
        this.skip();
      }
      const text = publicText();
      const fixed = applyFix(text, fixesFor(text, expectOne(check(text), 'public-plan-open'))[0]);
      const diagnostic = expectOne(check(fixed), 'private-audience-required');
      assert.ok(diagnostic.path.startsWith('/plans/0/privateAudience'), diagnostic.path);
    });

    it('only changes the visibility when the plan already has a private audience', () => {
      const text = exampleTextWith('"visibility": "private"', '"visibility": "public"');
      const diagnostic = expectOne(check(text), 'public-plan-open');
      const fixed = applyOnlyFix(text, diagnostic, 'Make the plan private');
      assert.strictEqual(fixed, EXAMPLE_OFFER_TEXT);
    });
  });

  describe('manifest-version-format', () => {
    for (const version of ['1.0', '1.0.0.0', 'v1.0.0', '1.0.x', ' 1.0.0', '']) {
      it(`reports '${version}'`, () => {
        const offer = exampleOffer();
        offer.plans[0].technicalConfiguration.version = version;
        const text = printed(offer);
        const diagnostic = expectOne(check(text), 'manifest-version-format', '/plans/0/technicalConfiguration/version');
        assert.strictEqual(diagnostic.severity, 'error');
        assert.strictEqual(
          diagnostic.message,
          `Manifest version '${version}' must have the form n.n.n, three whole numbers separated by dots (for example '1.0.0').`,
        );
        assert.strictEqual(textAt(text, diagnostic), JSON.stringify(version));
      });
    }

    it('accepts n.n.n with numbers of any size, and leaves a number to the schema', () => {
      const offer = exampleOffer();
      for (const version of ['0.0.1', '10.20.300']) {
        offer.plans[0].technicalConfiguration.version = version;
        expectNone(check(offer), 'manifest-version-format');
      }
      offer.plans[0].technicalConfiguration.version = 1.0;
      expectNone(check(offer), 'manifest-version-format');
    });

    it('completes a short version, keeping comments', () => {
      const text = exampleTextWith('"version": "1.0.0"', '"version": "v1.2"');
      const diagnostic = expectOne(check(text), 'manifest-version-format');
      const fixed = applyOnlyFix(text, diagnostic, "Change the version to '1.2.0'");
      assert.strictEqual(parsesCleanly(fixed).plans[0].technicalConfiguration.version, '1.2.0');
    });

    it('offers no fix for a version with no obvious reading', () => {
      const text = exampleTextWith('"version": "1.0.0"', '"version": "1.0.x"');
      assert.deepStrictEqual(fixesFor(text, expectOne(check(text), 'manifest-version-format')), []);
    });
  });

  describe('manifest-version-not-increased', () => {
    /** The example with its gold plan's technical configuration changed (a new display name). */
    function changedOffer(version: string): Offer {
      const offer = exampleOffer();
      offer.plans[0].technicalConfiguration.version = version;
      offer.plans[0].technicalConfiguration.authorizations[0].principalIdDisplayName = 'Tier 3 Operators';
      return offer;
    }
    function publishedAt(version: string): Offer {
      const baseline = exampleOffer();
      baseline.plans[0].technicalConfiguration.version = version;
      return baseline;
    }

    it('reports a changed configuration with the published version, suggesting a minor bump', () => {
      const text = printed(changedOffer('1.0.0'));
      const diagnostic = expectOne(
        check(text, { baseline: publishedAt('1.0.0') }),
        'manifest-version-not-increased',
        '/plans/0/technicalConfiguration/version',
      );
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "The technical configuration of plan 'gold' differs from the published one, but its version 1.0.0 is not greater than the published 1.0.0: use 1.1.0.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"1.0.0"');
    });

    it('compares numerically: 1.9.0 is below 1.10.0, and the bump after 1.9.3 is 1.10.0', () => {
      const below = expectOne(check(changedOffer('1.9.0'), { baseline: publishedAt('1.10.0') }), 'manifest-version-not-increased');
      assert.match(below.message, /version 1\.9\.0 is not greater than the published 1\.10\.0: use 1\.11\.0\.$/);
      expectNone(check(changedOffer('1.10.0'), { baseline: publishedAt('1.9.0') }), 'manifest-version-not-increased');
      const bump = expectOne(check(changedOffer('1.9.3'), { baseline: publishedAt('1.9.3') }), 'manifest-version-not-increased');
      assert.match(bump.message, /use 1\.10\.0\.$/);
    });

    it('reports a version lowered with nothing else changed', () => {
      expectOne(check(exampleOffer(), { baseline: publishedAt('1.2.0') }), 'manifest-version-not-increased');
    });

    it('ignores formatting, comments and key order', () => {
      const baseline = exampleOffer();
      const configuration = baseline.plans[0].technicalConfiguration;
      baseline.plans[0].technicalConfiguration = {
        authorizations: configuration.authorizations,
        eligibleAuthorizations: configuration.eligibleAuthorizations,
        tenantId: configuration.tenantId,
        version: configuration.version,
      };
      expectNone(check(EXAMPLE_OFFER_TEXT, { baseline: JSON.stringify(baseline) }), 'manifest-version-not-increased');
    });

    it('is silent when the version grew, for a plan not in the baseline, for a version not n.n.n, and without a baseline', () => {
      expectNone(check(changedOffer('1.0.1'), { baseline: publishedAt('1.0.0') }), 'manifest-version-not-increased');
      const newPlan = changedOffer('1.0.0');
      newPlan.plans[0].planId = 'silver';
      expectNone(check(newPlan, { baseline: publishedAt('1.0.0') }), 'manifest-version-not-increased');
      expectNone(check(changedOffer('1.0'), { baseline: publishedAt('1.0.0') }), 'manifest-version-not-increased');
      expectNone(check(changedOffer('1.0.0')), 'manifest-version-not-increased');
    });

    it('fixes the version to the bump above the published one, keeping comments', () => {
      const text = exampleTextWith('"principalIdDisplayName": "Tier 2 Operators"', '"principalIdDisplayName": "Tier 3 Operators"');
      const options = { baseline: publishedAt('1.0.0') };
      const diagnostic = expectOne(check(text, options), 'manifest-version-not-increased');
      const fixed = applyOnlyFix(text, diagnostic, 'Raise the version to 1.1.0', options);
      assert.strictEqual(parsesCleanly(fixed).plans[0].technicalConfiguration.version, '1.1.0');
      assert.ok(fixesFor(text, diagnostic)[0].isPreferred);
    });
  });

  describe('helpers', () => {
    it('orders manifest versions component by component, as numbers of any size', () => {
      const v = (text: string) => parseManifestVersion(text)!;
      assert.ok(compareManifestVersions(v('1.10.0'), v('1.9.0')) > 0);
      assert.ok(compareManifestVersions(v('01.02.03'), v('1.2.3')) === 0);
      assert.ok(compareManifestVersions(v('99999999999999999999.0.0'), v('99999999999999999998.9.9')) > 0);
      assert.strictEqual(nextMinorVersion(v('2.9007199254740993.4')), '2.9007199254740994.0');
      assert.strictEqual(parseManifestVersion('1.2'), undefined);
    });

    it('compares JSON values regardless of key order but not of array order', () => {
      assert.ok(sameJsonValue({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }));
      assert.ok(!sameJsonValue([1, 2], [2, 1]));
      assert.ok(!sameJsonValue({ a: 1 }, { a: 1, b: undefined }));
      assert.ok(!sameJsonValue({ a: [] }, { a: {} }));
      assert.ok(!sameJsonValue('1', 1));
    });
  });
});
