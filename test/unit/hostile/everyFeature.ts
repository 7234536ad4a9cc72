/**
 * Asks every feature of the language service about a text and checks that each answer is
 * well-formed, whatever the text: diagnostics (ranges in the document, short clean messages),
 * completion and its resolve, hover, quick fixes and fix-all (each applies and breaks nothing),
 * symbols, inlay hints, formatting (the value unchanged), folding and selection ranges. Shared by
 * the hostile suites; returns what the features answered for the suite's own expectations.
 */
import * as assert from 'assert';
import { getNodeValue, parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Hover, Position } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../../server/src/features/codeActions';
import { OfferLanguageService, type OfferLocation } from '../../../server/src/languageService';
import { toLspDiagnostic } from '../../../server/src/lsp/lspDiagnostics';
import { OfferDocument } from '@core/model/offerDocument';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import { makeHost, OFFER_PATH, WORKSPACE } from '../../support/offerHarness';
import { applyEdits, assertDiagnostics, assertRange } from '../../support/wellFormed';

export const LOCATION: OfferLocation = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };

/**
 * The longest message a diagnostic may have: a template and a few quoted values of at most 60
 * characters each (quoteValue). A 200,000-character value must not make a 200 KB message.
 */
export const MAX_MESSAGE_LENGTH = 500;
/** C0 controls, DEL, C1 controls: a message shows them escaped. */
// eslint-disable-next-line no-control-regex -- it finds raw control characters, which no message may hold
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

let version = 0;

export function documentOf(text: string): TextDocument {
  return TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', ++version, text);
}

/** Parses without syntax errors (through OfferDocument: a bare parseTree would overflow on deep nesting). */
export function isParseable(text: string): boolean {
  const document = OfferDocument.fromText(text);
  return document.tooDeepAt === undefined && document.syntaxErrors.length === 0;
}

/** Where a person might put the cursor: the ends, the middle, just inside the first string, and `offsets`. */
function positionsIn(document: TextDocument, offsets: number[]): Position[] {
  const text = document.getText();
  const firstQuote = text.indexOf('"');
  return [0, Math.floor(text.length / 2), text.length, firstQuote >= 0 ? firstQuote + 1 : 0, ...offsets].map((offset) => document.positionAt(offset));
}

export interface EveryFeatureOptions {
  /** Ask for "Fix all" too. */
  fixAll?: boolean;
  /** More cursor positions (offsets) to ask completion, hover and selection ranges at. */
  at?: number[];
  /** The language service to ask (default: one over the example's files in memory). */
  service?: OfferLanguageService;
  /** How many of the diagnostics to ask quick fixes for (default 50). */
  quickFixes?: number;
  /** How many code actions to apply and parse again (each costs a parse of the offer; default: all). */
  appliedActions?: number;
}

export interface EveryFeatureAnswers {
  diagnostics: OfferDiagnostic[];
  completions: CompletionList[];
  hovers: (Hover | null)[];
  /** The text fix-all makes, when it was asked for and found something to fix. */
  fixedAll?: string;
  actions: CodeAction[];
}

