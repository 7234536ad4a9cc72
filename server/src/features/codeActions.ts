/**
 * Code actions: a `quickfix` for each diagnostic of the request whose rule can fix it, and the
 * source action "Fix all auto-fixable problems", which applies the preferred fixes in rounds (see
 * MAX_FIX_ALL_ROUNDS): no two fixes of a round touch the same text, and each round starts from a
 * fresh check, so that no fix ever edits stale text.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { OFFER_DIAGNOSTIC_SOURCE } from '@core/knowledge/diagnosticSource';
import { t } from '@core/l10n';
import { OfferDocument } from '@core/model/offerDocument';
import { ruleByCode } from '../rules';
import type { OfferDiagnostic, Severity } from '../rules/diagnostic';
import type { FixContext, QuickFix } from '../rules/rule';
import { detectLayout } from './formatting';
import { schemaFixes } from './schemaFixes';
import { runToEnd, type Steps } from '../validation/steps';

export const QUICK_FIX_KIND = 'quickfix';
/** Our own fix-all kind: under `source.fixAll`, so "fix all on save" settings pick it up too. */
export const FIX_ALL_KIND = 'source.fixAll.marketplaceOffer';

/** The part of an LSP code action request that matters here. */
export interface CodeActionRequest {
  /** The diagnostics the client shows at the range (as this server published them). */
  diagnostics: Diagnostic[];
  /** Kinds the client asks for (`quickfix`, `source.fixAll`…); undefined: any. */
  only?: string[];
  /** 1: asked for by the user; 2: automatic (the light bulb following the cursor). */
  triggerKind?: number;
}

export interface CodeActionServices {
  catalog: RoleCatalog;
  /**
   * Checks another text of the same offer (same folder, files and baseline), for fix-all: as
   * steps, so that the server can yield between them (validation/steps.ts).
   */
  validationSteps(document: OfferDocument): Steps<OfferDiagnostic[]>;
  /** Where a fix that throws is logged. */
  log: FixLog;
}

/**
 * Fix-all applies, in each round, every preferred fix that does not touch another's text, then
 * checks the result again (a fix may make or reveal another problem). It stops when a round finds
 * nothing more to fix, or after this many rounds: a fix whose result brings its own diagnostic back
 * must not loop forever. Each round is one check and one pass over the problems, so fix-all costs a
 * few checks of the offer however many problems it fixes.
 */
export const MAX_FIX_ALL_ROUNDS = 10;

export function codeActions(document: OfferDocument, request: CodeActionRequest, services: CodeActionServices): CodeAction[] {
  return runToEnd(codeActionSteps(document, request, services));
}

/** The code actions as steps: quick fixes a few hundred diagnostics at a time, then fix-all's rounds. */
export function* codeActionSteps(document: OfferDocument, request: CodeActionRequest, services: CodeActionServices): Steps<CodeAction[]> {
  const actions: CodeAction[] = [];
  if (wants(request.only, QUICK_FIX_KIND)) {
    const context = fixContext(document, services.catalog);
    let sinceYield = 0;
    for (const diagnostic of request.diagnostics) {
      const offerDiagnostic = fromLspDiagnostic(diagnostic);
      if (!offerDiagnostic) {
        continue;
      }
      for (const fix of fixesFor(offerDiagnostic, context, services.log)) {
        actions.push({
          title: fix.title,
          kind: QUICK_FIX_KIND,
          diagnostics: [diagnostic],
          ...(fix.isPreferred ? { isPreferred: true } : {}),
          edit: { changes: { [document.uri]: fix.edits } },
        });
      }
      if (++sinceYield === FIXES_PER_STEP) {
        sinceYield = 0;
        yield;
      }
    }
  }
  // Fix-all checks the offer again after every round: worth it when asked for, not on every
  // automatic light-bulb request while the cursor moves.
  const askedExplicitly = request.only !== undefined || request.triggerKind !== 2;
  if (askedExplicitly && wants(request.only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(document, yield* fixAllSteps(document, services));
    if (fixAll) {
      actions.push(fixAll);
    }
  }
  return actions;
}

/** How many diagnostics' fixes are computed between two chances to yield. */
const FIXES_PER_STEP = 200;

/** Whether a kind was asked for: `only` lists kinds or their parents (`source` covers `source.fixAll.x`). */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(asked + '.'));
}

