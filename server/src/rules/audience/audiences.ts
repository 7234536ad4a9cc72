/**
 * The audiences of an offer (the preview audience and each plan's private audience), found once
 * from the tree, and what their CSV files hold: shared by every audience rule.
 */
import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { perVersion } from '@core/model/caching';
import { quoteValue } from '@core/text/quote';
import { items, prop, str } from '@core/model/nodes';
import { plansOf, PlanRef } from '@core/model/offerStructure';
import type { AudienceEntry } from '../../workspace/audienceCsv';
import type { OfferFiles } from '../../workspace/offerFiles';

export interface AudienceRef {
  kind: 'preview' | 'private';
  /** The audience object (`previewAudience` or a plan's `privateAudience`). */
  node: Node;
  /** The plan of a private audience. */
  plan?: PlanRef;
  /** The `subscriptionIds` array node, when it is an array. */
  ids: Node | undefined;
  /** The `csv` value node, when it is a string. */
  csv: Node | undefined;
}

/**
 * Every audience that is an object (other types are the schema's to report): found once per
 * version (kept under its root, see core/src/model/caching.ts), shared by every audience rule.
 */
export const audiencesOf = perVersion((root: Node): readonly AudienceRef[] => findAudiences(root));

/** The preview audience, when it is an object. */
export function previewAudienceOf(root: Node): AudienceRef | undefined {
  const first = audiencesOf(root)[0];
  return first?.kind === 'preview' ? first : undefined;
}

function findAudiences(root: Node): AudienceRef[] {
  const audiences: AudienceRef[] = [];
  const preview = prop(root, 'previewAudience');
  if (preview?.type === 'object') {
    audiences.push({ kind: 'preview', node: preview, ...partsOf(preview) });
  }
  for (const plan of plansOf(root)) {
    const audience = privateAudienceOf(plan);
    if (audience) {
      audiences.push(audience);
    }
  }
  return audiences;
}

/** A plan's private audience, when it is an object. */
export function privateAudienceOf(plan: PlanRef): AudienceRef | undefined {
  const audience = prop(plan.node, 'privateAudience');
  return audience?.type === 'object' ? { kind: 'private', node: audience, plan, ...partsOf(audience) } : undefined;
}

function partsOf(audience: Node): { ids: Node | undefined; csv: Node | undefined } {
  const ids = prop(audience, 'subscriptionIds');
  const csv = prop(audience, 'csv');
  return { ids: ids?.type === 'array' ? ids : undefined, csv: csv?.type === 'string' ? csv : undefined };
}

/** The path an audience's CSV names, as written, when it names one (not blank). */
export function csvPathOf(audience: AudienceRef): string | undefined {
  const path = str(audience.csv);
  return path !== undefined && path.trim() !== '' ? path : undefined;
}

/** The ids of the audience's CSV, when it has one that could be read; else undefined. */
export function csvEntriesOf(files: OfferFiles | undefined, audience: AudienceRef): AudienceEntry[] | undefined {
  return readCsvOf(files, audience)?.entries;
}

/** The audience's CSV as read: its absolute path (to tell shared files apart) and its ids. */
export function readCsvOf(files: OfferFiles | undefined, audience: AudienceRef): { absolutePath: string; entries: AudienceEntry[] } | undefined {
  const path = csvPathOf(audience);
  if (!files || path === undefined) {
    return undefined;
  }
  const lookup = files.audienceCsv(path);
  return lookup.status === 'ok' ? { absolutePath: lookup.absolutePath, entries: lookup.result } : undefined;
}

/** How many ids the audience lists inline. */
export function inlineCount(audience: AudienceRef): number {
  return items(audience.ids).length;
}

/**
 * Whether the audience names nobody: no inline id, and no CSV or a CSV without ids. A CSV that
 * can't be read (or, for an unsaved offer, can't be found) counts as naming someone, so that
 * the missing file gets its own diagnostic and not a second, misleading one.
 */
export function isEmptyAudience(files: OfferFiles | undefined, audience: AudienceRef): boolean {
  if (inlineCount(audience) > 0) {
    return false;
  }
  if (csvPathOf(audience) === undefined) {
    return true;
  }
  const entries = csvEntriesOf(files, audience);
  return entries !== undefined && entries.length === 0;
}

/** How a message names the audience: "The preview audience", "Plan 'gold'". */
export function audienceName(audience: AudienceRef): string {
  if (audience.kind === 'preview') {
    return t('The preview audience');
  }
  return planName(audience.plan);
}

/** "Plan 'gold'", or "Plan 2" when the plan has no id to name it by. */
export function planName(plan: PlanRef | undefined): string {
  return plan?.planId !== undefined ? t("Plan '{0}'", quoteValue(plan.planId)) : t('Plan {0}', (plan?.index ?? 0) + 1);
}
