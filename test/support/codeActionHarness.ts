/**
 * Test harness for quick fixes as the editor sees them: the diagnostics the server publishes (LSP
 * shape, pointer and facts in `data`), the code actions it answers for them, and their edits
 * applied to the text.
 */
import * as assert from 'assert';
import { parse, ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { OfferLanguageService } from '../../server/src/languageService';
import { makeHost, OFFER_PATH, WORKSPACE } from './offerHarness';

export const URI = 'file://' + OFFER_PATH;

/** The diagnostics of a text as the server publishes them (LSP shape, pointer and facts in `data`). */
export function published(service: OfferLanguageService, text: string): Diagnostic[] {
  const document = TextDocument.create(URI, 'marketplace-offer', 1, text);
  return service.validate(document, { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE }).map((d) => ({
    range: d.range,
    severity: { error: 1, warning: 2, info: 3 }[d.severity] as 1 | 2 | 3,
    code: d.code,
    source: 'offer',
    message: d.message,
    data: { path: d.path, ...d.data },
  }));
}

/** The example's files, made once (drawing the PNGs is the slow part). */
let sharedHost: ReturnType<typeof makeHost> | undefined;

/** A language service over the example's files. */
export function exampleService(): OfferLanguageService {
  // A quick fix that throws is a bug: what the service would log fails the test.
  return new OfferLanguageService({ fileHost: (sharedHost ??= makeHost()), log: { error: (message) => assert.fail(message) } });
}

export function setup(text: string) {
  const service = exampleService();
  const diagnostics = published(service, text);
  const document = TextDocument.create(URI, 'marketplace-offer', 1, text);
  const request = (only?: string[], forDiagnostics = diagnostics, triggerKind?: number) =>
    service.codeActions(document, { diagnostics: forDiagnostics, only, triggerKind }, { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE });
  return { service, diagnostics, request, recheck: (newText: string) => published(service, newText) };
}

export function pathOf(diagnostic: Diagnostic): string {
  return (diagnostic.data as { path: string }).path;
}

export function find(diagnostics: Diagnostic[], code: string, path: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code && pathOf(d) === path);
  assert.strictEqual(found.length, 1, `expected one ${code} at ${path}: ${JSON.stringify(diagnostics.map((d) => [d.code, pathOf(d), d.message]))}`);
  return found[0];
}

export function apply(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits, `action '${action.title}' has no edit for the offer`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'marketplace-offer', 1, text), edits);
}

export function assertParses(text: string): void {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true });
  assert.deepStrictEqual(errors, [], 'the fixed text must still parse');
}

export function hasDiagnostic(diagnostics: Diagnostic[], code: string, path: string): boolean {
  return diagnostics.some((d) => d.code === code && pathOf(d) === path);
}
