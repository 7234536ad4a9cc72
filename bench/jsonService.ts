/**
 * The reference the benchmark measures against: VS Code's JSON language service
 * (vscode-json-languageservice) configured with the offer schema, and its validation of a
 * document with the options VS Code's JSON language server gives it. One module for the direct
 * figures (benchmark.ts) and the LSP server (jsonServer.ts, which starts a connection when loaded).
 */
import { getLanguageService, type Diagnostic } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import offerSchema from '../schemas/offer.schema.json';

/** A function that parses and validates a whole document against the offer schema. */
export function jsonOfferValidator(): (document: TextDocument) => Promise<Diagnostic[]> {
  const json = getLanguageService({});
  json.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: 'file:///bench/offer.schema.json', fileMatch: ['*.json'], schema: offerSchema }],
  });
  return async (document) => json.doValidation(document, json.parseJSONDocument(document), { comments: 'ignore', trailingCommas: 'ignore' });
}