export interface FixAllResult {
  text: string;
  /** The code of each fix applied, in the order applied. */
  applied: string[];
}

/** The text that the preferred fixes make of the offer (see MAX_FIX_ALL_ROUNDS). */
export function fixAllText(document: OfferDocument, services: CodeActionServices): FixAllResult {
  return runToEnd(fixAllSteps(document, services));
}

/** A preferred fix of one diagnostic, with the span of text its edits cover. */
interface Candidate {
  code: string;
  /** What makes it the same fix in a later round (see `tried`). */
  key: string;
  edits: { start: number; end: number; newText: string }[];
  start: number;
  end: number;
}

export function* fixAllSteps(document: OfferDocument, services: CodeActionServices): Steps<FixAllResult> {
  let current = document;
  const applied: string[] = [];
  // A fix that was applied once and whose diagnostic came back is not tried again.
  const tried = new Set<string>();
  for (let round = 0; round < MAX_FIX_ALL_ROUNDS; round++) {
    const diagnostics = yield* services.validationSteps(current);
    yield;
    const candidates = yield* preferredFixes(current, diagnostics, services, tried);
    const result = applyWithoutBreaking(current, withoutOverlaps(candidates));
    yield;
    if (!result) {
      break;
    }
    for (const candidate of result.applied) {
      tried.add(candidate.key);
      applied.push(candidate.code);
    }
    current = result.document;
  }
  return { text: current.getText(), applied };
}

/** The first untried preferred fix of each diagnostic that changes something. */
function* preferredFixes(document: OfferDocument, diagnostics: OfferDiagnostic[], services: CodeActionServices, tried: Set<string>): Steps<Candidate[]> {
  const context = fixContext(document, services.catalog);
  const text = document.getText();
  const candidates: Candidate[] = [];
  let sinceYield = 0;
  for (const diagnostic of diagnostics) {
    for (const fix of fixesFor(diagnostic, context, services.log)) {
      const key = `${diagnostic.code}\0${diagnostic.path}\0${fix.title}`;
      if (!fix.isPreferred || tried.has(key)) {
        continue;
      }
      const edits = fix.edits
        .map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }))
        .sort((a, b) => a.start - b.start);
      // A fix whose own edits overlap is not trusted; one that changes nothing is no fix.
      if (edits.some((edit, i) => i > 0 && edit.start < edits[i - 1].end) || edits.every((edit) => text.slice(edit.start, edit.end) === edit.newText)) {
        continue;
      }
      candidates.push({ code: diagnostic.code, key, edits, start: edits[0].start, end: edits[edits.length - 1].end });
      break;
    }
    if (++sinceYield === FIXES_PER_STEP) {
      sinceYield = 0;
      yield;
    }
  }
  return candidates;
}

/**
 * The candidates whose spans neither overlap nor touch an earlier one's (two insertions at the
 * same place would land in an arbitrary order). The others wait for the next round, when they are
 * computed again on the text the first ones made.
 */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: Candidate[] = [];
  let reachedTo = -1;
  for (const candidate of sorted) {
    if (candidate.start > reachedTo) {
      accepted.push(candidate);
      reachedTo = candidate.end;
    }
  }
  return accepted;
}

/**
 * The document with the candidates' edits made, in one pass over the text. A fix must never break
 * the file: when the result has more syntax errors than before, the candidates are halved until
 * the ones to blame are found and left out (a parse per halving, only when some fix misbehaves).
 * Undefined when nothing could be applied.
 */
function applyWithoutBreaking(document: OfferDocument, candidates: Candidate[]): { document: OfferDocument; applied: Candidate[] } | undefined {
  const attempt = (subset: Candidate[]): OfferDocument | undefined => {
    if (subset.length === 0) {
      return undefined;
    }
    const result = OfferDocument.fromText(applyCandidates(document.getText(), subset), document.uri, document.version);
    const breaks = result.syntaxErrors.length > document.syntaxErrors.length || (document.root !== undefined && result.root === undefined);
    return breaks ? undefined : result;
  };
  const whole = attempt(candidates);
  if (whole) {
    return { document: whole, applied: candidates };
  }
  const good = harmless(candidates, attempt);
  const together = attempt(good);
  if (together) {
    return { document: together, applied: good };
  }
  // Harmless one by one but not together: keep the first, the others come back next round.
  const first = attempt(good.slice(0, 1));
  return first ? { document: first, applied: good.slice(0, 1) } : undefined;
}

