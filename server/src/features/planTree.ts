/**
 * The plans tree as data: an offer's text (already parsed) and its diagnostics → nodes with labels,
 * descriptions, icon ids, ranges and problem counts. The server builds it once per version of the
 * document (`lsp/offerRequests.ts`) and the extension's `planTreeProvider.ts` turns the nodes into
 * TreeItems.
 *
 * Linear in the offer and its diagnostics: the diagnostics are counted once into the nodes that
 * hold them (see {@link ProblemIndex}), never scanned again per node.
 */
import type { Node } from 'jsonc-parser';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { publishStatus, PublishStatus, StatusDiagnostic } from './publishStatus';
import { t } from '@core/l10n';
import { errorCount, warningCount } from '@core/text/counts';
import { formatHoursAndMinutes } from '@core/text/durations';
import { fromPointer } from '@core/model/jsonPointer';
import { OfferDocument } from '@core/model/offerDocument';
import { at, items, prop, str } from '@core/model/nodes';
import { AuthorizationKind, AuthorizationRef, authorizationsOf, offerName, PlanRef, plansOf } from '@core/model/offerStructure';
import type { ProblemCount, TreeNodeKind, TreeNodeModel } from '@core/protocol';

export type { ProblemCount, TreeNodeKind, TreeNodeModel };

/** A diagnostic as the tree needs it. */
export interface TreeDiagnostic extends StatusDiagnostic {
  message: string;
}

export interface PlanTreeOptions {
  catalog: RoleCatalog;
  /** Number of subscription ids in an audience CSV (relative to the offer), if it can be read. */
  csvIdCount?: (relativePath: string) => number | undefined;
  /** Shown when the offer has no name, id or alias yet (the file name). */
  fallbackName?: string;
  /** The offer's readiness when the caller has it already (of the same document and diagnostics). */
  status?: PublishStatus;
}

const MAX_TOOLTIP_MESSAGES = 5;

/** The root node of one offer: readiness, then its plans. */
export function buildOfferTree(
  document: OfferDocument,
  diagnostics: readonly TreeDiagnostic[],
  options: PlanTreeOptions,
): TreeNodeModel {
  const root = document.root?.type === 'object' ? document.root : undefined;
  const builder = new TreeBuilder(document, new ProblemIndex(diagnostics), options);
  const offer = builder.node('offer', '', offerLabel(root, options.fallbackName), 'package', root);
  const offerId = str(prop(root, 'offerId'));
  offer.description = offerId && offerLabel(root) !== offerId ? offerId : undefined;
  if (!root) {
    offer.children.push(
      builder.message(
        '',
        document.root ? t('An offer is a JSON object: the file holds something else.') : t('The file cannot be read as JSON yet.'),
      ),
    );
    return builder.withProblemText(offer);
  }
  offer.children.push(builder.readiness(options.status ?? publishStatus(document, diagnostics)));
  const plans = plansOf(root);
  if (plans.length === 0) {
    offer.children.push(builder.message('', t('No plan yet: use "Add Plan".')));
  }
  for (const plan of plans) {
    offer.children.push(builder.plan(plan));
  }
  return builder.withProblemText(offer);
}

function offerLabel(root: Node | undefined, fallback?: string): string {
  return offerName(root) ?? fallback ?? t('Untitled offer');
}

function nonEmpty(text: string | undefined): string | undefined {
  return text && text.trim() !== '' ? text : undefined;
}

class TreeBuilder {
  constructor(
    private readonly document: OfferDocument,
    private readonly problems: ProblemIndex,
    private readonly options: PlanTreeOptions,
  ) {}

  node(kind: TreeNodeKind, pointer: string, label: string, icon: string, value: Node | undefined): TreeNodeModel {
    return {
      kind,
      id: `${kind}:${pointer}`,
      label,
      icon,
      pointer,
      range: value ? this.document.rangeOf(value) : undefined,
      problems: this.problems.within(pointer),
      children: [],
    };
  }

  /** A hint in place of missing children; its id is its parent's pointer, unique per parent. */
  message(parentPointer: string, text: string): TreeNodeModel {
    return { ...this.node('message', parentPointer, text, 'info', undefined), problems: emptyProblems() };
  }

  readiness(status: PublishStatus): TreeNodeModel {
    const node = this.node('readiness', '/readiness', t('Publish readiness'), status.ready ? 'pass' : 'checklist', undefined);
    node.description = status.ready
      ? t('ready to publish')
      : status.blockingProblems === 1
        ? t('1 blocking problem')
        : t('{0} blocking problems', status.blockingProblems);
    // The readiness node counts blocking problems itself; its own icon must not double as a badge.
    node.problems = emptyProblems();
    for (const section of status.sections) {
      const value = section.pointer ? this.document.nodeAt(fromPointer(section.pointer)) : undefined;
      const child = this.node('section', `/readiness/${section.id}`, section.title, sectionIcon(section.state), value);
      child.problems = emptyProblems();
      child.description =
        section.blockingProblems > 0
          ? `${section.stateLabel} — ${errorCount(section.blockingProblems)}`
          : section.stateLabel;
      if (section.blockingProblems > 0) {
        child.problems.errors = section.blockingProblems;
      }
      node.children.push(child);
    }
    return node;
  }

