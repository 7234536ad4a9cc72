/**
 * Publish readiness: the sections of Partner Center's "Review and publish" page, each Not started
 * (none of its fields written yet), Incomplete (written, with an error in it) or Complete, and how
 * many errors stand between the offer and submission.
 *
 * Pure: it takes the parsed offer and the diagnostics the language service computed for that
 * version, so the tree, the preview and the status bar (which ask the server for it, see
 * `lsp/offerRequests.ts`) all agree with the Problems panel. Linear in the diagnostics: each is
 * put in its section by the first segments of its pointer.
 */
import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { OfferDocument } from '@core/model/offerDocument';
import { items, prop, str } from '@core/model/nodes';
import type { PublishSection, PublishStatus, SectionState } from '@core/protocol';
import { errorCount } from '@core/text/counts';
import { quoteValue } from '@core/text/quote';
import type { Severity } from '../rules/diagnostic';

/** What publish status needs of a diagnostic (an `OfferDiagnostic` fits). */
export interface StatusDiagnostic {
  severity: Severity;
  /** JSON pointer of the offending (or missing) value; '' for the whole file. */
  path: string;
}

export type { PublishSection, PublishStatus, SectionState };

/** A section is the set of top-level (or per-plan) properties Partner Center shows on one page. */
interface SectionSpec {
  id: string;
  title: string;
  /** Pointers whose subtree belongs to the section. */
  pointers: string[];
  /** Whether the user has written anything of the section. */
  started: boolean;
  /** The first of `pointers` present in the offer (or the first at all). */
  reveal: string;
}

export function publishStatus(document: OfferDocument, diagnostics: readonly StatusDiagnostic[]): PublishStatus {
  return publishReport(document, diagnostics).status;
}

/**
 * The publish status and the errors of each section, in the order of its sections: for a report
 * that lists them (the checker's `readiness`), by the same ownership that gives the sections their states.
 */
export function publishReport<D extends StatusDiagnostic>(
  document: OfferDocument,
  diagnostics: readonly D[],
): { status: PublishStatus; sectionErrors: D[][] } {
  const root = document.root?.type === 'object' ? document.root : undefined;
  const specs = sectionSpecs(root);
  const { bySection, blockingProblems } = errorsBySection(diagnostics);
  const sectionErrors = specs.map((spec) => bySection.get(spec.id) ?? []);
  const sections = specs.map((spec, index) => toSection(spec, sectionErrors[index].length));
  const incompleteSections = sections.filter((s) => s.state === 'incomplete').length;
  const notStartedSections = sections.filter((s) => s.state === 'notStarted').length;
  const ready = blockingProblems === 0 && sections.every((s) => s.state === 'complete');
  const status = {
    sections,
    blockingProblems,
    incompleteSections,
    notStartedSections,
    ready,
    summary: summaryLine(ready, blockingProblems, incompleteSections + notStartedSections),
  };
  return { status, sectionErrors };
}

/**
 * Each error put in its section by its pointer's first segments: one pass over the diagnostics,
 * whatever the number of plans (not a scan of every diagnostic per section). An error of no
 * section (a syntax error) still counts among the blocking problems.
 */
function errorsBySection<D extends StatusDiagnostic>(diagnostics: readonly D[]): { bySection: Map<string, D[]>; blockingProblems: number } {
  const bySection = new Map<string, D[]>();
  let blockingProblems = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'error') {
      continue;
    }
    blockingProblems++;
    const section = sectionOf(diagnostic.path);
    if (section !== undefined) {
      const errors = bySection.get(section);
      if (errors) {
        errors.push(diagnostic);
      } else {
        bySection.set(section, [diagnostic]);
      }
    }
  }
  return { bySection, blockingProblems };
}

