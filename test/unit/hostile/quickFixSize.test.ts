/**
 * Quick fixes of thousands of diagnostics of one rule on one version of an offer, as fix-all and
 * fix-all-on-save ask them: each fix must cost what its own diagnostic needs, not a pass over every
 * item of the offer (which made these inputs take from 17 to 76 seconds). Asserts the answers at a
 * size where that would show, never a time.
 */
import * as assert from 'assert';
import { parse } from 'jsonc-parser';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { ruleByCode } from '../../../server/src/rules';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import type { FixContext, QuickFix } from '../../../server/src/rules/rule';
import { applyFix } from '../../support/fixHarness';
import { check, exampleOffer, printed, type Offer } from '../../support/offerHarness';
import { guidFor } from './hostileOffers';

const COUNT = 8000;
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';

/** The diagnostics of `code` on `text`, and the fixes of each, all asked of one version of the offer. */
function fixesOfEach(text: string, code: string): { diagnostics: OfferDiagnostic[]; fixes: QuickFix[][] } {
  const diagnostics = check(text).filter((d) => d.code === code);
  const rule = ruleByCode(code)!;
  const context: FixContext = {
    document: OfferDocument.fromText(text, 'file:///ws/offer/offer.json'),
    catalog: RoleCatalog.builtin(),
    formatting: { tabSize: 2, insertSpaces: true, eol: '\n' },
  };
  return { diagnostics, fixes: diagnostics.map((diagnostic) => rule.fix!(diagnostic, context)) };
}

/** Every fix's edits at once (the fixes of distinct diagnostics never overlap here). */
function applyAll(text: string, fixes: QuickFix[]): string {
  return applyFix(text, { title: 'all', edits: fixes.flatMap((fix) => fix.edits) });
}

function withConfiguration(change: (configuration: Offer) => void): string {
  const offer = exampleOffer();
  change(offer.plans[0].technicalConfiguration);
  return printed(offer);
}

describe('hostile size: the quick fixes of thousands of diagnostics of one rule', function () {
  this.timeout(120_000);

  it(`display-name-required: ${COUNT.toLocaleString('en')} unnamed authorizations, each given the name its principal has elsewhere`, () => {
    const text = withConfiguration((c) => {
      const named = Array.from({ length: COUNT }, (_, i) => ({ principalId: guidFor(i, 3), principalIdDisplayName: `Team ${i}`, roleDefinitionId: CONTRIBUTOR }));
      const unnamed = Array.from({ length: COUNT }, (_, i) => ({ principalId: guidFor(i, 3).toUpperCase(), roleDefinitionId: CONTRIBUTOR }));
      c.authorizations = [...named, ...unnamed];
    });
    const { diagnostics, fixes } = fixesOfEach(text, 'display-name-required');
    assert.strictEqual(diagnostics.length, COUNT);
    assert.deepStrictEqual(
      fixes.map((each) => each.map((fix) => fix.title)),
      Array.from({ length: COUNT }, (_, i) => [`Use 'Team ${i}', the name this offer gives this principal elsewhere`]),
    );
    const fixed: Offer = parse(applyAll(text, fixes.flat()));
    const authorizations = fixed.plans[0].technicalConfiguration.authorizations as { principalIdDisplayName?: string }[];
    assert.deepStrictEqual(
      authorizations.slice(COUNT).map((a) => a.principalIdDisplayName),
      Array.from({ length: COUNT }, (_, i) => `Team ${i}`),
    );
  });

  it(`description-html: ${COUNT.toLocaleString('en')} event handlers, each removed by its own fix`, () => {
    const offer = exampleOffer();
    offer.listing.description = Array.from({ length: COUNT }, (_, i) => `<p onclick="go(${i})" class="c">step ${i}</p>`).join('');
    const text = printed(offer);
    const { diagnostics, fixes } = fixesOfEach(text, 'description-html');
    assert.strictEqual(diagnostics.length, COUNT);
    assert.ok(fixes.every((each) => each.length === 1 && each[0].title === "Remove the attribute 'onclick'" && each[0].isPreferred));
    const fixed: Offer = parse(applyAll(text, fixes.flat()));
    assert.strictEqual(fixed.listing.description, Array.from({ length: COUNT }, (_, i) => `<p class="c">step ${i}</p>`).join(''));
  });

  it(`description-html: ${COUNT.toLocaleString('en')} script elements removed, and the last one, never closed, left`, () => {
    const offer = exampleOffer();
    const closed = Array.from({ length: COUNT }, (_, i) => `<p>${i}</p><script>run(${i})</SCRIPT >`).join('');
    offer.listing.description = closed + '<p>end</p><script>x';
    const text = printed(offer);
    const { diagnostics, fixes } = fixesOfEach(text, 'description-html');
    assert.strictEqual(diagnostics.length, COUNT + 1);
    assert.deepStrictEqual(
      fixes.map((each) => each.map((fix) => fix.title)),
      [...Array.from({ length: COUNT }, () => ['Remove the <script> element']), []],
    );
    const fixed: Offer = parse(applyAll(text, fixes.flat()));
    assert.strictEqual(fixed.listing.description, Array.from({ length: COUNT }, (_, i) => `<p>${i}</p>`).join('') + '<p>end</p><script>x');
  });

  it(`delegated-role-invalid: ${COUNT.toLocaleString('en')} Owner ids among the roles to assign, each with its replacement and its removal`, () => {
    const text = withConfiguration((c) => {
      const uaa = c.authorizations.find((a: { roleDefinitionId: string }) => a.roleDefinitionId === UAA);
      uaa.delegatedRoleDefinitionIds = Array.from({ length: COUNT }, () => OWNER);
    });
    const found = check(text).filter((d) => /\/delegatedRoleDefinitionIds\/\d+$/.test(d.path));
    assert.strictEqual(found.length, COUNT);
    const { diagnostics, fixes } = fixesOfEach(text, found[0].code);
    assert.strictEqual(diagnostics.length, COUNT);
    assert.ok(
      fixes.every(
        (each) =>
          JSON.stringify(each.map((fix) => fix.title)) ===
          JSON.stringify(['Use Contributor instead of Owner', 'Remove Owner from the roles User Access Administrator may assign']),
      ),
      JSON.stringify(fixes[0].map((fix) => fix.title)),
    );
  });

  it(`authorization-duplicate: ${COUNT.toLocaleString('en')} copies of one authorization, each later copy removable`, () => {
    const text = withConfiguration((c) => {
      c.authorizations = Array.from({ length: COUNT }, () => structuredClone(c.authorizations[0]));
    });
    const { diagnostics, fixes } = fixesOfEach(text, 'authorization-duplicate');
    assert.strictEqual(diagnostics.length, COUNT - 1);
    assert.ok(fixes.every((each) => each.length === 1 && each[0].title === 'Remove this duplicate authorization'));
  });

  it(`categories-count: ${COUNT.toLocaleString('en')} copies of one category, each later copy removable`, () => {
    const offer = exampleOffer();
    offer.properties.categories = Array.from({ length: COUNT }, () => 'Security');
    const text = printed(offer);
    const { diagnostics, fixes } = fixesOfEach(text, 'categories-count');
    const twice = diagnostics.filter((d) => d.message.includes('listed twice'));
    assert.strictEqual(twice.length, COUNT - 1);
    const titles = fixes.filter((_, i) => diagnostics[i].message.includes('listed twice')).map((each) => each.map((fix) => fix.title));
    assert.ok(titles.every((each) => each.length === 1 && each[0] === "Remove the second 'Security'"));
  });
});
