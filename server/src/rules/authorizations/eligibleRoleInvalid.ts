import { prop, str } from '@core/model/nodes';
import { authorizationsOf } from '@core/model/offerStructure';
import type { Rule } from '../rule';
import { refusalMessage, resolveRoleReference } from './roleReference';

export const eligibleRoleInvalid: Rule = {
  code: 'eligible-role-invalid',
  severity: 'error',
  scope: 'plan',
  docs: 'An eligible (just-in-time) authorization cannot hold User Access Administrator, Owner or a role with DataActions; this one code covers them all for eligible authorizations.',
  check({ plans, catalog, report }) {
    for (const plan of plans) {
      for (const authorization of authorizationsOf(plan, 'eligibleAuthorizations')) {
        const node = prop(authorization.node, 'roleDefinitionId');
        const value = str(node);
        const reference = value === undefined ? undefined : resolveRoleReference(catalog, value);
        const refusal = reference?.kind === 'builtin' ? refusalMessage(reference.role, 'eligibleAuthorizations', catalog) : undefined;
        if (node && refusal) {
          report(node, refusal);
        }
      }
    }
  },
};
