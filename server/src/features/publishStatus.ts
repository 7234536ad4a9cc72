/**
 * Publish readiness: the sections of Partner Center's "Review and publish" page, each Not started
 * (none of its fields written yet), Incomplete (written, with an error in it) or Complete, and how
 * many errors stand between the offer and submission.
 *
 * Pure: it takes the parsed offer and the diagnostics already computed (by the language service,
 * or, in the client, the diagnostics VS Code holds for the file, whose `data.path` carries the same
 * JSON pointer), so the tree, the preview and the status bar all agree with the Problems panel.
 */
import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { OfferDocument } from '@core/model/offerDocument';
import { items, prop, str } from '@core/model/nodes';
import type { Severity } from '../rules/diagnostic';

/** What publish status needs of a diagnostic: an `OfferDiagnostic` fits, so does a client's. */
export interface StatusDiagnostic {
  severity: Severity;
  /** JSON pointer of the offending (or missing) value; '' for the whole file. */
  path: string;
}

export type SectionState = 'notStarted' | 'incomplete' | 'complete';

export interface PublishSection {
  /** Stable id: `offerSetup`, `properties`, `listing`, `previewAudience`, `plans`, `plan:<index>`. */
  id: string;
  title: string;
  state: SectionState;
  /** Errors inside the section: they block submission. */
  blockingProblems: number;
  /** Where the section starts in the offer, to reveal it (the first of its properties present). */
  pointer: string;
}

export interface PublishStatus {
  sections: PublishSection[];
  /** Every error of the file, including those outside any section (a syntax error…). */
  blockingProblems: number;
  incompleteSections: number;
  notStartedSections: number;
  /** Partner Center accepts a submission only when every section is Complete. */
  ready: boolean;
}

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
  const root = document.root?.type === 'object' ? document.root : undefined;
  const sections = sectionSpecs(root).map((spec) => toSection(spec, diagnostics));
  const blockingProblems = diagnostics.filter((d) => d.severity === 'error').length;
  const incompleteSections = sections.filter((s) => s.state === 'incomplete').length;
  const notStartedSections = sections.filter((s) => s.state === 'notStarted').length;
  return {
    sections,
    blockingProblems,
    incompleteSections,
    notStartedSections,
    ready: blockingProblems === 0 && sections.every((s) => s.state === 'complete'),
  };
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
      title: planId ? t('Plan "{0}"', planId) : t('Plan {0}', index + 1),
      pointers: [`/plans/${index}`],
      started: true,
    });
  });
  return specs.map((spec) => ({
    ...spec,
    reveal: spec.pointers.find((pointer) => has(pointer.split('/')[1])) ?? spec.pointers[0],
  }));
}

function toSection(spec: SectionSpec, diagnostics: readonly StatusDiagnostic[]): PublishSection {
  const own = diagnostics.filter((d) => d.severity === 'error' && ownedBy(spec, d.path));
  const state: SectionState = !spec.started ? 'notStarted' : own.length > 0 ? 'incomplete' : 'complete';
  return { id: spec.id, title: spec.title, state, blockingProblems: own.length, pointer: spec.reveal };
}

function ownedBy(spec: SectionSpec, path: string): boolean {
  if (spec.id === 'plans') {
    // `/plans` itself, but not `/plans/0/…`: those belong to the plan's own section.
    return path === '/plans' || (path.startsWith('/plans/') && !/^\/plans\/\d+(\/|$)/.test(path));
  }
  return spec.pointers.some((pointer) => isWithin(path, pointer));
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
export function summarizePublishStatus(status: PublishStatus): string {
  if (status.ready) {
    return t('Offer: ready to publish');
  }
  const errors = status.blockingProblems === 1 ? t('1 error') : t('{0} errors', status.blockingProblems);
  const notReady = status.incompleteSections + status.notStartedSections;
  const sections =
    notReady === 0
      ? t('all sections complete')
      : notReady === 1
        ? t('1 section incomplete')
        : t('{0} sections incomplete', notReady);
  return t('Offer: {0} — {1}', errors, sections);
}

/**
 * The errors of each section, in the order of `publishStatus(…).sections`: for a report that lists
 * them (the checker's `readiness`), by the same ownership that gives the sections their states.
 */
export function sectionErrors<D extends StatusDiagnostic>(document: OfferDocument, diagnostics: readonly D[]): D[][] {
  const root = document.root?.type === 'object' ? document.root : undefined;
  return sectionSpecs(root).map((spec) => diagnostics.filter((d) => d.severity === 'error' && ownedBy(spec, d.path)));
}
