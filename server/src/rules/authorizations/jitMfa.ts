import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { valueAt } from '../../edits/expectations';
import { replaceValueFix } from '../../edits/quickFix';
import { justInTimePoliciesOf } from './justInTimePolicies';

const PROVIDERS = ['Azure', 'None'];

export const jitMfa: Rule = {
  code: 'jit-mfa',
  severity: 'error',
  scope: 'plan',
  docs: "multiFactorAuthProvider is 'Azure' (activating the eligible role requires Microsoft Entra multifactor authentication) or 'None'.",
  check({ plans, report }) {
    for (const policy of justInTimePoliciesOf(plans)) {
      const node = prop(policy, 'multiFactorAuthProvider');
      const provider = str(node);
      if (!node || provider === undefined || PROVIDERS.includes(provider)) {
        continue;
      }
      const meant = providerMeant(provider);
      report(
        node,
        meant
          ? t("Multifactor authentication provider '{0}' must be written '{1}'.", quoteValue(provider), meant)
          : t(
              "Multifactor authentication provider '{0}' is not supported: use 'Azure' (activation requires multifactor authentication) or 'None'.",
              quoteValue(provider),
            ),
      );
    }
  },
  fix(diagnostic, context) {
    const provider = valueAt(context.document, diagnostic.path);
    const meant = typeof provider === 'string' && !PROVIDERS.includes(provider) ? providerMeant(provider) : undefined;
    return meant ? replaceValueFix(diagnostic, context, { title: t("Change to '{0}'", meant), reported: provider, replacement: meant, isPreferred: true }) : [];
  },
};

/** The provider written in other letters ('azure', ' None '), as the message names it. */
function providerMeant(provider: string): string | undefined {
  return PROVIDERS.find((candidate) => candidate.toLowerCase() === provider.trim().toLowerCase());
}
