import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { prop, str } from '@core/model/nodes';
import { fromPointer } from '@core/model/jsonPointer';
import type { Rule } from '../rule';
import { holds, valueAt } from '../../edits/expectations';
import { setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
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
      const meant = PROVIDERS.find((candidate) => candidate.toLowerCase() === provider.trim().toLowerCase());
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
    return meant ? quickFix(context, t("Change to '{0}'", meant), setValue(context, fromPointer(diagnostic.path), meant, holds(provider)), true) : [];
  },
};

/** The provider written in other letters ('azure', ' None '), as the message names it. */
function providerMeant(provider: string): string | undefined {
  return PROVIDERS.find((candidate) => candidate.toLowerCase() === provider.trim().toLowerCase());
}
