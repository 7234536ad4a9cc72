import { t } from '../../l10n';
import { isGuid, prop, str } from '../../model/nodes';
import { plansOf } from '../../model/offerStructure';
import type { Rule } from '../rule';

export const tenantIdFormat: Rule = {
  code: 'tenant-id-format',
  severity: 'error',
  docs: "The tenant ID names the managing tenant that customers delegate to, so it must be that Microsoft Entra tenant's GUID.",
  check({ root, report }) {
    for (const plan of plansOf(root)) {
      const node = prop(plan.technicalConfiguration, 'tenantId');
      const tenantId = str(node);
      if (node && tenantId !== undefined && !isGuid(tenantId)) {
        report(
          node,
          tenantId.trim() === ''
            ? t('The tenant ID is empty: give the GUID of your managing tenant (Microsoft Entra ID, Overview, Tenant ID).')
            : t(
                "Tenant ID '{0}' is not a GUID: give the GUID of your managing tenant (Microsoft Entra ID, Overview, Tenant ID), not its domain name.",
                tenantId,
              ),
        );
      }
    }
  },
};