export function askEveryFeature(text: string, options: EveryFeatureOptions = {}): EveryFeatureAnswers {
  // A quick fix that throws is a bug, whatever the text: what would be logged fails the test.
  const service = options.service ?? new OfferLanguageService({ fileHost: makeHost(), log: { error: (message) => assert.fail(message) } });
  const document = documentOf(text);
  const diagnostics = service.validate(document, LOCATION);
  assertDiagnostics(document, diagnostics);
  for (const diagnostic of diagnostics) {
    assert.ok(diagnostic.message.length <= MAX_MESSAGE_LENGTH, `a message of ${diagnostic.message.length} characters: ${diagnostic.message.slice(0, 200)}…`);
    assert.doesNotMatch(diagnostic.message, RAW_CONTROL, `a raw control character in: ${JSON.stringify(diagnostic.message)}`);
  }
  const positions = positionsIn(document, options.at ?? []);

  const completions: CompletionList[] = [];
  const hovers: (Hover | null)[] = [];
  for (const position of positions) {
    const list = service.complete(document, position, LOCATION);
    assert.ok(Array.isArray(list.items), 'completion items');
    for (const item of list.items) {
      assert.ok(typeof item.label === 'string' && item.label.length > 0, 'completion without label');
      if (item.textEdit && 'range' in item.textEdit) {
        assertRange(document, item.textEdit.range, `completion ${item.label}`);
      }
    }
    // Resolving adds documentation and changes nothing the list said.
    for (const item of list.items.slice(0, 20)) {
      const { documentation: _added, ...resolved } = service.resolveCompletion(item);
      const { documentation: _listed, ...listed } = item;
      assert.deepStrictEqual(resolved, listed, `resolved ${item.label}`);
    }
    completions.push(list);
    const hover = service.hover(document, position, LOCATION);
    if (hover) {
      assert.ok(hover.contents, 'hover without contents');
      if (hover.range) {
        assertRange(document, hover.range, 'hover');
      }
    }
    hovers.push(hover);
  }

  const parsedBefore = isParseable(text);
  const lspDiagnostics = diagnostics.slice(0, options.quickFixes ?? 50).map(toLspDiagnostic);
  const requests = [{ diagnostics: lspDiagnostics, triggerKind: 2 }, ...(options.fixAll ? [{ diagnostics: [], only: [FIX_ALL_KIND] }] : [])];
  const actions: CodeAction[] = [];
  let fixedAll: string | undefined;
  for (const request of requests) {
    for (const action of service.codeActions(document, request, LOCATION)) {
      assert.ok(action.title.length > 0 && action.title.length <= MAX_MESSAGE_LENGTH, `code action title of ${action.title.length} characters`);
      const edits = action.edit?.changes?.[document.uri] ?? [];
      if (action.kind === FIX_ALL_KIND || actions.length < (options.appliedActions ?? Infinity)) {
        const fixed = applyEdits(document, edits, `code action '${action.title.slice(0, 100)}'`);
        if (parsedBefore) {
          assert.ok(isParseable(fixed), `code action '${action.title.slice(0, 100)}' broke the JSON`);
        }
        if (action.kind === FIX_ALL_KIND) {
          fixedAll = fixed;
        }
      } else {
        edits.forEach((edit) => assertRange(document, edit.range, `code action '${action.title.slice(0, 100)}'`));
      }
      actions.push(action);
    }
  }

  const visit = (symbols: ReturnType<OfferLanguageService['symbols']>) =>
    symbols.forEach((symbol) => {
      assert.ok(symbol.name.trim().length > 0, 'symbol without name');
      assertRange(document, symbol.range, `symbol ${symbol.name.slice(0, 100)}`);
      assertRange(document, symbol.selectionRange, `symbol ${symbol.name.slice(0, 100)}`);
      visit(symbol.children ?? []);
    });
  visit(service.symbols(document));

  for (const hint of service.inlayHints(document)) {
    assertRange(document, { start: hint.position, end: hint.position }, 'inlay hint');
  }

  const formatted = applyEdits(document, service.format(document, { tabSize: 2, insertSpaces: true }), 'format');
  if (parsedBefore) {
    const before = parseTree(text, [], { allowTrailingComma: true });
    const after = parseTree(formatted, [], { allowTrailingComma: true });
    assert.deepStrictEqual(after && getNodeValue(after), before && getNodeValue(before), 'formatting changed the value');
  }

  for (const range of service.foldingRanges(document)) {
    assert.ok(range.startLine <= range.endLine && range.endLine < document.lineCount, `folding ${JSON.stringify(range)}`);
  }

  for (const selection of service.selectionRanges(document, positions)) {
    for (let current: typeof selection | undefined = selection; current; current = current.parent) {
      assertRange(document, current.range, 'selection range');
      if (current.parent) {
        const parent = current.parent.range;
        assert.ok(
          document.offsetAt(parent.start) <= document.offsetAt(current.range.start) && document.offsetAt(current.range.end) <= document.offsetAt(parent.end),
          'a selection range is not inside its parent',
        );
      }
    }
  }
  return { diagnostics, completions, hovers, fixedAll, actions };
}