function sectionSpecs(root: Node | undefined): SectionSpec[] {
  const has = (key: string) => prop(root, key) !== undefined;
  const plans = items(prop(root, 'plans'));
  const specs: Omit<SectionSpec, 'reveal'>[] = [
    {
      id: 'offerSetup',
      title: t('Offer setup'),
      pointers: ['/offerType', '/offerId', '/alias', '/leadManagement'],
      started: has('offerId') || has('alias') || has('leadManagement'),
    },
    { id: 'properties', title: t('Properties'), pointers: ['/properties'], started: has('properties') },
    { id: 'listing', title: t('Offer listing'), pointers: ['/listing'], started: has('listing') },
    {
      id: 'previewAudience',
      title: t('Preview audience'),
      pointers: ['/previewAudience'],
      started: has('previewAudience'),
    },
    // The plan overview: problems about the plans as a whole ("no plan"), not about one plan.
    { id: 'plans', title: t('Plan overview'), pointers: ['/plans'], started: plans.length > 0 },
  ];
  plans.forEach((plan, index) => {
    const planId = str(prop(plan, 'planId'));
    specs.push({
      id: `plan:${index}`,
      // Quoted as messages quote values: a plan ID's ESC must not reach the checker's output or the tree.
      title: planId ? t('Plan "{0}"', quoteValue(planId)) : t('Plan {0}', index + 1),
      pointers: [`/plans/${index}`],
      started: true,
    });
  });
  return specs.map((spec) => ({
    ...spec,
    reveal: spec.pointers.find((pointer) => has(pointer.split('/')[1])) ?? spec.pointers[0],
  }));
}

/** Where a top-level property's errors count. */
const SECTION_OF_PROPERTY: ReadonlyMap<string, string> = new Map([
  ['offerType', 'offerSetup'],
  ['offerId', 'offerSetup'],
  ['alias', 'offerSetup'],
  ['leadManagement', 'offerSetup'],
  ['properties', 'properties'],
  ['listing', 'listing'],
  ['previewAudience', 'previewAudience'],
]);

/**
 * The section that owns a pointer: by its first segment, and for `/plans/<index>/…` the plan's own
 * section (`/plans` itself, and anything under it that is not a plan, is the plan overview's).
 * Only the first two segments are read, however long the pointer.
 */
export function sectionOf(path: string): string | undefined {
  if (!path.startsWith('/')) {
    return undefined;
  }
  const firstEnd = path.indexOf('/', 1);
  const first = path.slice(1, firstEnd < 0 ? path.length : firstEnd);
  if (first !== 'plans') {
    return SECTION_OF_PROPERTY.get(first);
  }
  if (firstEnd < 0) {
    return 'plans';
  }
  const secondEnd = path.indexOf('/', firstEnd + 1);
  const second = path.slice(firstEnd + 1, secondEnd < 0 ? path.length : secondEnd);
  return isDecimal(second) ? `plan:${second}` : 'plans';
}

function isDecimal(text: string): boolean {
  if (text.length === 0) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) {
      return false;
    }
  }
  return true;
}

function toSection(spec: SectionSpec, errors: number): PublishSection {
  const state: SectionState = !spec.started ? 'notStarted' : errors > 0 ? 'incomplete' : 'complete';
  return { id: spec.id, title: spec.title, state, stateLabel: sectionStateLabel(state), blockingProblems: errors, pointer: spec.reveal };
}

/** Whether `path` is `pointer` or inside it (`/listing/name` is within `/listing`, `/listingX` is not). */
export function isWithin(path: string, pointer: string): boolean {
  return path === pointer || path.startsWith(pointer + '/');
}

export function sectionStateLabel(state: SectionState): string {
  switch (state) {
    case 'notStarted':
      return t('Not started');
    case 'incomplete':
      return t('Incomplete');
    case 'complete':
      return t('Complete');
  }
}

/** The status bar's line: "Offer: 3 errors — 2 sections incomplete", or "Offer: ready to publish". */
function summaryLine(ready: boolean, blockingProblems: number, notReady: number): string {
  if (ready) {
    return t('Offer: ready to publish');
  }
  const errors = errorCount(blockingProblems);
  const sections =
    notReady === 0
      ? t('all sections complete')
      : notReady === 1
        ? t('1 section incomplete')
        : t('{0} sections incomplete', notReady);
  return t('Offer: {0} — {1}', errors, sections);
}

