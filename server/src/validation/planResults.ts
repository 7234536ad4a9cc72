/**
 * Diagnostics kept per plan between versions of an offer. Most checks look at one plan at a time
 * (its authorizations, its roles, its schema), and a keystroke changes one plan: its node is new
 * after the re-parse (see model/incrementalParse.ts) while every other plan keeps its node, so a
 * check's diagnostics for an unchanged plan are reused instead of computed again. On an offer of
 * 100 plans this makes a keystroke cost one plan's checks rather than a hundred.
 *
 * What is kept is only valid for checks whose findings in a plan lie inside that plan's text and
 * depend on nothing else of the offer: the plan, the role catalog and the published baseline
 * (both part of the key). A finding outside every plan is returned but nothing of that run is
 * kept, so the next version runs the check on every plan again.
 *
 * This is one of the two caches that outlive a version (core/src/model/caching.ts, rule 2): it is
 * keyed by a kept plan node and holds only what the plan's content decides, its positions relative
 * to the plan's start and the index it was computed at (compared on the way out). The results
 * belong to the language service that computed them (a `PlanResults` of its own).
 */
import type { Node } from 'jsonc-parser';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import type { OfferDocument } from '@core/model/offerDocument';
import type { PlanRef } from '@core/model/offerStructure';
import type { OfferDiagnostic } from '../rules/diagnostic';

/**
 * What a plan's diagnostics depend on besides the plan itself, and where they are kept. One is
 * made per validation (validateOffer.ts), and lives as long as it.
 */
export interface PlanCheckEnvironment {
  catalog: RoleCatalog;
  baseline: OfferDocument | undefined;
  results: PlanResults;
  /** Each plan's valid entry in this validation, found once (`entriesOf`, here): never set by the caller. */
  planEntries?: PlanEntries;
}

/** A diagnostic without its range: `start` and `end` are offsets from the start of its plan. */
interface KeptDiagnostic {
  diagnostic: Omit<OfferDiagnostic, 'range'>;
  start: number;
  end: number;
}

interface PlanEntry {
  /** The plan's index when its diagnostics were computed: their paths name it. */
  index: number;
  catalog: RoleCatalog;
  baseline: OfferDocument | undefined;
  byCheck: Map<string, readonly KeptDiagnostic[]>;
}

/** Kept diagnostics by plan node: a node that is no longer in any tree takes its entry with it. */
export class PlanResults {
  readonly entries = new WeakMap<Node, PlanEntry>();
}

/**
 * For one list of plans in one environment (one validation), each plan's valid entry (undefined:
 * none yet), found once: every check of the validation asks about the same plans, and looking each
 * one up again per check was a tenth of a keystroke's work. Kept up to date as entries are made.
 */
interface PlanEntries {
  plans: readonly PlanRef[];
  entries: (PlanEntry | undefined)[];
}

function entriesOf(plans: readonly PlanRef[], environment: PlanCheckEnvironment): (PlanEntry | undefined)[] {
  if (environment.planEntries?.plans !== plans) {
    environment.planEntries = { plans, entries: plans.map((plan) => validEntry(plan, environment)) };
  }
  return environment.planEntries.entries;
}

/** What a check found in a plan with nothing to report: shared, never changed. */
const NOTHING_KEPT: readonly KeptDiagnostic[] = Object.freeze([]);
const NOTHING_FOUND: readonly OfferDiagnostic[] = Object.freeze([]);

/**
 * The diagnostics of the check named `checkKey` for every plan of `plans`: kept ones for the
 * plans whose node, index and environment are unchanged since they were computed, and
 * `run(stalePlans)` for the others. When every plan is stale the run's own order is kept.
 */
