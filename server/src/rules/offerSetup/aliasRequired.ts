import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { at, keyNode, prop, str } from '@core/model/nodes';
import { quoteValue } from '@core/text/quote';
import { satisfies } from '../../edits/expectations';
import { setValue } from '../../edits/pointerEdits';
import { quickFix } from '../../edits/quickFix';
import type { Rule } from '../rule';

/** A name to offer as the alias: the listing's name, else the offer ID; undefined when neither is written. */
function suggestedAlias(root: Node): string | undefined {
  for (const candidate of [str(at(root, 'listing', 'name')), str(prop(root, 'offerId'))]) {
    if (candidate !== undefined && candidate.trim() !== '') {
      return candidate.trim();
    }
  }
  return undefined;
}

export const aliasRequired: Rule = {
  code: 'alias-required',
  severity: 'error',
  docs: "Partner Center asks for the offer alias when the offer is created, and fixes it from then on: it is the offer's name inside Partner Center (customers never see it).",
  check({ root, report }) {
    const suggestion = suggestedAlias(root);
    const data = suggestion === undefined ? undefined : { suggestion };
    if (!keyNode(root, 'alias')) {
      report(
        { missing: 'alias', in: root },
        t('The offer has no alias: Partner Center asks for it when the offer is created. Add "alias", the offer\'s name inside Partner Center (customers never see it).'),
        data,
      );
      return;
    }
    const node = prop(root, 'alias');
    const alias = str(node);
    if (node && alias !== undefined && alias.trim() === '') {
      report(node, t("The alias is empty: Partner Center asks for it when the offer is created. Write the offer's name inside Partner Center (customers never see it)."), data);
    }
  },
  fix(diagnostic, context) {
    const suggestion = diagnostic.data?.suggestion;
    const value = typeof suggestion === 'string' ? suggestion : '';
    // While the alias is still missing or blank, as reported.
    const missingOrBlank = satisfies((current) => current === undefined || (typeof current === 'string' && current.trim() === ''));
    // Not preferred: the alias is fixed once the offer is created, so the author decides.
    const title = value === '' ? t("Add the missing property '{0}'", 'alias') : t("Use '{0}' as the alias", quoteValue(value));
    return quickFix(context, title, setValue(context, ['alias'], value, missingOrBlank));
  },
};
