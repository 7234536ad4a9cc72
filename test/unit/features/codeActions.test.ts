import * as assert from 'assert';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import {
  FIX_ALL_KIND,
  fixAllText,
  fixesFor,
  fromLspDiagnostic,
  MAX_FIX_ALL_ROUNDS,
  minimalEdit,
} from '../../../server/src/features/codeActions';
import { placeholderFor } from '../../../server/src/features/schemaFixes';
import { OfferDocument } from '@core/model/offerDocument';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import { apply, assertParses, exampleService, find, hasDiagnostic, published, setup, URI } from '../../support/codeActionHarness';
import { EXAMPLE_OFFER_TEXT, makeHost, OFFER_PATH, WORKSPACE } from '../../support/offerHarness';
import { OfferLanguageService } from '../../../server/src/languageService';

const COMMENT = '// Contributor';
/** No fix in these tests may throw: a logged failure fails the test. */
const failOnLog = { error: (message: string) => assert.fail(message) };

/** A check for fix-all, as the steps it is run as (one step, then the whole check). */
function checkedBy(check: (document: OfferDocument) => OfferDiagnostic[]) {
  return function* (document: OfferDocument) {
    yield;
    return check(document);
  };
}

describe('code actions', () => {
  it('offers the rule fix for offer-id-format as a preferred quick fix attached to its diagnostic', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel Ops"');
    const { diagnostics, request, recheck } = setup(text);
    const diagnostic = find(diagnostics, 'offer-id-format', '/offerId');
    const actions = request(['quickfix'], [diagnostic]);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [["Change the offer ID to 'contoso-sentinel-ops'", 'quickfix', true]],
    );
    assert.deepStrictEqual(actions[0].diagnostics, [diagnostic]);
    const fixed = apply(text, actions[0]);
    assert.ok(fixed.includes('"offerId": "contoso-sentinel-ops"'));
    assert.ok(fixed.includes(COMMENT));
    assertParses(fixed);
    assert.ok(!hasDiagnostic(recheck(fixed), 'offer-id-format', '/offerId'));
  });

  it('renames a misspelt property to the known key, keeping its value and the comments', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"longSummary":', '"longSumary":');
    const { diagnostics, request, recheck } = setup(text);
    const diagnostic = find(diagnostics, 'schema', '/listing/longSumary');
    const actions = request(undefined, [diagnostic]);
    assert.deepStrictEqual(
      actions.filter((a) => a.kind === 'quickfix').map((a) => [a.title, a.isPreferred ?? false]),
      [
        ["Rename to 'longSummary'", true],
        ["Remove property 'longSumary'", false],
      ],
    );
    const renamed = apply(text, actions[0]);
    assert.strictEqual(renamed, EXAMPLE_OFFER_TEXT);
    assert.ok(!hasDiagnostic(recheck(renamed), 'schema', '/listing/longSumary'));

    const removed = apply(text, actions[1]);
    assertParses(removed);
    assert.ok(!removed.includes('longSumary'));
    assert.ok(removed.includes(COMMENT));
    assert.strictEqual((parse(removed) as { listing: { name: string } }).listing.name, 'Contoso Sentinel Operations');
    assert.ok(!hasDiagnostic(recheck(removed), 'schema', '/listing/longSumary'));
  });

  it('only removes an unknown property with no close known key', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"privacyPolicyUrl":', '"colour": "blue",\n    "privacyPolicyUrl":');
    const { diagnostics, request } = setup(text);
    const diagnostic = find(diagnostics, 'schema', '/listing/colour');
    const actions = request(['quickfix'], [diagnostic]);
    assert.deepStrictEqual(actions.map((a) => a.title), ["Remove property 'colour'"]);
    assert.strictEqual(apply(text, actions[0]), EXAMPLE_OFFER_TEXT);
  });

  it('keeps the comments beside a removed property', () => {
    const after = '{\n  "offerId": "a", // keep me\n  "colour": "blue"\n}';
    const { diagnostics, request } = setup(after);
    const [removal] = request(['quickfix'], [find(diagnostics, 'schema', '/colour')]);
    assert.strictEqual(apply(after, removal), '{\n  "offerId": "a" // keep me\n}');

    const before = '{\n  // about colour\n  "colour": "blue",\n  "offerId": "a"\n}';
    const second = setup(before);
    const [first] = second.request(['quickfix'], [find(second.diagnostics, 'schema', '/colour')]);
    assert.strictEqual(apply(before, first), '{\n  // about colour\n  "offerId": "a"\n}');

    // A comment inside the removed value goes with it.
    const inside = '{\n  "offerId": "a",\n  "colour": /* red? */ "blue"\n}';
    const third = setup(inside);
    const [withValue] = third.request(['quickfix'], [find(third.diagnostics, 'schema', '/colour')]);
    assert.strictEqual(apply(inside, withValue), '{\n  "offerId": "a"\n}');
  });

  it('does not rename onto a key that is already there (it would duplicate it)', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"privacyPolicyUrl":', '"privacyPolicyURL": "https://contoso.com/p",\n    "privacyPolicyUrl":');
    const { diagnostics, request } = setup(text);
    const diagnostic = find(diagnostics, 'schema', '/listing/privacyPolicyURL');
    assert.deepStrictEqual(
      request(['quickfix'], [diagnostic]).map((a) => a.title),
      ["Remove property 'privacyPolicyURL'"],
    );
  });

  it('inserts a missing required string with an empty placeholder, not applied blindly', () => {
    // A plan's visibility: required, two values allowed, and no rule of its own when missing.
    const text = EXAMPLE_OFFER_TEXT.replace(/\n\s*"visibility": "private",/, '');
    assert.notStrictEqual(text, EXAMPLE_OFFER_TEXT);
    const { diagnostics, request, recheck } = setup(text);
    const diagnostic = find(diagnostics, 'schema', '/plans/0/visibility');
    const actions = request(['quickfix'], [diagnostic]);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [["Add the missing property 'visibility'", false]]);
    const fixed = apply(text, actions[0]);
    assertParses(fixed);
    assert.strictEqual((parse(fixed) as { plans: { visibility: string }[] }).plans[0].visibility, '');
    assert.ok(fixed.includes(COMMENT));
    // Now present: what is left is choosing its value.
    const after = recheck(fixed).filter((d) => (d.data as { path: string }).path === '/plans/0/visibility').map((d) => d.message);
    assert.deepStrictEqual(after, ['Value is not accepted: use one of "public", "private".']);
  });

  it('inserts the only value the schema allows, as a preferred fix', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('  "offerType": "managedService",\n', '');
    const { diagnostics, request, recheck } = setup(text);
    const actions = request(['quickfix'], [find(diagnostics, 'schema', '/offerType')]);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [["Add the missing property 'offerType'", true]]);
    const fixed = apply(text, actions[0]);
    assert.strictEqual((parse(fixed) as { offerType: string }).offerType, 'managedService');
    assert.ok(!hasDiagnostic(recheck(fixed), 'schema', '/offerType'));
  });

  it('puts in the allowed value when a value differs from it only by case, or only one is allowed', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"visibility": "private"', '"visibility": "Private"').replace(
      '"offerType": "managedService"',
      '"offerType": "managed-service"',
    );
    const { diagnostics, request, recheck } = setup(text);
    const visibility = request(['quickfix'], [find(diagnostics, 'schema', '/plans/0/visibility')]);
    assert.deepStrictEqual(visibility.map((a) => [a.title, a.isPreferred]), [['Change to "private"', true]]);
    const offerType = request(['quickfix'], [find(diagnostics, 'schema', '/offerType')]);
    assert.deepStrictEqual(offerType.map((a) => a.title), ['Change to "managedService"']);
    const fixed = apply(apply(text, visibility[0]), offerType[0]);
    assert.strictEqual(fixed, EXAMPLE_OFFER_TEXT);
    assert.ok(!recheck(fixed).some((d) => d.code === 'schema'));
  });

  it('does not guess among several allowed values', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"visibility": "private"', '"visibility": "hidden"');
    const { diagnostics, request } = setup(text);
    assert.deepStrictEqual(request(['quickfix'], [find(diagnostics, 'schema', '/plans/0/visibility')]), []);
  });

  it('gives a missing object its required properties as placeholders', () => {
    assert.deepStrictEqual(placeholderFor(['listing'], 0).value, { name: '', searchResultsSummary: '', description: '' });
    assert.deepStrictEqual(placeholderFor(['plans', 0, 'technicalConfiguration'], 0).value, {
      version: '',
      tenantId: '',
      authorizations: [],
    });
    assert.deepStrictEqual(placeholderFor(['offerType'], 0), { value: 'managedService', certain: true });
    // Two allowed values: the author must choose, so the placeholder is blank, never a guess.
    assert.deepStrictEqual(placeholderFor(['plans', 0, 'visibility'], 0), { value: '', certain: false });
  });

  it('offers nothing for a stale diagnostic whose property is gone', () => {
    const text = EXAMPLE_OFFER_TEXT.replace('"longSummary":', '"longSumary":');
    const { diagnostics } = setup(text);
    const diagnostic = find(diagnostics, 'schema', '/listing/longSumary');
    const service = exampleService();
    const current = TextDocument.create(URI, 'marketplace-offer', 2, EXAMPLE_OFFER_TEXT);
    assert.deepStrictEqual(service.codeActions(current, { diagnostics: [diagnostic], only: ['quickfix'] }), []);
  });

  it('ignores diagnostics of other sources and codes without a fix', () => {
    assert.strictEqual(
      fromLspDiagnostic({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', code: 'offer-id-format', source: 'json' }),
      undefined,
    );
    const back = fromLspDiagnostic({
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } },
      message: 'm',
      code: 'offer-id-format',
      source: 'offer',
      severity: 2,
      data: { path: '/offerId', suggestion: 'a' },
    });
    assert.deepStrictEqual(back, {
      code: 'offer-id-format',
      severity: 'warning',
      message: 'm',
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } },
      path: '/offerId',
      data: { suggestion: 'a' },
    });
  });

  describe('a fix that throws', () => {
    /** A catalog that fails when asked for a role: the role fixes throw, the others do not ask it. */
    class FailingCatalog extends RoleCatalog {
      constructor() {
        super(RoleCatalog.builtin().roles);
      }
      override findById(): never {
        throw new Error('the catalog failed');
      }
    }
    const text = EXAMPLE_OFFER_TEXT.replace('"offerId": "contoso-sentinel-ops"', '"offerId": "Contoso Sentinel Ops"').replace(
      /"roleDefinitionId": "b24988ac-6180-42a0-ab88-20f7382dd24c"/,
      '"roleDefinitionId": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"',
    );
    const diagnostics = () => published(exampleService(), text).filter((d) => d.code === 'role-owner' || d.code === 'offer-id-format');

    it('is logged, with its code and stack, and the other fixes are still offered', () => {
      const logged: string[] = [];
      const service = new OfferLanguageService({ fileHost: makeHost(), catalog: new FailingCatalog(), log: { error: (message) => logged.push(message) } });
      const found = diagnostics();
      assert.deepStrictEqual(found.map((d) => d.code).sort(), ['offer-id-format', 'role-owner']);
      const document = TextDocument.create(URI, 'marketplace-offer', 1, text);
      const actions = service.codeActions(document, { diagnostics: found, only: ['quickfix'] }, { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE });
      assert.deepStrictEqual(actions.map((action) => action.title), ["Change the offer ID to 'contoso-sentinel-ops'"]);
      assert.strictEqual(logged.length, 1);
      assert.match(logged[0], /^The quick fix of 'role-owner' failed: Error: the catalog failed\n\s+at FailingCatalog\.findById/);
    });

    it('is logged by fixesFor itself, which answers no fix for it', () => {
      const logged: string[] = [];
      const roleOwner = fromLspDiagnostic(diagnostics().find((d) => d.code === 'role-owner')!)!;
      const context = { document: OfferDocument.fromText(text, URI), catalog: new FailingCatalog(), formatting: { tabSize: 2, insertSpaces: true, eol: '\n' } };
      assert.deepStrictEqual(fixesFor(roleOwner, context, { error: (message) => logged.push(message) }), []);
      assert.strictEqual(logged.length, 1);
      assert.ok(!logged[0].includes('Tier 2 Operators') && !logged[0].includes('/plans'), 'nothing of the offer in the log');
    });
  });

  describe('fix all', () => {
    const broken = EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel Ops"')
      .replace('"longSummary":', '"longSumary":')
      .replace('  "offerType": "managedService",\n', '')
      .replace('"privacyPolicyUrl":', '"colour": "blue",\n    "privacyPolicyUrl":');

    it('applies every preferred fix in one edit and leaves the others', () => {
      const { request, recheck } = setup(broken);
      const actions = request(['source.fixAll']);
      assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable problems', FIX_ALL_KIND]]);
      assert.strictEqual(actions[0].edit?.changes?.[URI]?.length, 1);
      const fixed = apply(broken, actions[0]);
      assertParses(fixed);
      assert.ok(fixed.includes(COMMENT));
      assert.ok(fixed.startsWith('{\n  // A complete managed service offer'));
      const after = recheck(fixed);
      assert.ok(!hasDiagnostic(after, 'offer-id-format', '/offerId'));
      assert.ok(!hasDiagnostic(after, 'schema', '/listing/longSumary'));
      assert.ok(!hasDiagnostic(after, 'schema', '/offerType'));
      // Removing an unknown property loses what the author wrote: not done blindly.
      assert.ok(hasDiagnostic(after, 'schema', '/listing/colour'));
      const value = parse(fixed) as { offerId: string; offerType: string; listing: { longSummary: string } };
      assert.strictEqual(value.offerId, 'contoso-sentinel-ops');
      assert.strictEqual(value.offerType, 'managedService');
      assert.match(value.listing.longSummary, /^Contoso's security operations centre/);
    });

    it('is offered under source.fixAll, source and its own kind, but not for quickfix or automatic requests', () => {
      const { request } = setup(broken);
      assert.strictEqual(request(['source']).length, 1);
      assert.strictEqual(request([FIX_ALL_KIND]).length, 1);
      assert.ok(request(['quickfix']).every((a) => a.kind === 'quickfix'));
      assert.ok(request(undefined, undefined, 2).every((a) => a.kind === 'quickfix'));
      assert.ok(request(undefined, undefined, 1).some((a) => a.kind === FIX_ALL_KIND));
    });

    it('is not offered when nothing can be fixed', () => {
      const { request } = setup(EXAMPLE_OFFER_TEXT);
      assert.deepStrictEqual(request(['source.fixAll']), []);
    });

    it('stops after a bounded number of rounds when fixes keep producing problems', () => {
      const document = OfferDocument.fromText(EXAMPLE_OFFER_TEXT, URI);
      let calls = 0;
      // Every check reports a new offer ID to use: a fix that never converges.
      const endless = (current: OfferDocument): OfferDiagnostic[] => [
        {
          code: 'offer-id-format',
          severity: 'error',
          message: 'endless',
          range: document.rangeAt(0, 1),
          path: '/offerId',
          data: { value: current.nodeAt(['offerId'])?.value, suggestion: `id-${++calls}` },
        },
      ];
      const result = fixAllText(document, { catalog: RoleCatalog.builtin(), validationSteps: checkedBy(endless), log: failOnLog });
      assert.strictEqual(result.applied.length, MAX_FIX_ALL_ROUNDS);
      assert.ok(result.text.includes(`"offerId": "id-${MAX_FIX_ALL_ROUNDS}"`));
    });

    it('does not apply the same fix twice when its problem comes back', () => {
      const document = OfferDocument.fromText(EXAMPLE_OFFER_TEXT, URI);
      let calls = 0;
      const flipping = (current: OfferDocument): OfferDiagnostic[] => [
        {
          code: 'offer-id-format',
          severity: 'error',
          message: 'flip',
          range: document.rangeAt(0, 1),
          path: '/offerId',
          data: { value: current.nodeAt(['offerId'])?.value, suggestion: ++calls % 2 ? 'a' : 'b' },
        },
      ];
      assert.deepStrictEqual(fixAllText(document, { catalog: RoleCatalog.builtin(), validationSteps: checkedBy(flipping), log: failOnLog }).applied.length, 2);
    });

    it('computes one minimal edit that never splits an emoji', () => {
      const document = OfferDocument.fromText('{"a": "x🚀"}');
      const edit = minimalEdit(document, '{"a": "x🚁"}');
      assert.strictEqual(edit.newText, '🚁');
      assert.deepStrictEqual(edit.range, document.rangeAt(8, 2));
      const same = minimalEdit(document, '{"a": "x🚀"}');
      assert.strictEqual(same.newText, '');
    });
  });

  it('never throws on a half-broken offer', () => {
    const text = '{ "offerId": "Bad Id", "plans": [ 42, { "planId": ';
    const { diagnostics, request } = setup(text);
    assert.doesNotThrow(() => request(undefined, diagnostics, 1));
  });

  it('answers every structure request on every cut of the example without failing', () => {
    const service = exampleService();
    let version = 0;
    for (let cut = 0; cut < EXAMPLE_OFFER_TEXT.length; cut += 173) {
      const text = EXAMPLE_OFFER_TEXT.slice(0, cut) + EXAMPLE_OFFER_TEXT.slice(cut + 7);
      const document = TextDocument.create(URI, 'marketplace-offer', ++version, text);
      const diagnostics = published(service, text);
      const location = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };
      for (const action of service.codeActions(document, { diagnostics, triggerKind: 1 }, location)) {
        assert.ok(action.edit?.changes?.[URI], `${action.title} at cut ${cut} edits the offer`);
      }
      service.symbols(document);
      service.foldingRanges(document);
      assert.strictEqual(service.selectionRanges(document, [document.positionAt(cut)]).length, 1);
      service.format(document, { tabSize: 2, insertSpaces: true });
    }
  });
});
