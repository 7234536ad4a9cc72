/**
 * The example offer broken in many ways at once (18 problems of 15 codes: errors, warnings and a
 * note), for tests that compare the checker's outputs with each other problem for problem.
 */
import { exampleOffer, Offer } from './offerHarness';

export function brokenExampleOffer(): Offer {
  const offer = exampleOffer();
  // '%', ',' and ':' in a value: quoted in the message, escaped by the GitHub format.
  offer.offerId = '50%off, now: Contoso';
  offer.properties.categories = ['Security', 'Security', 'Spaceships'];
  offer.listing.name = 'Contoso Sentinel Operations for every estate, every day, 24x7';
  offer.listing.privacyPolicyUrl = 'ftp://contoso.com/privacy';
  offer.listing.videos[0].url = 'https://videos.contoso.com/overview';
  delete offer.previewAudience;
  offer.leadManagement = { destination: 'https', httpsEndpointUrl: 'https://leads.contoso.com/api?code=abc123secretvalue' };
  const plan = offer.plans[0];
  plan.pricingModel = 'Free';
  plan.visibility = 'public';
  const authorizations = plan.technicalConfiguration.authorizations;
  authorizations[0].principalId = 'not-a-guid';
  authorizations[1].roleDefinitionId = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'; // Owner
  authorizations.splice(2, 1); // the Delete Role
  authorizations.push({ ...authorizations[0] });
  const policy = plan.technicalConfiguration.eligibleAuthorizations[0].justInTimeAccessPolicy;
  policy.maximumActivationDuration = 'PT9H';
  policy.multiFactorAuthProvider = 'Sms';
  return offer;
}
