import * as assert from 'assert';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { buildOfferTree, describeDuration, flattenTree, PlanTreeOptions, TreeDiagnostic, TreeNodeModel } from '../../../server/src/features/planTree';
import { EXAMPLE_OFFER_TEXT, exampleOffer, Offer, printed } from '../client/exampleFixture';

const URI = 'file:///ws/offer/offer.json';
const options: PlanTreeOptions = { catalog: RoleCatalog.builtin(), csvIdCount: (csv) => (csv === 'gold-customers.csv' ? 3 : undefined) };

function tree(text: string, diagnostics: TreeDiagnostic[] = [], overrides: Partial<PlanTreeOptions> = {}): TreeNodeModel {
  return buildOfferTree(OfferDocument.fromText(text, URI, 7), diagnostics, { ...options, ...overrides });
}

function find(root: TreeNodeModel, kind: TreeNodeModel['kind'], label?: string): TreeNodeModel {
  const found = flattenTree(root).find((node) => node.kind === kind && (label === undefined || node.label === label));
  assert.ok(found, `no ${kind} node ${label ?? ''} in ${flattenTree(root).map((n) => `${n.kind}:${n.label}`).join(', ')}`);
  return found;
}

/** The text a node's range selects. */
function selected(text: string, node: TreeNodeModel): string {
  const document = OfferDocument.fromText(text);
  assert.ok(node.range, `${node.label} has a range`);
  return text.slice(document.offsetAt(node.range.start), document.offsetAt(node.range.end));
}

