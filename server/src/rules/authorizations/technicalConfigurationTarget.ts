/**
 * Where a finding about a whole technical configuration goes: on the plan's
 * `"technicalConfiguration"` key (not a squiggle over the whole object), with the configuration's
 * pointer as its path.
 */
import { isObject, keyNode } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import { authorizationsOf, type AuthorizationKind, type PlanRef } from '@core/model/offerStructure';
import type { JSONPath } from 'jsonc-parser';
import type { FixContext, QuickFix, ReportTarget, RuleContext } from '../rule';
import { appendItem } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { intendedRole } from './roleReference';

export function technicalConfigurationTarget(document: OfferDocument, plan: PlanRef): ReportTarget | undefined {
  const configuration = plan.technicalConfiguration;
  const key = keyNode(plan.node, 'technicalConfiguration');
  if (!configuration || !key) {
    return undefined;
  }
  return { offset: key.offset, length: key.length, path: document.pointerOf(configuration) };
}

/**
 * Plans with permanent authorizations of which none (among `kinds`) holds a role that `holds`
 * accepts, each with where to report it. A plan without authorizations is left out: that is
 * authorizations-required's error, and a missing role on top would only add noise.
 */
export function plansLackingRole(
  { plans, catalog, document }: Pick<RuleContext, 'plans' | 'catalog' | 'document'>,
  kinds: readonly AuthorizationKind[],
  holds: (roleId: string) => boolean,
): { plan: PlanRef; target: ReportTarget }[] {
  const lacking: { plan: PlanRef; target: ReportTarget }[] = [];
  for (const plan of plans) {
    if (!isObject(plan.technicalConfiguration) || authorizationsOf(plan, 'authorizations').length === 0) {
      continue;
    }
    const found = kinds.some((kind) =>
      authorizationsOf(plan, kind).some((authorization) => {
        const role = intendedRole(catalog, authorization.roleDefinitionId);
        return role !== undefined && holds(role.id.toLowerCase());
      }),
    );
    // Where to report is worked out only for a plan that lacks the role (it makes a pointer).
    const target = found ? undefined : technicalConfigurationTarget(document, plan);
    if (target) {
      lacking.push({ plan, target });
    }
  }
  return lacking;
}

/**
 * Not a GUID on purpose: principal-id-format then points at it until the publisher puts a real
 * object ID in, where a made-up GUID would pass every check and fail only at onboarding.
 */
export const PLACEHOLDER_PRINCIPAL_ID = 'REPLACE-WITH-OBJECT-ID-OF-USER-OR-GROUP';

/**
 * The fix of a plan that lacks a role or any authorization: an authorization with the role, its
 * principal left for the publisher to fill in, appended to the authorizations of the technical
 * configuration at `configurationPath` (the list is made when it is missing). A list that is not
 * an array is the schema's to report: appendItem then offers nothing.
 */
export function addAuthorizationFix(
  context: FixContext,
  configurationPath: JSONPath,
  title: string,
  roleDefinitionId: string,
  principalIdDisplayName = '',
): QuickFix[] {
  if (context.document.nodeAt(configurationPath)?.type !== 'object') {
    return [];
  }
  const authorization = { principalId: PLACEHOLDER_PRINCIPAL_ID, principalIdDisplayName, roleDefinitionId };
  return quickFix(context, title, appendItem(context, [...configurationPath, 'authorizations'], authorization));
}
