import type { Rule } from '../rule';
import { aliasImmutable } from './aliasImmutable';
import { aliasRequired } from './aliasRequired';
import { leadDestinationFields } from './leadDestinationFields';
import { leadDestinationRequired } from './leadDestinationRequired';
import { offerIdFormat } from './offerIdFormat';
import { offerIdImmutable } from './offerIdImmutable';
import { secretInOffer } from './secretInOffer';

/** Offer setup: offerId, alias, leadManagement. */
export const offerSetupRules: Rule[] = [
  offerIdFormat,
  offerIdImmutable,
  aliasRequired,
  aliasImmutable,
  leadDestinationRequired,
  leadDestinationFields,
  secretInOffer,
];
