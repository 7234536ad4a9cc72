/**
 * LSP wiring of the features that work on the offer's structure: code actions (quick fixes and
 * fix-all), the outline, folding, smart selection and formatting. Each handler is guarded: an
 * exception is logged and answered with an empty result, a cancelled request `RequestCancelled`.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, QUICK_FIX_KIND } from '../features/codeActions';
import type { ServerHost } from './startServer';

/** What structure features use of the server (startServer.ts): fix-all checks against the offer's own files and baseline. */
export type StructureFeatureHost = Pick<ServerHost, 'connection' | 'documents' | 'service' | 'guard' | 'locate'>;

/** Registers the handlers and returns the capabilities to announce in `initialize`. */
export function registerStructureFeatures({ connection, documents, service, guard, locate }: StructureFeatureHost): ServerCapabilities {
  // Fix-all checks the offer again in rounds: it yields as it goes, and stops when cancelled or
  // when the document changes under it (its edit would be stale).
  connection.onCodeAction(
    guard('codeAction', [], (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) {
        return [];
      }
      const { diagnostics, only, triggerKind } = params.context;
      return service.codeActionsYielding(document, { diagnostics, only, triggerKind }, locate(document), { token });
    }),
  );
  connection.onDocumentSymbol(
    guard('documentSymbol', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.symbols(document) : [];
    }),
  );
  connection.onFoldingRanges(
    guard('foldingRange', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.foldingRanges(document) : [];
    }),
  );
  connection.onSelectionRanges(
    guard('selectionRange', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.selectionRanges(document, params.positions) : [];
    }),
  );
  connection.onDocumentFormatting(
    guard('formatting', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.format(document, params.options) : [];
    }),
  );
  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.format(document, params.options, params.range) : [];
    }),
  );
  return {
    codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND] },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
  };
}
