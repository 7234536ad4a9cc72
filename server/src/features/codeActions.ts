/**
 * Code actions: a `quickfix` for each diagnostic of the request whose rule can fix it, and the
 * source action "Fix all auto-fixable problems", which applies every preferred fix one at a time,
 * checking the offer again after each so that no two fixes ever edit stale text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { RoleCatalog } from '@core/catalog/roleCatalog';
import { OFFER_DIAGNOSTIC_SOURCE } from '@core/knowledge/diagnosticSource';
import { t } from '@core/l10n';
import { OfferDocument } from '@core/model/offerDocument';
import { ruleByCode } from '../rules';
import type { OfferDiagnostic, Severity } from '../rules/diagnostic';
import type { FixContext, QuickFix } from '../rules/rule';
import { keepSurroundingComments } from './commentSafeEdits';
import { detectLayout } from './formatting';
import { schemaFixes } from './schemaFixes';

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
  /** Checks another text of the same offer (same folder, files and baseline): for fix-all. */
  validate(document: OfferDocument): OfferDiagnostic[];
}

/**
 * Fix-all stops after this many fixes: each fix is followed by a full check, and a fix whose
 * result brings its own diagnostic back must not loop forever.
 */
export const MAX_FIX_ALL_ROUNDS = 64;

export function codeActions(document: OfferDocument, request: CodeActionRequest, services: CodeActionServices): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(request.only, QUICK_FIX_KIND)) {
    const context = fixContext(document, services.catalog);
    for (const diagnostic of request.diagnostics) {
      const offerDiagnostic = fromLspDiagnostic(diagnostic);
      if (!offerDiagnostic) {
        continue;
      }
      for (const fix of fixesFor(offerDiagnostic, context)) {
        actions.push({
          title: fix.title,
          kind: QUICK_FIX_KIND,
          diagnostics: [diagnostic],
          ...(fix.isPreferred ? { isPreferred: true } : {}),
          edit: { changes: { [document.uri]: fix.edits } },
        });
      }
    }
  }
  // Fix-all checks the offer again after every fix: worth it when asked for, not on every
  // automatic light-bulb request while the cursor moves.
  const askedExplicitly = request.only !== undefined || request.triggerKind !== 2;
  if (askedExplicitly && wants(request.only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(document, services);
    if (fixAll) {
      actions.push(fixAll);
    }
  }
  return actions;
}

/** Whether a kind was asked for: `only` lists kinds or their parents (`source` covers `source.fixAll.x`). */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(asked + '.'));
}

/** The text that the preferred fixes, applied one after another, make of the offer. */
export function fixAllText(document: OfferDocument, services: CodeActionServices): { text: string; applied: string[] } {
  let current = document;
  const applied: string[] = [];
  // A fix that was applied once and whose diagnostic came back is not tried again.
  const tried = new Set<string>();
  for (let round = 0; round < MAX_FIX_ALL_ROUNDS; round++) {
    const next = nextPreferredFix(current, services, tried);
    if (!next) {
      break;
    }
    current = next.document;
    applied.push(next.code);
  }
  return { text: current.getText(), applied };
}

function nextPreferredFix(
  document: OfferDocument,
  services: CodeActionServices,
  tried: Set<string>,
): { document: OfferDocument; code: string } | undefined {
  const context = fixContext(document, services.catalog);
  const syntaxErrorsBefore = document.syntaxErrors.length;
  for (const diagnostic of services.validate(document)) {
    for (const fix of fixesFor(diagnostic, context)) {
      const key = `${diagnostic.code}\0${diagnostic.path}\0${fix.title}`;
      if (!fix.isPreferred || tried.has(key)) {
        continue;
      }
      tried.add(key);
      const text = applyEdits(document, fix.edits);
      if (text === undefined || text === document.getText()) {
        continue;
      }
      const result = OfferDocument.fromText(text, document.uri, document.version);
      // A fix must never break the file: one that adds a syntax error is skipped.
      if (result.syntaxErrors.length > syntaxErrorsBefore || (document.root && !result.root)) {
        continue;
      }
      return { document: result, code: diagnostic.code };
    }
  }
  return undefined;
}

function fixAllAction(document: OfferDocument, services: CodeActionServices): CodeAction | undefined {
  const { text, applied } = fixAllText(document, services);
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

/** Applies text edits; undefined when two of them overlap (the fix is then not trusted). */
function applyEdits(document: OfferDocument, edits: TextEdit[]): string | undefined {
  const spans = edits
    .map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      return undefined;
    }
  }
  return TextDocument.applyEdits(document.textDocument, edits);
}

/** The quick fixes for one diagnostic: `schema` fixes are ours, the others belong to the rules. */
export function fixesFor(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[] {
  try {
    const fixes =
      diagnostic.code === 'schema' ? schemaFixes(diagnostic, context) : (ruleByCode(diagnostic.code)?.fix?.(diagnostic, context) ?? []);
    // Removals computed with `modify` take the comments next to the removed value with them.
    return fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => keepSurroundingComments(context.document, edit)) }));
  } catch {
    // A fix that cannot cope with a half-broken offer offers nothing; the other fixes still count.
    return [];
  }
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
