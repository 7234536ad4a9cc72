import type { Rule } from '../rule';
import { manifestVersionFormat } from './manifestVersionFormat';
import { manifestVersionNotIncreased } from './manifestVersionNotIncreased';
import { planDescriptionRequired } from './planDescriptionRequired';
import { planIdDuplicate } from './planIdDuplicate';
import { planIdFormat } from './planIdFormat';
import { planIdImmutable } from './planIdImmutable';
import { plansRequired } from './plansRequired';
import { pricingByol } from './pricingByol';
import { publicPlanOpen } from './publicPlanOpen';
import { publicToPrivate } from './publicToPrivate';

/** Plans: ids, listing, pricing, visibility, manifest version. */
export const planRules: Rule[] = [
  plansRequired,
  planIdFormat,
  planIdDuplicate,
  planIdImmutable,
  planDescriptionRequired,
  pricingByol,
  publicToPrivate,
  publicPlanOpen,
  manifestVersionFormat,
  manifestVersionNotIncreased,
];
