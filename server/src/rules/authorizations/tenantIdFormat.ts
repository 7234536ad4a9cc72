import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { isGuid, prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';

export const tenantIdFormat: Rule = {
  code: 'tenant-id-format',
  severity: 'error',
  scope: 'plan',
  docs: "The tenant ID names the managing tenant that customers delegate to, so it must be that Microsoft Entra tenant's GUID.",
  check({ plans, report }) {
    for (const plan of plans) {
      const node = prop(plan.technicalConfiguration, 'tenantId');
      const tenantId = str(node);
      if (node && tenantId !== undefined && !isGuid(tenantId)) {
        report(
          node,
          tenantId.trim() === ''
            ? t('The tenant ID is empty: give the GUID of your managing tenant (Microsoft Entra ID, Overview, Tenant ID).')
            : t(
                "Tenant ID '{0}' is not a GUID: give the GUID of your managing tenant (Microsoft Entra ID, Overview, Tenant ID), not its domain name.",
                quoteValue(tenantId),
              ),
        );
      }
    }
  },
};