export function diagnosticsPerPlan(
  document: OfferDocument,
  plans: readonly PlanRef[],
  checkKey: string,
  environment: PlanCheckEnvironment,
  run: (plans: readonly PlanRef[]) => OfferDiagnostic[],
): OfferDiagnostic[] {
  const entries = entriesOf(plans, environment);
  const staleAt: number[] = [];
  for (let i = 0; i < plans.length; i++) {
    if (entries[i]?.byCheck.get(checkKey) === undefined) {
      staleAt.push(i);
    }
  }
  // All of them: the same array, so that what is found once per list of plans (authorizations,
  // role values) is shared by every check of this version instead of found again by each.
  const stale = staleAt.length === plans.length ? plans : staleAt.map((i) => plans[i]);
  const fresh = stale.length > 0 ? run(stale) : [];
  const byPlan = attribute(document, stale, fresh);
  if (byPlan.outside.length === 0) {
    staleAt.forEach((at, i) => keep(document, plans[at], at, entries, checkKey, environment, byPlan.inside[i]));
  } else {
    stale.forEach((plan) => environment.results.entries.get(plan.node)?.byCheck.delete(checkKey));
  }
  if (stale.length === plans.length) {
    return fresh;
  }
  const result: OfferDiagnostic[] = [];
  let next = 0;
  for (let i = 0; i < plans.length; i++) {
    if (staleAt[next] === i) {
      for (const diagnostic of byPlan.inside[next++]) {
        result.push(diagnostic);
      }
      continue;
    }
    const base = plans[i].node.offset;
    for (const { diagnostic, start, end } of entries[i]!.byCheck.get(checkKey)!) {
      result.push({ ...diagnostic, range: document.rangeAt(base + start, end - start) });
    }
  }
  for (const diagnostic of byPlan.outside) {
    result.push(diagnostic);
  }
  return result;
}

/** The plan's entry, if it was made for the plan at this index and in this environment. */
function validEntry(plan: PlanRef, environment: PlanCheckEnvironment): PlanEntry | undefined {
  const entry = environment.results.entries.get(plan.node);
  return entry && entry.index === plan.index && entry.catalog === environment.catalog && entry.baseline === environment.baseline ? entry : undefined;
}

function keep(
  document: OfferDocument,
  plan: PlanRef,
  at: number,
  entries: (PlanEntry | undefined)[],
  checkKey: string,
  environment: PlanCheckEnvironment,
  diagnostics: readonly OfferDiagnostic[],
): void {
  let entry = entries[at];
  if (!entry) {
    entry = { index: plan.index, catalog: environment.catalog, baseline: environment.baseline, byCheck: new Map() };
    environment.results.entries.set(plan.node, entry);
    entries[at] = entry;
  }
  const base = plan.node.offset;
  entry.byCheck.set(
    checkKey,
    diagnostics.length === 0
      ? NOTHING_KEPT
      : diagnostics.map(({ range, ...diagnostic }) => ({
          diagnostic,
          start: document.offsetAt(range.start) - base,
          end: document.offsetAt(range.end) - base,
        })),
  );
}

/** `diagnostics` sorted into the plans whose text holds them (plans are in text order). */
function attribute(document: OfferDocument, plans: readonly PlanRef[], diagnostics: OfferDiagnostic[]): { inside: (readonly OfferDiagnostic[])[]; outside: OfferDiagnostic[] } {
  // A plan's own list is made only when something lands in it (most checks find nothing).
  const inside: (readonly OfferDiagnostic[])[] = new Array<readonly OfferDiagnostic[]>(plans.length).fill(NOTHING_FOUND);
  const outside: OfferDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const at = planHolding(plans, start, end);
    if (at < 0) {
      outside.push(diagnostic);
    } else {
      if (inside[at] === NOTHING_FOUND) {
        inside[at] = [];
      }
      (inside[at] as OfferDiagnostic[]).push(diagnostic);
    }
  }
  return { inside, outside };
}

function planHolding(plans: readonly PlanRef[], start: number, end: number): number {
  let low = 0;
  let high = plans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const node = plans[middle].node;
    if (end > node.offset + node.length) {
      low = middle + 1;
    } else if (start < node.offset) {
      high = middle - 1;
    } else {
      return middle;
    }
  }
  return -1;
}