/** The candidates that break nothing on their own, found by halving the ones that break something. */
function harmless(candidates: Candidate[], attempt: (subset: Candidate[]) => OfferDocument | undefined): Candidate[] {
  if (candidates.length <= 1) {
    return candidates.length === 1 && attempt(candidates) ? candidates : [];
  }
  const middle = candidates.length >> 1;
  const halves = [candidates.slice(0, middle), candidates.slice(middle)];
  return halves.flatMap((half) => (attempt(half) ? half : harmless(half, attempt)));
}

/** `text` with the (disjoint, sorted) candidates' edits made. */
function applyCandidates(text: string, candidates: Candidate[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const candidate of candidates) {
    for (const edit of candidate.edits) {
      pieces.push(text.slice(at, edit.start), edit.newText);
      at = edit.end;
    }
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

function fixAllAction(document: OfferDocument, { text, applied }: FixAllResult): CodeAction | undefined {
  if (applied.length === 0 || text === document.getText()) {
    return undefined;
  }
  return {
    title: t('Fix all auto-fixable problems'),
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: [minimalEdit(document, text)] } },
  };
}

/**
 * One edit that turns the document into `text`: only the part between the common beginning and
 * the common end is replaced, so the editor keeps the cursor and folding outside it.
 */
export function minimalEdit(document: OfferDocument, text: string): TextEdit {
  const before = document.getText();
  let start = 0;
  const shorter = Math.min(before.length, text.length);
  while (start < shorter && before.charCodeAt(start) === text.charCodeAt(start)) {
    start++;
  }
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) {
    end++;
  }
  // Never split a surrogate pair: an edit boundary inside an emoji would corrupt it.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) {
    start--;
  }
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) {
    end--;
  }
  return {
    range: document.rangeAt(start, before.length - end - start),
    newText: text.slice(start, text.length - end),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The quick fixes for one diagnostic: `schema` fixes are ours, the others belong to the rules. A
 * fix that throws offers nothing (the other fixes still count), and is logged: it is a bug to see.
 */
export function fixesFor(diagnostic: OfferDiagnostic, context: FixContext, log: FixLog): QuickFix[] {
  try {
    return diagnostic.code === 'schema' ? schemaFixes(diagnostic, context) : (ruleByCode(diagnostic.code)?.fix?.(diagnostic, context) ?? []);
  } catch (error) {
    // The code and the stack only: the offer's keys and values stay out of the log.
    log.error(`The quick fix of '${diagnostic.code}' failed: ${describeError(error)}`);
    return [];
  }
}

/** Where a failing fix is told: the server's log (logging/serverLog.ts), or what the caller gives. */
export interface FixLog {
  error(message: string): void;
}

/** An error's stack (which names the fix's code), or what was thrown. */
function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

function fixContext(document: OfferDocument, catalog: RoleCatalog): FixContext {
  return { document, catalog, formatting: detectLayout(document.getText()) };
}

const severities: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

/**
 * The language service's diagnostic back from the LSP one the client returns: the server put the
 * JSON pointer and the rule's facts into `data` (see `toLspDiagnostic` in lsp/lspDiagnostics.ts).
 */
export function fromLspDiagnostic(diagnostic: Diagnostic): OfferDiagnostic | undefined {
  if (typeof diagnostic.code !== 'string' || (diagnostic.source !== undefined && diagnostic.source !== OFFER_DIAGNOSTIC_SOURCE)) {
    return undefined;
  }
  const { path, ...facts } = isRecord(diagnostic.data) ? diagnostic.data : ({} as Record<string, unknown>);
  return {
    code: diagnostic.code,
    severity: severities[diagnostic.severity ?? 1] ?? 'error',
    message: diagnostic.message,
    range: diagnostic.range,
    path: typeof path === 'string' ? path : '',
    ...(Object.keys(facts).length > 0 ? { data: facts } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
