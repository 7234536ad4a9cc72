/**
 * Where a finding about a whole technical configuration goes: on the plan's
 * `"technicalConfiguration"` key (not a squiggle over the whole object), with the configuration's
 * pointer as its path.
 */
import { keyNode } from '../../model/nodes';
import type { OfferDocument } from '../../model/offerDocument';
import type { PlanRef } from '../../model/offerStructure';
import type { ReportTarget } from '../rule';

export function technicalConfigurationTarget(document: OfferDocument, plan: PlanRef): ReportTarget | undefined {
  const configuration = plan.technicalConfiguration;
  const key = keyNode(plan.node, 'technicalConfiguration');
  if (!configuration || !key) {
    return undefined;
  }
  return { offset: key.offset, length: key.length, path: document.pointerOf(configuration) };
}
