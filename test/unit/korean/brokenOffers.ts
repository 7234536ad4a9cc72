/**
 * Offers broken in every way the checker knows, for the Korean output test: written into a copy
 * of the example's workspace, together they make every registered rule report at least once, and
 * one of them breaks every validation keyword the schema uses.
 */
import * as fs from 'fs';
import * as path from 'path';
import { exampleOffer, Offer } from '../../support/offerHarness';

const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const USER_ACCESS_ADMINISTRATOR = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const STORAGE_BLOB_DATA_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'; // has DataActions
const MONITORING_METRICS_PUBLISHER = '3913510d-42f4-4e42-8a64-420c390055eb'; // reads nothing

/** A GUID of its own for each number. */
function guid(n: number): string {
  return `${n.toString(16).padStart(8, '0')}-1111-4111-8111-111111111111`;
}

function authorization(n: number, roleDefinitionId: string, principalIdDisplayName = `Group ${n}`): Offer {
  return { principalId: guid(n), principalIdDisplayName, roleDefinitionId };
}

/** The listing, the offer's setup and its files: every listing, media and setup rule. */
function listingOffer(): Offer {
  const offer = exampleOffer();
  offer.offerId = 'Contoso Sentinel!';
  offer.alias = '';
  offer.leadManagement = { destination: 'marketo', marketoServerId: '123-ABC-456' };
  offer.properties.categories = ['Security', 'Security', 'Spaceships', 'Compute', 'Storage', 'Web'];
  delete offer.properties.termsAndConditions;
  const listing = offer.listing;
  listing.name = 'Contoso Sentinel 🚀';
  listing.searchResultsSummary = 'S'.repeat(101);
  listing.longSummary = 'L'.repeat(257);
  listing.description = `<p onclick="go()">${'이 서비스는 한국어로만 제공되는 보안 운영 서비스입니다. '.repeat(120)}</p><script>alert(1)</script><marquee>!</marquee>`;
  delete listing.privacyPolicyUrl;
  listing.usefulLinks = [
    { name: 'Runbook', url: 'contoso.com/runbook' },
    { name: 'Status', url: 'https://status.contoso.com/api?code=abc123secretvalue' },
  ];
  listing.supportContact = { name: 'Contoso Support' };
  listing.logos = { small: 'media/nope.png', medium: 'media/not-a-png.png', large: 'media/logo-small.png' };
  const shot = (file: string, caption = 'Dashboard') => ({ path: `media/${file}`, caption });
  listing.screenshots = [
    shot('screenshot-dashboard.png', 'C'.repeat(101)),
    shot('logo-small.png'),
    { path: '../../outside.png', caption: 'Outside' },
    shot('screenshot-dashboard.png'),
    shot('screenshot-dashboard.png'),
    shot('screenshot-dashboard.png'),
  ];
  const video = (url: string, thumbnail = 'media/video-thumbnail.png') => ({ name: 'Overview', url, thumbnail });
  listing.videos = [
    video('https://videos.contoso.com/overview'),
    video('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'media/logo-small.png'),
    ...Array.from({ length: 4 }, () => video('https://vimeo.com/76979871')),
  ];
  delete offer.previewAudience;
  return offer;
}

/** The plans: every plan, audience, authorization and just-in-time rule. */
function plansOffer(): Offer {
  const offer = exampleOffer();
  offer.listing.name = 'Contoso Sentinel Operations for every estate, every day, 24x7';
  delete offer.leadManagement;
  offer.previewAudience = { subscriptionIds: [...Array.from({ length: 10 }, (_, i) => guid(100 + i)), 'not-a-subscription'] };
  const [example] = offer.plans;
  const first = structuredClone(example);
  first.planId = 'Gold Plan';
  first.name = 'gold';
  delete first.listing.description;
  first.pricingModel = 'Free';
  first.visibility = 'public';
  delete first.privateAudience;
  const configuration = first.technicalConfiguration;
  configuration.version = '1.0';
  configuration.tenantId = 'contoso.onmicrosoft.com';
  configuration.authorizations = [
    { ...authorization(1, CONTRIBUTOR), principalId: 'not-a-guid' },
    authorization(2, READER, ''),
    authorization(3, READER, 'dana@contoso.com'),
    authorization(4, '0a1b2c3d-0000-4000-8000-000000000000'),
    authorization(5, 'Contributor'),
    authorization(6, OWNER),
    authorization(7, STORAGE_BLOB_DATA_READER),
    authorization(8, USER_ACCESS_ADMINISTRATOR),
    { ...authorization(9, CONTRIBUTOR), delegatedRoleDefinitionIds: [READER] },
    { ...authorization(10, USER_ACCESS_ADMINISTRATOR), delegatedRoleDefinitionIds: [OWNER] },
    authorization(11, CONTRIBUTOR),
    authorization(11, CONTRIBUTOR),
    ...Array.from({ length: 9 }, (_, i) => authorization(20 + i, READER)),
  ];
  const eligible = configuration.eligibleAuthorizations[0];
  configuration.eligibleAuthorizations = [
    { ...structuredClone(eligible), roleDefinitionId: OWNER },
    {
      ...structuredClone(eligible),
      principalIdDisplayName: 'Deployment automation',
      justInTimeAccessPolicy: { multiFactorAuthProvider: 'Sms', maximumActivationDuration: 'PT9H' },
    },
  ];
  const second = structuredClone(example);
  second.planId = 'silver';
  second.name = 'silver';
  delete second.privateAudience;
  second.technicalConfiguration.authorizations = [];
  const third = structuredClone(example);
  third.planId = 'silver';
  third.name = 'bronze';
  third.privateAudience = { subscriptionIds: Array.from({ length: 11 }, (_, i) => guid(200 + i)), csv: 'missing-customers.csv' };
  third.technicalConfiguration.authorizations = [authorization(30, MONITORING_METRICS_PUBLISHER)];
  delete third.technicalConfiguration.eligibleAuthorizations;
  offer.plans = [first, second, third];
  return offer;
}

/** What Partner Center holds (the baseline), and the offer changed in the ways it refuses. */
function publishedAndChanged(): { published: Offer; changed: Offer } {
  const published = exampleOffer();
  const silver = structuredClone(published.plans[0]);
  silver.planId = 'silver';
  silver.name = 'silver';
  published.plans[0].visibility = 'public';
  delete published.plans[0].privateAudience;
  published.plans.push(silver);
  const changed = exampleOffer();
  changed.offerId = 'contoso-sentinel-operations';
  changed.alias = 'Contoso Sentinel';
  changed.plans[0].name = 'golden';
  changed.plans[0].technicalConfiguration.authorizations.pop();
  return { published, changed };
}

function noPlansOffer(): Offer {
  const offer = exampleOffer();
  offer.plans = [];
  return offer;
}

/**
 * One offer that breaks each validation keyword of the schema, and the pointer where each is
 * reported. (Where a rule checks the same place, the checker shows the rule's message instead: the
 * test reads these from the schema check itself.)
 */
export function schemaOffer(): { offer: Offer; expected: Record<string, string> } {
  const offer = exampleOffer();
  offer.offerType = 'saas';
  offer.colour = 'blue';
  offer.certificationNotes = 5;
  offer.properties.categories = ['Security', 'Security'];
  offer.listing.screenshots = Array.from({ length: 6 }, () => offer.listing.screenshots[0]);
  const plan = offer.plans[0];
  plan.visibility = 'hidden';
  plan.technicalConfiguration.authorizations[3].delegatedRoleDefinitionIds = ['not-a-guid'];
  delete plan.technicalConfiguration.eligibleAuthorizations[0].justInTimeAccessPolicy.maximumActivationDuration;
  const empty = structuredClone(plan);
  empty.planId = 'empty';
  empty.name = 'empty';
  empty.technicalConfiguration.authorizations = [];
  offer.plans.push(empty);
  return {
    offer,
    expected: {
      const: '/offerType',
      required: '/plans/0/technicalConfiguration/eligibleAuthorizations/0/justInTimeAccessPolicy/maximumActivationDuration',
      additionalProperties: '/colour',
      type: '/certificationNotes',
      enum: '/plans/0/visibility',
      uniqueItems: '/properties/categories/1',
      pattern: '/plans/0/technicalConfiguration/authorizations/3/delegatedRoleDefinitionIds/0',
      maxItems: '/listing/screenshots',
      minItems: '/plans/1/technicalConfiguration/authorizations',
    },
  };
}

/** The broken offers (and the files they name) written into `workspace`, a copy of the example's folder; their paths. */
export function writeBrokenOffers(workspace: string): string[] {
  const write = (name: string, offer: Offer) => {
    const file = path.join(workspace, name);
    fs.writeFileSync(file, JSON.stringify(offer, null, 2));
    return file;
  };
  fs.writeFileSync(path.join(workspace, 'media', 'not-a-png.png'), 'GIF89a, whatever the name says');
  const { published, changed } = publishedAndChanged();
  write('changed.offer.published.json', published);
  return [
    write('listing.offer.json', listingOffer()),
    write('plans.offer.json', plansOffer()),
    write('changed.offer.json', changed),
    write('noplans.offer.json', noPlansOffer()),
    write('schema.offer.json', schemaOffer().offer),
  ];
}