  plan(plan: PlanRef): TreeNodeModel {
    const pointer = `/plans/${plan.index}`;
    const visibility = str(prop(plan.node, 'visibility'));
    const node = this.node(
      'plan',
      pointer,
      nonEmpty(plan.planId) ?? t('(plan {0} has no plan ID)', plan.index + 1),
      visibility === 'private' ? 'lock' : visibility === 'public' ? 'globe' : 'circle-outline',
      plan.node,
    );
    node.planIndex = plan.index;
    const parts: string[] = [];
    const name = str(prop(plan.node, 'name'));
    if (name && name !== plan.planId) {
      parts.push(name);
    }
    if (visibility === 'private') {
      parts.push(this.audienceText(plan.node));
    } else if (visibility === 'public') {
      parts.push(t('public'));
    }
    node.description = parts.join(' · ') || undefined;

    const authorizations = authorizationsOf(plan, 'authorizations');
    const eligible = authorizationsOf(plan, 'eligibleAuthorizations');
    for (const authorization of [...authorizations, ...eligible]) {
      node.children.push(this.authorization(authorization));
    }
    if (authorizations.length === 0) {
      node.children.push(this.message(pointer, t('No authorization yet: use "Add Authorization".')));
    }
    return this.withProblemText(node);
  }

  /** "private · 12 subscriptions" (inline ids plus those of the CSV, when it can be read). */
  private audienceText(plan: Node): string {
    const audience = prop(plan, 'privateAudience');
    const inline = items(prop(audience, 'subscriptionIds')).filter((id) => id.type === 'string').length;
    const csv = str(prop(audience, 'csv'));
    const fromCsv = csv ? this.options.csvIdCount?.(csv) : 0;
    const count = (n: number) => (n === 1 ? t('1 subscription') : t('{0} subscriptions', n));
    // A CSV that cannot be read is named rather than counted: its problem is in the Problems panel.
    return fromCsv === undefined ? t('private · {0} + {1}', count(inline), csv ?? '') : t('private · {0}', count(inline + fromCsv));
  }

  authorization(authorization: AuthorizationRef): TreeNodeModel {
    const kind: AuthorizationKind = authorization.kind;
    const pointer = `/plans/${authorization.plan.index}/technicalConfiguration/${kind}/${authorization.index}`;
    const displayName = nonEmpty(str(prop(authorization.node, 'principalIdDisplayName'))) ?? t('(no display name)');
    const node = this.node(
      kind === 'authorizations' ? 'authorization' : 'eligibleAuthorization',
      pointer,
      `${displayName} — ${this.roleName(authorization.roleDefinitionId)}`,
      kind === 'authorizations' ? 'person' : 'watch',
      authorization.node,
    );
    node.planIndex = authorization.plan.index;
    const details: string[] = [];
    if (kind === 'eligibleAuthorizations') {
      const duration = str(at(authorization.node, 'justInTimeAccessPolicy', 'maximumActivationDuration'));
      details.push(duration ? t('eligible · up to {0}', describeDuration(duration)) : t('eligible'));
    }
    const delegated = items(prop(authorization.node, 'delegatedRoleDefinitionIds'))
      .map((id) => str(id))
      .filter((id): id is string => id !== undefined);
    if (delegated.length > 0) {
      details.push(t('can assign {0}', delegated.map((id) => this.roleName(id)).join(', ')));
    }
    node.description = details.join(' · ') || undefined;
    node.tooltip = authorization.principalId ? t('Principal {0}', authorization.principalId) : undefined;
    return this.withProblemText(node);
  }

  /** The role's name; the GUID itself only when the catalog does not know it. */
  private roleName(roleId: string | undefined): string {
    if (roleId === undefined || roleId.trim() === '') {
      return t('(no role)');
    }
    return this.options.catalog.findById(roleId)?.roleName ?? t('unknown role {0}', roleId);
  }

  /** Puts the problem count in front of the description and the messages in the tooltip. */
  withProblemText(node: TreeNodeModel): TreeNodeModel {
    const summary = problemSummary(node.problems);
    if (summary) {
      node.description = node.description ? `${summary} · ${node.description}` : summary;
      const lines = [node.tooltip, ...this.problems.messagesWithin(node.pointer)].filter((line): line is string => !!line);
      node.tooltip = lines.join('\n');
    }
    return node;
  }
}

function emptyProblems(): ProblemCount {
  return { errors: 0, warnings: 0, infos: 0 };
}

/** A node's count, and the first messages of its errors and warnings (for its tooltip). */
interface CountedProblems extends ProblemCount {
  messages: string[];
}

