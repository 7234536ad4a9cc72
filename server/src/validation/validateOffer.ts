import type { Node } from 'jsonc-parser';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { rules } from '../rules';
import type { ReportTarget, Rule, RuleContext } from '../rules/rule';
import { plansOf, type PlanRef } from '@core/model/offerStructure';
import { diagnosticsPerPlan, type PlanCheckEnvironment, PlanResults } from './planResults';
import { Memo } from '@core/model/caching';
import type { OfferFiles } from '../workspace/offerFiles';
import { missingPropertyRange } from './ranges';
import { schemaDiagnostics, syntaxDiagnostics } from './schemaValidation';
import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { runToEnd, type Steps } from './steps';
import { withSecretsHidden } from '../secretsHidden';

export interface ValidationInput {
  document: OfferDocument;
  catalog: RoleCatalog;
  files?: OfferFiles;
  /** The published baseline, already parsed (undefined: none, or it does not parse). */
  baseline?: OfferDocument;
  /** The rules to run (all of them unless a test narrows it). */
  rules?: readonly Rule[];
  /** What the language service keeps from one check to the next; without it, nothing is kept. */
  kept?: KeptAcrossChecks;
}

/**
 * What a language service keeps from one check of an offer to the next, its own and no other
 * service's (core/src/model/caching.ts, rule 4).
 */
export interface KeptAcrossChecks {
  /** Each plan's diagnostics while the plan is unchanged (planResults.ts). */
  readonly planResults: PlanResults;
  /** What rules keep (`RuleContext.memo`). */
  readonly memo: Memo;
}

export function keptAcrossChecks(): KeptAcrossChecks {
  return { planResults: new PlanResults(), memo: new Memo() };
}

/**
 * Every problem of an offer: syntax, schema, then each rule. A schema problem at the same place
 * as a rule's is dropped: the rule says it more precisely, and one problem gets one diagnostic.
 * A rule that throws is reported as an internal problem, never allowed to stop the others.
 * Every message has its secrets hidden (`secretsHidden.ts`): every check ends here, whether the
 * Problems panel, the tree of an offer no editor has open, a fix-all or the checker asked for it.
 */
export function validateOffer(input: ValidationInput): OfferDiagnostic[] {
  return runToEnd(validationSteps(input));
}

/** The same check as steps (one per rule, then the schema): the server runs them yielding (steps.ts). */
export function* validationSteps(input: ValidationInput): Steps<OfferDiagnostic[]> {
  return withSecretsHidden(yield* diagnosticSteps(input));
}

/** {@link validationSteps} before secrets are hidden. */
function* diagnosticSteps(input: ValidationInput): Steps<OfferDiagnostic[]> {
  const { document } = input;
  const diagnostics = syntaxDiagnostics(document);
  const root = document.root;
  if (!root || root.type !== 'object') {
    if (root) {
      diagnostics.push({
        code: 'schema',
        severity: 'error',
        message: t('An offer is a JSON object ({ … }), not {0}.', root.type),
        range: document.rangeOf(root),
        path: '',
      });
    }
    return diagnostics;
  }

  const plans = plansOf(root);
  const kept = input.kept ?? keptAcrossChecks();
  const environment: PlanCheckEnvironment = { catalog: input.catalog, baseline: input.baseline, results: kept.planResults };
  const ruleDiagnostics: OfferDiagnostic[] = [];
  for (const rule of input.rules ?? rules) {
    if (rule.needsBaseline && !input.baseline) {
      continue;
    }
    // Appended one by one: push(...found) passes each as an argument, and a rule may find 200,000.
    const found = rule.scope === 'plan' ? diagnosticsPerPlan(document, plans, rule.code, environment, (stale) => runRule(rule, input, kept.memo, root, stale)) : runRule(rule, input, kept.memo, root, plans);
    for (const diagnostic of found) {
      ruleDiagnostics.push(diagnostic);
    }
    yield;
  }

  const rulePaths = new Set(ruleDiagnostics.map((d) => d.path));
  const schema = schemaDiagnostics(document, environment).filter((d) => !rulePaths.has(d.path));
  return [...diagnostics, ...schema, ...ruleDiagnostics];
}

/** One rule's diagnostics; a rule that throws is reported as an internal problem. */
function runRule(rule: Rule, input: ValidationInput, memo: Memo, root: Node, plans: readonly PlanRef[]): OfferDiagnostic[] {
  const { document } = input;
  const found: OfferDiagnostic[] = [];
  const context: RuleContext = {
    document,
    root,
    plans,
    catalog: input.catalog,
    files: input.files,
    baseline: input.baseline,
    memo,
    report(target: ReportTarget, message: string, data?: Record<string, unknown>) {
      found.push({ code: rule.code, severity: rule.severity, message, ...locate(document, target), ...(data ? { data } : {}) });
    },
  };
  try {
    rule.check(context);
  } catch (error) {
    found.push({
      code: rule.code,
      severity: 'info',
      message: t('The check {0} failed on this file: {1}', rule.code, quoteValue(error instanceof Error ? error.message : String(error))),
      range: document.rangeAt(0, 0),
      path: '',
    });
  }
  return found;
}

function locate(document: OfferDocument, target: ReportTarget): Pick<OfferDiagnostic, 'range' | 'path'> {
  if ('missing' in target) {
    return {
      range: missingPropertyRange(document, target.in),
      path: document.pointerOf(target.in) + '/' + target.missing.replace(/~/g, '~0').replace(/\//g, '~1'),
    };
  }
  if ('path' in target && typeof target.path === 'string') {
    return { range: document.rangeAt(target.offset, target.length), path: target.path };
  }
  const node = target as Node;
  return { range: document.rangeOf(node), path: document.pointerOf(node) };
}
