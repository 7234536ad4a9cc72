import type { Rule } from '../rule';
import { offerIdFormat } from './offerIdFormat';

/** Offer setup: offerId, alias, leadManagement. */
export const offerSetupRules: Rule[] = [
  offerIdFormat,
];
