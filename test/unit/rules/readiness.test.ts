/**
 * Publish readiness agrees with the rules, section by section: an offer broken in one section
 * (as the language service finds it) shows that section not Complete in the plans tree and in the
 * status bar, which both read the diagnostics as VS Code hands them to the client.
 */
import * as assert from 'assert';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { buildOfferTree, flattenTree } from '../../../server/src/features/planTree';
import { isWithin, publishStatus, type PublishSection } from '../../../server/src/features/publishStatus';
import { check, exampleOffer, makeHost, printed, type Offer } from '../../support/offerHarness';

const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

/** Each case breaks the example in one section; `section` is the section it must not leave Complete. */
const BROKEN: { name: string; section: string; state: 'incomplete' | 'notStarted'; change: (offer: Offer) => void; files?: Record<string, string> }[] = [
  { name: 'an uppercase offer ID', section: 'offerSetup', state: 'incomplete', change: (o) => (o.offerId = 'Contoso-Ops') },
  { name: 'no alias', section: 'offerSetup', state: 'incomplete', change: (o) => delete o.alias },
  { name: 'an alias of spaces', section: 'offerSetup', state: 'incomplete', change: (o) => (o.alias = '   ') },
  { name: 'no lead destination', section: 'offerSetup', state: 'incomplete', change: (o) => delete o.leadManagement },
  { name: 'no category', section: 'properties', state: 'incomplete', change: (o) => (o.properties.categories = []) },
  { name: 'an unknown category', section: 'properties', state: 'incomplete', change: (o) => (o.properties.categories = ['Tools']) },
  { name: 'a category twice', section: 'properties', state: 'incomplete', change: (o) => (o.properties.categories = ['Security', 'Security']) },
  { name: 'no terms', section: 'properties', state: 'incomplete', change: (o) => delete o.properties.termsAndConditions },
  { name: 'a 51-character name', section: 'listing', state: 'incomplete', change: (o) => (o.listing.name = 'x'.repeat(51)) },
  { name: 'no privacy policy', section: 'listing', state: 'incomplete', change: (o) => delete o.listing.privacyPolicyUrl },
  { name: 'a missing logo', section: 'listing', state: 'incomplete', change: (o) => delete o.listing.logos.wide },
  { name: 'a 101-character caption', section: 'listing', state: 'incomplete', change: (o) => (o.listing.screenshots[0].caption = 'x'.repeat(101)) },
  { name: 'an empty preview audience', section: 'previewAudience', state: 'incomplete', change: (o) => (o.previewAudience = { subscriptionIds: [] }) },
  {
    name: 'a preview audience whose CSV holds only its header',
    section: 'previewAudience',
    state: 'incomplete',
    change: (o) => (o.previewAudience = { csv: 'preview-audience.csv' }),
    files: { 'preview-audience.csv': 'Type,Id,Description\r\n' },
  },
  { name: 'no preview audience', section: 'previewAudience', state: 'notStarted', change: (o) => delete o.previewAudience },
  { name: 'a malformed subscription ID', section: 'previewAudience', state: 'incomplete', change: (o) => (o.previewAudience = { subscriptionIds: ['not-a-guid'] }) },
  { name: 'no plan', section: 'plans', state: 'notStarted', change: (o) => (o.plans = []) },
  { name: 'Owner in a plan', section: 'plan:0', state: 'incomplete', change: (o) => (o.plans[0].technicalConfiguration.authorizations[0].roleDefinitionId = OWNER) },
  { name: 'a plan priced per use', section: 'plan:0', state: 'incomplete', change: (o) => (o.plans[0].pricingModel = 'PAYG') },
  { name: 'a private plan without audience', section: 'plan:0', state: 'incomplete', change: (o) => delete o.plans[0].privateAudience },
];

const host = makeHost();

function owner(sections: PublishSection[], path: string): PublishSection | undefined {
  // A plan's own section before the overview, which holds only /plans itself.
  const plan = /^\/plans\/(\d+)(\/|$)/.exec(path);
  if (plan) {
    return sections.find((section) => section.id === `plan:${plan[1]}`);
  }
  return sections.find((section) => isWithin(path, section.pointer) || (section.id === 'offerSetup' && ['/offerId', '/alias', '/leadManagement', '/offerType'].some((p) => isWithin(path, p))));
}

describe('publish readiness agrees with the rules in every section', () => {
  it('the example: every section Complete, in the tree and in the status bar', () => {
    const text = printed(exampleOffer());
    const document = OfferDocument.fromText(text);
    // The server computes readiness and the tree from its own diagnostics (the extension asks it).
    const client = check(text, { host });
    const status = publishStatus(document, client);
    assert.ok(status.sections.every((section) => section.state === 'complete'));
    assert.strictEqual(status.summary, 'Offer: ready to publish');
  });

  for (const broken of BROKEN) {
    it(`${broken.name}: ${broken.section} is ${broken.state === 'incomplete' ? 'Incomplete' : 'Not started'}, never Complete, and the offer is not ready`, () => {
      const offer = exampleOffer();
      broken.change(offer);
      const text = printed(offer);
      const diagnostics = check(text, broken.files ? { files: broken.files } : { host });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      assert.ok(errors.length > 0, 'the rules find an error');

      const document = OfferDocument.fromText(text, 'file:///ws/offer/offer.json', 1);
      const client = diagnostics;
      const status = publishStatus(document, client);
      const byId = new Map(status.sections.map((section) => [section.id, section]));
      assert.strictEqual(byId.get(broken.section)?.state, broken.state, JSON.stringify(status.sections));

      // Every error leaves the section it is in short of Complete.
      for (const error of errors) {
        const section = owner(status.sections, error.path);
        if (section) {
          assert.notStrictEqual(section.state, 'complete', `${error.code} at ${error.path} but ${section.id} is Complete`);
        }
      }
      // The sections without an error stay Complete: the break is where the rules say.
      for (const section of status.sections.filter((s) => s.state === 'complete')) {
        assert.ok(!errors.some((error) => owner(status.sections, error.path) === section), section.id);
      }

      // The status bar and the tree say the same.
      assert.strictEqual(status.ready, false);
      const summary = status.summary;
      assert.notStrictEqual(summary, 'Offer: ready to publish');
      const errorWord = errors.length === 1 ? '1 error' : `${errors.length} errors`;
      assert.ok(summary.startsWith(`Offer: ${errorWord} — `), summary);
      const tree = buildOfferTree(document, client, { catalog: RoleCatalog.builtin() });
      const readiness = flattenTree(tree).find((node) => node.kind === 'readiness')!;
      assert.strictEqual(readiness.description, errors.length === 1 ? '1 blocking problem' : `${errors.length} blocking problems`);
      const treeStates = readiness.children.map((node) => [node.id.split('/readiness/')[1], node.description?.split(' — ')[0]]);
      const label = { complete: 'Complete', incomplete: 'Incomplete', notStarted: 'Not started' } as const;
      assert.deepStrictEqual(
        treeStates,
        status.sections.map((section) => [section.id, label[section.state]]),
      );
    });
  }
});
