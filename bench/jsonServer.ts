/**
 * The reference the benchmark measures against over LSP: VS Code's JSON language service
 * (vscode-json-languageservice, what VS Code's own JSON language server runs) with the offer
 * schema, behind a plain LSP server over stdio, as VS Code would run it for an `offer.json`
 * without this extension. It parses and validates the whole document on open (diagnostics pushed)
 * and on each pull after a change, as that server does; nothing else.
 */
import { createConnection, DocumentDiagnosticReportKind, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonOfferValidator } from './jsonService';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const diagnose = jsonOfferValidator();

let pull = false;
connection.onInitialize((params) => {
  pull = !!params.capabilities.textDocument?.diagnostic;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
  };
});
documents.onDidOpen(async ({ document }) => {
  if (!pull) {
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: await diagnose(document) });
  }
});
connection.languages.diagnostics.on(async (params) => {
  const document = documents.get(params.textDocument.uri);
  return { kind: DocumentDiagnosticReportKind.Full, items: document ? await diagnose(document) : [] };
});
documents.listen(connection);
connection.listen();
