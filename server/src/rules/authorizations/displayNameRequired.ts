import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import { perVersion } from '@core/model/caching';
import { fromPointer } from '@core/model/jsonPointer';
import { plansOf, type PlanRef } from '@core/model/offerStructure';
import type { Rule } from '../rule';
import { holds, valueAt } from '../../edits/expectations';
import { addProperty, setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import { principalHoldersOf } from './principals';

/**
 * The first name (trimmed, not empty) this offer gives each principal, by its id trimmed and
 * lowercased: made once per version, so that fixing thousands of unnamed principals reads the
 * holders once, not once per fix.
 */
const namesByPrincipal = perVersion((plans: readonly PlanRef[]): ReadonlyMap<string, string> => {
  const names = new Map<string, string>();
  for (const holder of principalHoldersOf(plans)) {
    const principalId = str(holder.principalIdNode)?.trim().toLowerCase();
    const name = str(holder.principalIdDisplayNameNode)?.trim();
    if (principalId && name && !names.has(principalId)) {
      names.set(principalId, name);
    }
  }
  return names;
});

export const displayNameRequired: Rule = {
  code: 'display-name-required',
  severity: 'error',
  scope: 'plan',
  docs: "Customers see principalIdDisplayName in the delegation's details: every authorization needs one, and an approver's, when written, must not be empty.",
  check({ plans, report }) {
    for (const holder of principalHoldersOf(plans)) {
      const node = holder.principalIdDisplayNameNode;
      const principal = str(holder.principalIdNode) ?? '';
      if (!node) {
        if (!holder.isApprover) {
          report(
            { missing: 'principalIdDisplayName', in: holder.node },
            t(
              "Principal '{0}' has no 'principalIdDisplayName': add the name customers will see for this user or group, such as 'Tier 2 Operators'.",
              quoteValue(principal),
            ),
          );
        }
        continue;
      }
      const name = str(node);
      if (name !== undefined && name.trim() === '') {
        report(
          node,
          t(
            "The display name of principal '{0}' is empty: give the name customers will see for this user or group, such as 'Tier 2 Operators'.",
            quoteValue(principal),
          ),
        );
      }
    }
  },
  fix(diagnostic, context) {
    // The name this offer already gives the same principal elsewhere, when it gives one.
    const path = fromPointer(diagnostic.path);
    const holder = context.document.nodeAt(path.slice(0, -1));
    const principalId = str(prop(holder, 'principalId'))?.trim().toLowerCase();
    const current = valueAt(context.document, diagnostic.path);
    if (!holder || !principalId || (current !== undefined && (typeof current !== 'string' || current.trim() !== ''))) {
      return [];
    }
    // The holder being fixed has no name, or an empty one: the name found is another holder's.
    const name = namesByPrincipal(plansOf(context.document.root)).get(principalId);
    if (!name) {
      return [];
    }
    const title = t("Use '{0}', the name this offer gives this principal elsewhere", quoteValue(name));
    return quickFix(
      context,
      title,
      current === undefined ? addProperty(context, path.slice(0, -1), 'principalIdDisplayName', name) : setValue(context, path, name, holds(current)),
    );
  },
};
