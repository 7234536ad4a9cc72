import type { Node } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import type { Memo } from '@core/model/caching';
import type { OfferDocument } from '@core/model/offerDocument';
import type { PlanRef } from '@core/model/offerStructure';
import type { OfferFiles } from '../workspace/offerFiles';
import type { OfferDiagnostic, Severity } from './diagnostic';

/** What a rule sees: the parsed offer and the services it may ask. */
export interface RuleContext {
  readonly document: OfferDocument;
  /** The root node (an object for any offer worth checking). */
  readonly root: Node;
  /**
   * The plans to check: every plan of the offer, except for a rule of `scope: 'plan'`, which may be
   * given only the plans that changed since it last ran.
   */
  readonly plans: readonly PlanRef[];
  readonly catalog: RoleCatalog;
  /** Files beside the offer (images, CSVs); undefined for an unsaved offer, whose paths can't be resolved. */
  readonly files: OfferFiles | undefined;
  /** The offer as last published (`<name>.published.json`), when there is one that parses. */
  readonly baseline: OfferDocument | undefined;
  /**
   * Answers a rule may keep from one check to the next (a text's language), owned by the language
   * service that runs the check: see core/src/model/caching.ts. A check run alone gets a fresh one.
   */
  readonly memo: Memo;
  /** Reports a problem on a value node, or on a missing property of an object node. */
  readonly report: (target: ReportTarget, message: string, data?: Record<string, unknown>) => void;
}

export type ReportTarget =
  | Node
  /** `key` is absent from the object `in`: the range goes on the object's own key (or its `{`). */
  | { missing: string; in: Node }
  /** An explicit range inside the document, with the pointer it concerns. */
  | { offset: number; length: number; path: string };

/** A quick fix: a title and the edits (on the offer's text) that make it. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without looking: offered by "Fix all auto-fixable problems". */
  isPreferred?: boolean;
}

export interface FixContext {
  readonly document: OfferDocument;
  readonly catalog: RoleCatalog;
  /** Formatting of the file (indentation) for edits computed with jsonc-parser's `modify`. */
  readonly formatting: { tabSize: number; insertSpaces: boolean; eol: string };
}

/**
 * One rule of `offer-format.md`: its code and severity are the contract; `docs` says in a sentence
 * what it checks and why (shown in hovers and the README). A new rule is one module and one line in
 * `rules/index.ts`.
 */
export interface Rule {
  readonly code: string;
  readonly severity: Severity;
  readonly docs: string;
  /** Rules marked *baseline* in the spec: silent when there is no published baseline. */
  readonly needsBaseline?: boolean;
  /**
   * `'plan'`: the rule looks only at `context.plans`, each on its own, and reports only inside
   * the plan it is looking at; what it finds depends on that plan, the catalog and the baseline,
   * never on other plans or on files. Its findings for an unchanged plan are then reused from the
   * previous version (validation/planResults.ts). Without it the rule runs on the whole offer.
   */
  readonly scope?: 'plan';
  check(context: RuleContext): void;
  /** Quick fixes for one of this rule's diagnostics. */
  fix?(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[];
}
