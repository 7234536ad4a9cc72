/**
 * The plans tree as data: an offer's text (already parsed) and its diagnostics → nodes with labels,
 * descriptions, icon ids, ranges and problem counts. No `vscode` here, so that it is tested as is;
 * `planTreeProvider.ts` turns these nodes into TreeItems.
 */
import type { Node } from 'jsonc-parser';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { isWithin, PublishStatus, publishStatus, sectionStateLabel, StatusDiagnostic } from './publishStatus';
import { t } from '@core/l10n';
import { fromPointer } from '@core/model/jsonPointer';
import { OfferDocument } from '@core/model/offerDocument';
import { at, items, prop, str } from '@core/model/nodes';
import { AuthorizationKind, AuthorizationRef, authorizationsOf, PlanRef, plansOf } from '@core/model/offerStructure';

export type TreeNodeKind =
  | 'offer'
  | 'readiness'
  | 'section'
  | 'plan'
  | 'authorization'
  | 'eligibleAuthorization'
  | 'message';

export interface TreeRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A diagnostic as the tree needs it (the client's diagnostics are converted to this). */
export interface TreeDiagnostic extends StatusDiagnostic {
  message: string;
}

export interface ProblemCount {
  errors: number;
  warnings: number;
  infos: number;
  /** The messages of the errors and warnings, for the tooltip (at most a few). */
  messages: string[];
}

export interface TreeNodeModel {
  kind: TreeNodeKind;
  /** Unique and stable across edits that don't move the node: offer URI + JSON pointer. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id (`lock`, `globe`, `person`…); the provider shows `error`/`warning` over it. */
  icon: string;
  /** JSON pointer of the node's value in the offer (what remove and add-authorization act on). */
  pointer: string;
  /** What clicking selects in the editor; absent when there is nothing to select. */
  range?: TreeRange;
  problems: ProblemCount;
  children: TreeNodeModel[];
  /** The document version the node was computed from: edits refuse to act on a stale node. */
  version: number;
  /** The plan's index for plan and authorization nodes. */
  planIndex?: number;
}

export interface PlanTreeOptions {
  catalog: RoleCatalog;
  /** Number of subscription ids in an audience CSV (relative to the offer), if it can be read. */
  csvIdCount?: (relativePath: string) => number | undefined;
  /** Shown when the offer has no name, id or alias yet (the file name). */
  fallbackName?: string;
}

const MAX_TOOLTIP_MESSAGES = 5;

/** The root node of one offer: readiness, then its plans. */
export function buildOfferTree(
  document: OfferDocument,
  diagnostics: readonly TreeDiagnostic[],
  options: PlanTreeOptions,
): TreeNodeModel {
  const root = document.root?.type === 'object' ? document.root : undefined;
  const builder = new TreeBuilder(document, diagnostics, options);
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
  offer.children.push(builder.readiness(publishStatus(document, diagnostics)));
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
  return (
    nonEmpty(str(at(root, 'listing', 'name'))) ??
    nonEmpty(str(prop(root, 'alias'))) ??
    nonEmpty(str(prop(root, 'offerId'))) ??
    fallback ??
    t('Untitled offer')
  );
}

function nonEmpty(text: string | undefined): string | undefined {
  return text && text.trim() !== '' ? text : undefined;
}

class TreeBuilder {
  constructor(
    private readonly document: OfferDocument,
    private readonly diagnostics: readonly TreeDiagnostic[],
    private readonly options: PlanTreeOptions,
  ) {}

  node(kind: TreeNodeKind, pointer: string, label: string, icon: string, value: Node | undefined): TreeNodeModel {
    return {
      kind,
      id: `${this.document.uri}#${kind}:${pointer}`,
      label,
      icon,
      pointer,
      range: value ? this.document.rangeOf(value) : undefined,
      problems: this.problemsWithin(pointer),
      children: [],
      version: this.document.version,
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
          ? `${sectionStateLabel(section.state)} — ${errorCount(section.blockingProblems)}`
          : sectionStateLabel(section.state);
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

  problemsWithin(pointer: string): ProblemCount {
    const problems = emptyProblems();
    for (const diagnostic of this.diagnostics) {
      // The offer node ('') gathers everything; other nodes their own subtree.
      if (pointer !== '' && !isWithin(diagnostic.path, pointer)) {
        continue;
      }
      if (diagnostic.severity === 'error') {
        problems.errors++;
      } else if (diagnostic.severity === 'warning') {
        problems.warnings++;
      } else {
        problems.infos++;
        continue;
      }
      if (problems.messages.length < MAX_TOOLTIP_MESSAGES) {
        problems.messages.push(diagnostic.message);
      }
    }
    return problems;
  }

  /** Puts the problem count in front of the description and the messages in the tooltip. */
  withProblemText(node: TreeNodeModel): TreeNodeModel {
    const summary = problemSummary(node.problems);
    if (summary) {
      node.description = node.description ? `${summary} · ${node.description}` : summary;
      const lines = [node.tooltip, ...node.problems.messages].filter((line): line is string => !!line);
      node.tooltip = lines.join('\n');
    }
    return node;
  }
}

function emptyProblems(): ProblemCount {
  return { errors: 0, warnings: 0, infos: 0, messages: [] };
}

/** "2 errors", "1 warning", "1 error, 3 warnings"; '' when there is nothing to say. */
export function problemSummary(problems: ProblemCount): string {
  const parts: string[] = [];
  if (problems.errors > 0) {
    parts.push(errorCount(problems.errors));
  }
  if (problems.warnings > 0) {
    parts.push(problems.warnings === 1 ? t('1 warning') : t('{0} warnings', problems.warnings));
  }
  return parts.join(', ');
}

export function errorCount(count: number): string {
  return count === 1 ? t('1 error') : t('{0} errors', count);
}

function sectionIcon(state: 'notStarted' | 'incomplete' | 'complete'): string {
  return state === 'complete' ? 'pass' : state === 'incomplete' ? 'error' : 'circle-large-outline';
}

/** "PT8H" → "8 hours (PT8H)", "PT30M" → "30 minutes (PT30M)"; anything else as written. */
export function describeDuration(duration: string): string {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    return duration;
  }
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2] ?? 0);
  const parts: string[] = [];
  if (hours > 0) {
    parts.push(hours === 1 ? t('1 hour') : t('{0} hours', hours));
  }
  if (minutes > 0) {
    parts.push(minutes === 1 ? t('1 minute') : t('{0} minutes', minutes));
  }
  return parts.length === 0 ? duration : `${parts.join(' ')} (${duration})`;
}

/** Every node of a tree, depth first (tests and the provider's lookup by id). */
export function flattenTree(node: TreeNodeModel): TreeNodeModel[] {
  return [node, ...node.children.flatMap(flattenTree)];
}
