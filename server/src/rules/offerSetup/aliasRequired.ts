import { t } from '@core/l10n';
import { keyNode, prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';

export const aliasRequired: Rule = {
  code: 'alias-required',
  severity: 'error',
  docs: "Partner Center asks for the offer alias when the offer is created, and fixes it from then on: it is the offer's name inside Partner Center (customers never see it).",
  check({ root, report }) {
    if (!keyNode(root, 'alias')) {
      report(
        { missing: 'alias', in: root },
        t('The offer has no alias: Partner Center asks for it when the offer is created. Add "alias", the offer\'s name inside Partner Center (customers never see it).'),
      );
      return;
    }
    const node = prop(root, 'alias');
    const alias = str(node);
    if (node && alias !== undefined && alias.trim() === '') {
      report(node, t("The alias is empty: Partner Center asks for it when the offer is created. Write the offer's name inside Partner Center (customers never see it)."));
    }
  },
};
