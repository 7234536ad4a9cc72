import { t } from '@core/l10n';
import { CONTRIBUTOR_ROLE_ID, MONITORING_CONTRIBUTOR_ROLE_ID, MONITORING_READER_ROLE_ID, READER_ROLE_ID } from '@core/knowledge/rolePolicy';
import type { Rule } from '../rule';
import { fromPointer } from '@core/model/jsonPointer';
import { addAuthorizationFix, plansLackingRole } from './technicalConfigurationTarget';

/**
 * The supported built-in roles that "include reading": those whose actions hold the wildcard
 * read action, '*' + '/read' (read on every resource type, as Reader itself). The catalog does
 * not carry actions, so the list is written out. Owner and User Access Administrator have it too
 * but never count here: Owner is refused, and UAA is meant for assigning roles, not operating.
 */
const READING_ROLE_IDS = new Set([
  READER_ROLE_ID,
  CONTRIBUTOR_ROLE_ID,
  MONITORING_READER_ROLE_ID,
  MONITORING_CONTRIBUTOR_ROLE_ID,
]);

export const readerMissing: Rule = {
  code: 'reader-missing',
  severity: 'info',
  scope: 'plan',
  docs: "Seeing a customer on the My customers page takes read access to everything: a permanent authorization with Reader, or with a role that includes it (its actions contain '*/read': Contributor, Monitoring Reader, Monitoring Contributor). Eligible authorizations do not count, as they read only once activated.",
  check(context) {
    for (const { target } of plansLackingRole(context, ['authorizations'], (roleId) => READING_ROLE_IDS.has(roleId))) {
      context.report(
        target,
        t(
          'No principal in this plan has Reader or a role that includes it (Contributor, Monitoring Reader, Monitoring Contributor): add Reader ({0}) for the people who must see this customer on the My customers page.',
          READER_ROLE_ID,
        ),
      );
    }
  },
  fix(diagnostic, context) {
    // "Add Reader for the people who must see this customer": an authorization with Reader, its
    // principal left for the publisher to fill in (principal-id-format points at it until then).
    return addAuthorizationFix(context, fromPointer(diagnostic.path), t('Add an authorization with Reader (then set its principal)'), READER_ROLE_ID);
  },
};
