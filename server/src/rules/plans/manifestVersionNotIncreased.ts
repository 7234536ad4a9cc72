import { getNodeValue } from 'jsonc-parser';
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { baselinePlansById } from './baselinePlans';
import { compareManifestVersions, nextMinorVersion, parseManifestVersion } from './manifestVersion';
import { sameJsonValue } from './sameJsonValue';
import { dataReplacementFix } from '../../edits/quickFix';

/**
 * Partner Center accepts a changed technical configuration only with a higher manifest version.
 * The configurations are compared as values (formatting, comments and key order don't count),
 * version included: a lowered version with nothing else changed is a change too.
 */
export const manifestVersionNotIncreased: Rule = {
  code: 'manifest-version-not-increased',
  severity: 'error',
  scope: 'plan',
  needsBaseline: true,
  docs: 'When a plan\'s technical configuration changes after publishing, its manifest version must be raised above the published one.',
  check({ plans, baseline, document, report }) {
    const published = baselinePlansById(baseline);
    for (const plan of plans) {
      const publishedPlan = plan.planId !== undefined ? published.get(plan.planId) : undefined;
      const configuration = plan.technicalConfiguration;
      const publishedConfiguration = publishedPlan?.technicalConfiguration;
      if (configuration?.type !== 'object' || publishedConfiguration?.type !== 'object') {
        continue;
      }
      const node = prop(configuration, 'version');
      const versionText = str(node);
      const publishedText = str(prop(publishedConfiguration, 'version'));
      // Versions that aren't n.n.n can't be ordered: manifest-version-format reports them.
      const version = versionText !== undefined ? parseManifestVersion(versionText) : undefined;
      const publishedVersion = publishedText !== undefined ? parseManifestVersion(publishedText) : undefined;
      if (!node || !version || !publishedVersion || compareManifestVersions(version, publishedVersion) > 0) {
        continue;
      }
      // The same text is the same value (the common case, and a memory compare); different text
      // may still be the same value, written another way.
      if (
        document.textOf(configuration) === baseline!.textOf(publishedConfiguration) ||
        sameJsonValue(getNodeValue(configuration), getNodeValue(publishedConfiguration))
      ) {
        continue;
      }
      const suggestion = nextMinorVersion(publishedVersion);
      report(
        node,
        t(
          "The technical configuration of plan '{0}' differs from the published one, but its version {1} is not greater than the published {2}: use {3}.",
          quoteValue(plan.planId ?? ''),
          quoteValue(versionText ?? ''),
          publishedText ?? '',
          suggestion,
        ),
        { value: versionText, suggestion },
      );
    }
  },
  fix(diagnostic, context) {
    return dataReplacementFix(diagnostic, context, { title: (suggestion) => t('Raise the version to {0}', suggestion), isPreferred: true });
  },
};
