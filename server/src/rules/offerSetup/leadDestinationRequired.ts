import { t } from '@core/l10n';
import { keyNode } from '@core/model/nodes';
import type { Rule } from '../rule';

export const leadDestinationRequired: Rule = {
  code: 'lead-destination-required',
  severity: 'error',
  docs: 'Partner Center requires a lead destination for managed service offers: the customers who accept a plan arrive there as leads.',
  check({ root, report }) {
    if (keyNode(root, 'leadManagement')) {
      return;
    }
    report(
      { missing: 'leadManagement', in: root },
      t(
        "The offer has no leadManagement: managed service offers need a lead destination. Add \"leadManagement\" with a destination: 'email', 'https', 'azureTable', 'dynamics365', 'marketo' or 'salesforce'.",
      ),
    );
  },
};
