/**
 * A keystroke re-parses only the value it changed and re-checks only the plan it changed
 * (model/incrementalParse.ts, validation/planResults.ts). Whatever is typed, the result must be
 * exactly what a fresh parse and a full check of the same text give: the same tree, node for
 * node, and the same diagnostics. Seeded (INCREMENTAL_SEED) and reproducible.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OfferLanguageService } from '../../../server/src/languageService';
import { OfferDocument } from '@core/model/offerDocument';
import { plansOf } from '@core/model/offerStructure';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import type { Rule } from '../../../server/src/rules/rule';
import { keptAcrossChecks, validateOffer } from '../../../server/src/validation/validateOffer';
import { exampleOffer, examplePlans, makeHost, OFFER_PATH, printed, WORKSPACE } from '../../support/offerHarness';
import { assertSameTree } from '../../support/sameTree';

const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261127);
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 150);
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

/**
 * Four plans with something for the per-plan checks to find in each (a role by name, a bad
 * principal, a duplicate, an unknown key), and a baseline that the baseline rules compare with.
 */
function fourPlanOffer(): { text: string; baseline: string } {
  const offer = exampleOffer();
  offer.plans = examplePlans(4);
  const baseline = printed(offer);
  const [, second, third, fourth] = offer.plans;
  second.technicalConfiguration.authorizations[0].roleDefinitionId = 'Reader';
  third.technicalConfiguration.authorizations[0].principalId = 'not-a-guid';
  third.technicalConfiguration.authorizations.push(structuredClone(third.technicalConfiguration.authorizations[1]));
  fourth.technicalConfiguration.version = '0.0.1';
  fourth.colour = 'blue';
  // A comment between plans, as publishers write them: edits next to it must keep it a comment.
  return { text: printed(offer).replace('"plans": [', '"plans": [ // one per audience\n'), baseline };
}

/** Typing-sized edits: a character, a deleted character or two, a value pasted or cut. */
const edit = fc.oneof(
  fc.tuple(fc.nat({ max: 1_000_000 }), fc.constantFrom('a', 'Z', '7', ' ', '-', '"', ',', ':', '{', '}', '[', ']', '\n', '/', '*', '\\', 'é', '🚀', READER)),
  fc.tuple(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 3 })),
  fc.tuple(fc.nat({ max: 1_000_000 }), fc.constantFrom('"x": 1,', '{"principalId": "p", "roleDefinitionId": "Owner"},', 'null', '// note\n')),
);

function applyEdit(text: string, [where, what]: [number, string | number]): string {
  const at = where % (text.length + 1);
  return typeof what === 'number' ? text.slice(0, at) + text.slice(at + what) : text.slice(0, at) + what + text.slice(at);
}

/** What the user sees of each diagnostic, in a stable order. */
function sorted(diagnostics: OfferDiagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.code, d.severity, d.message, d.path, d.range, d.data])).sort();
}