describe('plans tree model', () => {
  it('shows the example offer → readiness and plan → authorizations by display name and role name', () => {
    const root = tree(EXAMPLE_OFFER_TEXT);
    assert.strictEqual(root.kind, 'offer');
    assert.strictEqual(root.label, 'Contoso Sentinel Operations');
    assert.strictEqual(root.description, 'contoso-sentinel-ops');
    assert.deepStrictEqual(
      root.children.map((node) => [node.kind, node.label]),
      [
        ['readiness', 'Publish readiness'],
        ['plan', 'gold'],
      ],
    );
    const plan = find(root, 'plan', 'gold');
    assert.strictEqual(plan.icon, 'lock');
    // 1 inline id + 3 in gold-customers.csv.
    assert.strictEqual(plan.description, 'private · 4 subscriptions');
    assert.deepStrictEqual(
      plan.children.map((node) => [node.kind, node.label, node.description]),
      [
        ['authorization', 'Tier 2 Operators — Contributor', undefined],
        ['authorization', 'SOC Analysts — Reader', undefined],
        ['authorization', 'Offer Administrators — Managed Services Registration assignment Delete Role', undefined],
        ['authorization', 'Access Managers — User Access Administrator', 'can assign Contributor'],
        ['eligibleAuthorization', 'Break-glass engineers — Contributor', 'eligible · up to 8 hours (PT8H)'],
      ],
    );
    assert.ok(flattenTree(root).every((node) => node.problems.errors === 0));
  });

  it('gives each node the range of its value in the editor, comments and all', () => {
    const root = tree(EXAMPLE_OFFER_TEXT);
    const plan = find(root, 'plan', 'gold');
    assert.ok(selected(EXAMPLE_OFFER_TEXT, plan).startsWith('{\n      "planId": "gold",'));
    assert.ok(selected(EXAMPLE_OFFER_TEXT, plan).endsWith('}'));
    const reader = find(root, 'authorization', 'SOC Analysts — Reader');
    assert.strictEqual(
      selected(EXAMPLE_OFFER_TEXT, reader).replace(/\s+/g, ' '),
      '{ "principalId": "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "principalIdDisplayName": "SOC Analysts", "roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7" // Reader }',
    );
    assert.strictEqual(reader.pointer, '/plans/0/technicalConfiguration/authorizations/1');
    assert.strictEqual(find(root, 'eligibleAuthorization').pointer, '/plans/0/technicalConfiguration/eligibleAuthorizations/0');
    const listingSection = find(root, 'section', 'Offer listing');
    assert.ok(selected(EXAMPLE_OFFER_TEXT, listingSection).startsWith('{\n    "name": "Contoso Sentinel Operations"'));
  });

  it('gives unique ids that stay the same when the text changes elsewhere', () => {
    const ids = flattenTree(tree(EXAMPLE_OFFER_TEXT)).map((node) => node.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    const twoEmptyPlans = flattenTree(tree('{"plans": [{"planId": "a"}, {"planId": "b"}]}')).map((node) => node.id);
    assert.strictEqual(new Set(twoEmptyPlans).size, twoEmptyPlans.length, twoEmptyPlans.join(', '));
    const edited = EXAMPLE_OFFER_TEXT.replace('"alias": "Contoso Sentinel Operations"', '"alias": "Contoso SOC"');
    assert.deepStrictEqual(flattenTree(tree(edited)).map((node) => node.id), ids);
  });

  it('shows problems on the node they are in, counted up to the offer, red for errors', () => {
    const diagnostics: TreeDiagnostic[] = [
      { severity: 'error', path: '/plans/0/technicalConfiguration/authorizations/1/roleDefinitionId', message: 'Owner is not supported.' },
      { severity: 'warning', path: '/plans/0/technicalConfiguration/authorizations/1', message: 'Duplicate authorization.' },
      { severity: 'info', path: '/plans/0/visibility', message: 'Public plan.' },
      { severity: 'error', path: '/listing/name', message: 'Name too long.' },
    ];
    const root = tree(EXAMPLE_OFFER_TEXT, diagnostics);
    const reader = find(root, 'authorization', 'SOC Analysts — Reader');
    assert.deepStrictEqual([reader.problems.errors, reader.problems.warnings], [1, 1]);
    assert.strictEqual(reader.description, '1 error, 1 warning');
    assert.match(reader.tooltip ?? '', /Owner is not supported\.\nDuplicate authorization\./);
    const contributor = find(root, 'authorization', 'Tier 2 Operators — Contributor');
    assert.strictEqual(contributor.problems.errors, 0);
    const plan = find(root, 'plan', 'gold');
    assert.strictEqual(plan.problems.errors, 1);
    assert.strictEqual(plan.problems.infos, 1);
    assert.strictEqual(plan.description, '1 error, 1 warning · private · 4 subscriptions');
    assert.strictEqual(root.problems.errors, 2);
    const readiness = find(root, 'readiness');
    assert.strictEqual(readiness.description, '2 blocking problems');
    assert.deepStrictEqual(
      readiness.children.map((node) => [node.label, node.description]),
      [
        ['Offer setup', 'Complete'],
        ['Properties', 'Complete'],
        ['Offer listing', 'Incomplete — 1 error'],
        ['Preview audience', 'Complete'],
        ['Plan overview', 'Complete'],
        ['Plan "gold"', 'Incomplete — 1 error'],
      ],
    );
  });

  it('shows visibility, audience size and a CSV it cannot count', () => {
    const offer: Offer = exampleOffer();
    offer.plans[0].visibility = 'public';
    assert.strictEqual(find(tree(printed(offer)), 'plan').icon, 'globe');
    assert.strictEqual(find(tree(printed(offer)), 'plan').description, 'public');
    offer.plans[0].visibility = 'private';
    offer.plans[0].privateAudience.csv = 'missing.csv';
    assert.strictEqual(find(tree(printed(offer)), 'plan').description, 'private · 1 subscription + missing.csv');
    delete offer.plans[0].privateAudience.csv;
    assert.strictEqual(find(tree(printed(offer)), 'plan').description, 'private · 1 subscription');
    offer.plans[0].name = 'Gold support';
    assert.strictEqual(find(tree(printed(offer)), 'plan').description, 'Gold support · private · 1 subscription');
  });

  it('names a role by its GUID only when the catalog does not know it', () => {
    const offer: Offer = exampleOffer();
    const authorizations = offer.plans[0].technicalConfiguration.authorizations;
    authorizations[0].roleDefinitionId = '00000000-0000-4000-8000-000000000000';
    delete authorizations[1].roleDefinitionId;
    authorizations[2].principalIdDisplayName = '';
    const plan = find(tree(printed(offer)), 'plan');
    assert.deepStrictEqual(plan.children.slice(0, 3).map((node) => node.label), [
      'Tier 2 Operators — unknown role 00000000-0000-4000-8000-000000000000',
      'SOC Analysts — (no role)',
      '(no display name) — Managed Services Registration assignment Delete Role',
    ]);
  });

  it('says what to do when there is no plan or no authorization', () => {
    const offer: Offer = exampleOffer();
    offer.plans[0].technicalConfiguration.authorizations = [];
    delete offer.plans[0].technicalConfiguration.eligibleAuthorizations;
    assert.deepStrictEqual(find(tree(printed(offer)), 'plan').children.map((node) => [node.kind, node.label]), [
      ['message', 'No authorization yet: use "Add Authorization".'],
    ]);
    offer.plans = [];
    assert.deepStrictEqual(tree(printed(offer)).children.map((node) => node.label), ['Publish readiness', 'No plan yet: use "Add Plan".']);
  });

  it('names the offer by listing name, then alias, then offer id, then the file name', () => {
    assert.strictEqual(tree('{"alias": "A", "offerId": "b"}').label, 'A');
    assert.strictEqual(tree('{"offerId": "b", "listing": {"name": " "}}').label, 'b');
    assert.strictEqual(tree('{}', [], { fallbackName: 'gold.offer.json' }).label, 'gold.offer.json');
  });

  it('never throws on a half-typed or broken offer', () => {
    const broken = [
      '',
      '{',
      '[]',
      '"offer"',
      '{"plans": 3}',
      '{"plans": [3, null, {"planId": 5}]}',
      '{"plans": [{"technicalConfiguration": []}]}',
      '{"plans": [{"technicalConfiguration": {"authorizations": [1, {"roleDefinitionId": 5}]}}]}',
      '{"plans": [{"technicalConfiguration": {"eligibleAuthorizations": [{"justInTimeAccessPolicy": 3}]}}]}',
      EXAMPLE_OFFER_TEXT.slice(0, 3000),
    ];
    for (const text of broken) {
      const root = tree(text, [{ severity: 'error', path: '', message: 'Broken.' }]);
      assert.strictEqual(root.kind, 'offer', text);
      assert.strictEqual(root.problems.errors, 1, text);
    }
    assert.strictEqual(tree('').children[0].label, 'The file cannot be read as JSON yet.');
    assert.strictEqual(tree('[]').children[0].label, 'An offer is a JSON object: the file holds something else.');
    assert.deepStrictEqual(find(tree('{"plans": [3, {"planId": ""}]}'), 'plan').label, '(plan 1 has no plan ID)');
  });

  it('describes JIT durations in words', () => {
    assert.strictEqual(describeDuration('PT8H'), '8 hours (PT8H)');
    assert.strictEqual(describeDuration('PT30M'), '30 minutes (PT30M)');
    assert.strictEqual(describeDuration('PT1H30M'), '1 hour 30 minutes (PT1H30M)');
    assert.strictEqual(describeDuration('P1D'), 'P1D');
    assert.strictEqual(describeDuration('PT'), 'PT');
  });
});
