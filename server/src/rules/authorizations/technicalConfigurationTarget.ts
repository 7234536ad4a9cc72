/**
 * Where a finding about a whole technical configuration goes: on the plan's
 * `"technicalConfiguration"` key (not a squiggle over the whole object), with the configuration's
 * pointer as its path.
 */
import { isObject, keyNode } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import { authorizationsOf, type AuthorizationKind, type PlanRef } from '@core/model/offerStructure';
import { fromPointer } from '@core/model/jsonPointer';
import type { OfferDiagnostic } from '../diagnostic';
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
 * The fix of a plan that lacks a role: `authorization` appended to the authorizations of the
 * configuration the finding is on. A list that is not an array is the schema's to report:
 * appendItem then offers nothing.
 */
export function addAuthorizationFix(
  diagnostic: OfferDiagnostic,
  context: FixContext,
  title: string,
  authorization: { principalId: string; principalIdDisplayName: string; roleDefinitionId: string },
): QuickFix[] {
  const configurationPath = fromPointer(diagnostic.path);
  if (context.document.nodeAt(configurationPath)?.type !== 'object') {
    return [];
  }
  return quickFix(context, title, appendItem(context, [...configurationPath, 'authorizations'], authorization));
}