/**
 * The diagnostics counted into the nodes of the tree that hold them, in one pass: the offer
 * (every diagnostic), a plan (`/plans/<i>` and below) and an authorization
 * (`/plans/<i>/technicalConfiguration/<authorizations|eligibleAuthorizations>/<j>` and below).
 * A node then finds its count by its pointer. Each diagnostic's pointer is read up to its fifth
 * segment only, so the work is linear in the diagnostics however long their pointers are.
 */
export class ProblemIndex {
  private readonly byPointer = new Map<string, CountedProblems>();
  private readonly all: CountedProblems = { ...emptyProblems(), messages: [] };

  constructor(diagnostics: readonly TreeDiagnostic[]) {
    for (const diagnostic of diagnostics) {
      add(this.all, diagnostic);
      const [plan, authorization] = holdingPointers(diagnostic.path);
      if (plan !== undefined) {
        add(this.countOf(plan), diagnostic);
      }
      if (authorization !== undefined) {
        add(this.countOf(authorization), diagnostic);
      }
    }
  }

  /** The problems at `pointer` and below ('' for the whole offer): a copy, for the node to keep. */
  within(pointer: string): ProblemCount {
    const count = this.counted(pointer);
    return count ? { errors: count.errors, warnings: count.warnings, infos: count.infos } : emptyProblems();
  }

  /** The first few messages of the errors and warnings at `pointer` and below. */
  messagesWithin(pointer: string): readonly string[] {
    return this.counted(pointer)?.messages ?? [];
  }

  private counted(pointer: string): CountedProblems | undefined {
    return pointer === '' ? this.all : this.byPointer.get(pointer);
  }

  private countOf(pointer: string): CountedProblems {
    let count = this.byPointer.get(pointer);
    if (!count) {
      count = { ...emptyProblems(), messages: [] };
      this.byPointer.set(pointer, count);
    }
    return count;
  }
}

function add(count: CountedProblems, diagnostic: TreeDiagnostic): void {
  if (diagnostic.severity === 'error') {
    count.errors++;
  } else if (diagnostic.severity === 'warning') {
    count.warnings++;
  } else {
    count.infos++;
    return;
  }
  if (count.messages.length < MAX_TOOLTIP_MESSAGES) {
    count.messages.push(diagnostic.message);
  }
}

/**
 * The pointers of the plan node and the authorization node that hold a diagnostic at `path`
 * (undefined where none does): `/plans/0/technicalConfiguration/authorizations/3/roleDefinitionId`
 * → `/plans/0` and `/plans/0/technicalConfiguration/authorizations/3`.
 */
export function holdingPointers(path: string): [string | undefined, string | undefined] {
  const ends: number[] = [];
  for (let at = path.indexOf('/', 1); at >= 0 && ends.length < 5; at = path.indexOf('/', at + 1)) {
    ends.push(at);
  }
  if (ends.length < 5) {
    ends.push(path.length);
  }
  const segment = (index: number) => path.slice(index === 0 ? 1 : ends[index - 1] + 1, ends[index]);
  if (!path.startsWith('/plans/') || ends.length < 2 || !isIndex(segment(1))) {
    return [undefined, undefined];
  }
  const plan = path.slice(0, ends[1]);
  if (ends.length < 5 || segment(2) !== 'technicalConfiguration' || !isAuthorizationKind(segment(3)) || !isIndex(segment(4))) {
    return [plan, undefined];
  }
  return [plan, path.slice(0, ends[4])];
}

function isAuthorizationKind(segment: string): segment is AuthorizationKind {
  return segment === 'authorizations' || segment === 'eligibleAuthorizations';
}

/** An array index as the tree's pointers write it: decimal digits, no sign, no leading zero. */
function isIndex(segment: string): boolean {
  if (segment.length === 0 || (segment.length > 1 && segment.charCodeAt(0) === 0x30)) {
    return false;
  }
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code < 0x30 || code > 0x39) {
      return false;
    }
  }
  return true;
}

/** "2 errors", "1 warning", "1 error, 3 warnings"; '' when there is nothing to say. */
export function problemSummary(problems: ProblemCount): string {
  const parts: string[] = [];
  if (problems.errors > 0) {
    parts.push(errorCount(problems.errors));
  }
  if (problems.warnings > 0) {
    parts.push(warningCount(problems.warnings));
  }
  return parts.join(', ');
}

function sectionIcon(state: 'notStarted' | 'incomplete' | 'complete'): string {
  return state === 'complete' ? 'pass' : state === 'incomplete' ? 'error' : 'circle-large-outline';
}

/** "PT8H" → "8 hours (PT8H)", "PT30M" → "30 minutes (PT30M)"; anything else as written. */
export function describeDuration(duration: string): string {
  const readable = formatHoursAndMinutes(duration);
  return readable === undefined ? duration : `${readable} (${duration})`;
}

/** Every node of a tree, depth first (tests and the provider's lookup by id). */
export function flattenTree(node: TreeNodeModel): TreeNodeModel[] {
  return [node, ...node.children.flatMap(flattenTree)];
}
