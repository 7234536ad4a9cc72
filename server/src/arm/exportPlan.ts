import { getNodeValue } from 'jsonc-parser';
import { fileNameFromId } from '@core/files/fileNames';
import type { FileToWrite } from '@core/files/safeWriter';
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { at, prop, str } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import { plansOf } from '@core/model/offerStructure';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { DelegationScope, DEPLOYMENT_PARAMETERS_SCHEMA, lighthouseTemplate } from './lighthouseTemplate';

export interface ExportedPlan {
  planId: string;
  template: Record<string, unknown>;
  parameters: Record<string, unknown>;
  /** `<planId>.template.json` and `<planId>.parameters.json`, made from a plan ID that passed `plan-id-format`. */
  files: FileToWrite[];
}

export type ExportResult =
  | { ok: true; exported: ExportedPlan }
  | { ok: false; reason: 'no-such-plan' | 'plan-id-invalid' | 'plan-has-errors'; message: string; problems: OfferDiagnostic[] };

/** How many plan IDs a message lists before it says how many more there are. */
const IDS_LISTED = 10;

function listOfIds(ids: readonly string[]): string {
  const listed = ids.slice(0, IDS_LISTED).map((id) => quoteValue(id)).join(', ');
  return ids.length > IDS_LISTED ? t('{0} and {1} more', listed, ids.length - IDS_LISTED) : listed;
}

/**
 * A plan of the offer as an onboarding template and its parameters file. Refused when the plan's
 * technical configuration has errors: a template that the customer's deployment would reject
 * teaches nothing.
 */
export function exportPlan(document: OfferDocument, diagnostics: OfferDiagnostic[], planId: string, scope: DelegationScope): ExportResult {
  const plans = plansOf(document.root);
  const plan = plans.find((p) => p.planId === planId);
  if (!plan) {
    const known = plans.map((p) => p.planId).filter((id): id is string => !!id);
    return {
      ok: false,
      reason: 'no-such-plan',
      message: known.length
        ? t("The offer has no plan '{0}': its plans are {1}.", quoteValue(planId), listOfIds(known))
        : t("The offer has no plan '{0}': it has no plans.", quoteValue(planId)),
      problems: [],
    };
  }
  // The plan ID names the files: one that fails its format rule (`../victim/pwned`) is refused
  // before anything else, with the rule's own diagnostic when the check found it.
  // Checked once: both files are this name and a suffix.
  const fileStem = fileNameFromId(planId, 'planId', '');
  if (!fileStem.ok) {
    const planIdPath = `/plans/${plan.index}/planId`;
    return {
      ok: false,
      reason: 'plan-id-invalid',
      message: fileStem.message,
      problems: diagnostics.filter((d) => d.code === 'plan-id-format' && d.path === planIdPath),
    };
  }
  const prefix = `/plans/${plan.index}/technicalConfiguration`;
  const problems = diagnostics.filter(
    // Malformed JSON (path '') blocks too: the tree may be missing part of the plan.
    (d) => d.severity === 'error' && (d.path === prefix || d.path.startsWith(prefix + '/') || (d.code === 'schema' && d.path === '')),
  );
  if (problems.length > 0 || !plan.technicalConfiguration) {
    return {
      ok: false,
      reason: 'plan-has-errors',
      message:
        problems.length > 1
          ? t("Plan '{0}' can't be exported: its technical configuration has {1} errors.", quoteValue(planId), problems.length)
          : t("Plan '{0}' can't be exported: its technical configuration has 1 error.", quoteValue(planId)),
      problems,
    };
  }

  // Plain objects (jsonc-parser builds prototype-less ones) for the JSON files written from them.
  const configuration = JSON.parse(JSON.stringify(getNodeValue(plan.technicalConfiguration))) as Record<string, unknown>;
  const eligible = Array.isArray(configuration.eligibleAuthorizations) ? configuration.eligibleAuthorizations : [];
  const offerName = str(at(document.root, 'listing', 'name')) ?? str(prop(document.root, 'alias')) ?? str(prop(document.root, 'offerId')) ?? planId;
  const planName = str(prop(plan.node, 'name')) ?? planId;
  const description =
    str(at(plan.node, 'listing', 'description')) ?? str(at(plan.node, 'listing', 'searchResultsSummary')) ?? str(at(document.root, 'listing', 'searchResultsSummary')) ?? offerName;

  const values: Record<string, unknown> = {
    // One registration definition per plan: its name (and so its generated id) must differ between plans.
    mspOfferName: `${offerName} - ${planName}`,
    mspOfferDescription: description,
    managedByTenantId: configuration.tenantId,
    authorizations: configuration.authorizations,
  };
  if (eligible.length > 0) {
    values.eligibleAuthorizations = eligible;
  }
  if (scope === 'resourceGroup') {
    values.rgName = '<resource group name>';
  }
  const template = lighthouseTemplate(scope, eligible.length > 0);
  const parameters = {
    $schema: DEPLOYMENT_PARAMETERS_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }])),
  };
  return {
    ok: true,
    exported: {
      planId,
      template,
      parameters,
      files: [
        { name: `${fileStem.name}.template.json`, contents: JSON.stringify(template, null, 2) + '\n' },
        { name: `${fileStem.name}.parameters.json`, contents: JSON.stringify(parameters, null, 2) + '\n' },
      ],
    },
  };
}