describe('incremental re-parse and re-check', function () {
  this.timeout(0);

  it(`give what a full parse and check give, after every edit of ${RUNS} typing sessions (seed ${SEED})`, () => {
    const { text: start, baseline } = fourPlanOffer();
    const host = makeHost({ baseline });
    const location = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };
    const uri = 'file://' + OFFER_PATH;
    let incrementalSteps = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const service = new OfferLanguageService({ fileHost: host });
        let text = start;
        let version = 1;
        service.validate(TextDocument.create(uri, 'marketplace-offer', version, text), location);
        for (const step of edits) {
          const before = service.parse(TextDocument.create(uri, 'marketplace-offer', version, text));
          const untouched = before.root ? plansOf(before.root).map((plan) => plan.node) : [];
          text = applyEdit(text, step as [number, string | number]);
          const document = TextDocument.create(uri, 'marketplace-offer', ++version, text);
          const incremental = service.validate(document, location);
          const parsed = service.parse(document);
          if (parsed.root && plansOf(parsed.root).some((plan) => untouched.includes(plan.node))) {
            incrementalSteps++;
          }
          const fresh = OfferDocument.fromText(text, uri, version);
          assertSameTree(parsed.root, fresh.root);
          assert.deepStrictEqual(parsed.syntaxErrors, fresh.syntaxErrors);
          const full = new OfferLanguageService({ fileHost: host }).validate(document, location);
          assert.deepStrictEqual(sorted(incremental), sorted(full), `after typing ${JSON.stringify(step)}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Most edits of valid text are local: the comparison above must have covered re-used plans.
    assert.ok(incrementalSteps > RUNS, `only ${incrementalSteps} edits re-used a plan`);
  });

  it('re-uses the plans an edit did not touch, and moves those after it', () => {
    const { text, baseline } = fourPlanOffer();
    const service = new OfferLanguageService({ fileHost: makeHost({ baseline }) });
    const location = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };
    const uri = 'file://' + OFFER_PATH;
    const first = service.parse(TextDocument.create(uri, 'marketplace-offer', 1, text));
    const [plan0, plan1, plan2, plan3] = plansOf(first.root).map((plan) => plan.node);
    const plan3Offset = plan3.offset;
    service.validate(TextDocument.create(uri, 'marketplace-offer', 1, text), location);

    // Two characters typed into the second plan's description.
    const at = text.indexOf('"description"', plan1.offset) + '"description": "'.length;
    const changed = text.slice(0, at) + 'Hi' + text.slice(at);
    const document = TextDocument.create(uri, 'marketplace-offer', 2, changed);
    const diagnostics = service.validate(document, location);
    const plans = plansOf(service.parse(document).root).map((plan) => plan.node);

    assert.strictEqual(plans[0], plan0, 'the plan before the edit is the same node');
    assert.notStrictEqual(plans[1], plan1, 'the edited plan is parsed again');
    assert.strictEqual(plans[2], plan2);
    assert.strictEqual(plans[3], plan3);
    assert.strictEqual(plans[3].offset, plan3Offset + 2, 'the plans after the edit moved by its length');
    assert.deepStrictEqual(sorted(diagnostics), sorted(new OfferLanguageService({ fileHost: makeHost({ baseline }) }).validate(document, location)));
    // What the checks found in the plans after the edit is shown where those plans now are.
    const unknownKey = diagnostics.find((d) => d.path === '/plans/3/colour');
    assert.ok(unknownKey, 'the fourth plan keeps its unknown-key problem');
    assert.strictEqual(changed.slice(document.offsetAt(unknownKey.range.start), document.offsetAt(unknownKey.range.end)), '"colour"');
  });

  it('runs a per-plan rule again only on the plan an edit changed, and shows the others where they now are', () => {
    const { text } = fourPlanOffer();
    const service = new OfferLanguageService({ fileHost: makeHost() });
    const uri = 'file://' + OFFER_PATH;
    const given: number[][] = [];
    const spy: Rule = {
      code: 'spy',
      severity: 'info',
      docs: 'Reports every plan it is given.',
      scope: 'plan',
      check({ plans, report }) {
        given.push(plans.map((plan) => plan.index));
        plans.forEach((plan) => report(plan.node, `plan ${plan.index}`));
      },
    };
    // What is kept between checks belongs to whoever runs them: here, these two checks.
    const kept = keptAcrossChecks();
    const check = (version: number, content: string) => {
      const document = service.parse(TextDocument.create(uri, 'marketplace-offer', version, content));
      return validateOffer({ document, catalog: service.catalog, rules: [spy], kept }).filter((d) => d.code === 'spy');
    };
    check(1, text);
    const at = text.indexOf('"description"', plansOf(service.parse(TextDocument.create(uri, 'marketplace-offer', 1, text)).root)[2].node.offset);
    const changed = text.slice(0, at) + '\n' + text.slice(at);
    const diagnostics = check(2, changed);
    assert.deepStrictEqual(given, [[0, 1, 2, 3], [2]]);
    const fresh = OfferDocument.fromText(changed);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.message, d.range]),
      plansOf(fresh.root).map((plan) => [`plan ${plan.index}`, fresh.rangeOf(plan.node)]),
    );
  });

  it('parses the whole text again when an edit breaks the syntax, and after it is mended', () => {
    const { text } = fourPlanOffer();
    const service = new OfferLanguageService({ fileHost: makeHost() });
    const uri = 'file://' + OFFER_PATH;
    service.parse(TextDocument.create(uri, 'marketplace-offer', 1, text));
    const at = text.indexOf('"principalId": "') + '"principalId": "'.length;
    const broken = text.slice(0, at) + '"' + text.slice(at);
    const brokenDocument = service.parse(TextDocument.create(uri, 'marketplace-offer', 2, broken));
    assert.ok(brokenDocument.syntaxErrors.length > 0);
    assertSameTree(brokenDocument.root, OfferDocument.fromText(broken).root);
    const mended = service.parse(TextDocument.create(uri, 'marketplace-offer', 3, text));
    assert.deepStrictEqual(mended.syntaxErrors, []);
    assertSameTree(mended.root, OfferDocument.fromText(text).root);
  });
});
