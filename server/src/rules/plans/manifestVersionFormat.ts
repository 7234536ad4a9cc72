import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { parseManifestVersion } from './manifestVersion';
import { dataReplacementFix } from '../../edits/quickFix';

/**
 * The n.n.n a near miss most likely meant: '1.2' → '1.2.0', 'v1.2.3' → '1.2.3'. Anything else
 * ('1.0.x', four parts) has no obvious reading, and then no fix is offered.
 */
function completedVersion(text: string): string | undefined {
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/i.exec(text);
  return match ? `${match[1]}.${match[2] ?? '0'}.${match[3] ?? '0'}` : undefined;
}

export const manifestVersionFormat: Rule = {
  code: 'manifest-version-format',
  severity: 'error',
  scope: 'plan',
  docs: 'The manifest version of a technical configuration has the form n.n.n (for example 1.0.0), and must grow whenever the configuration changes.',
  check({ plans, report }) {
    for (const plan of plans) {
      const node = prop(plan.technicalConfiguration, 'version');
      const version = str(node);
      if (node && version !== undefined && !parseManifestVersion(version)) {
        const suggestion = completedVersion(version);
        report(
          node,
          t("Manifest version '{0}' must have the form n.n.n, three whole numbers separated by dots (for example '1.0.0').", quoteValue(version)),
          suggestion !== undefined ? { value: version, suggestion } : undefined,
        );
      }
    }
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (suggestion) => t("Change the version to '{0}'", quoteValue(suggestion)), isPreferred: true });
  },
};
