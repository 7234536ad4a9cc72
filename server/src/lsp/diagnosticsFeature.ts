/**
 * Diagnostics, pushed (`textDocument/publishDiagnostics`: at once on open, 200 ms after the last
 * keystroke) or pulled (`textDocument/diagnostic`), whichever the client supports.
 *
 * A check yields to the event loop as it goes (validation/steps.ts), so it can be left behind:
 * - each version of a document is checked once, however many pulls, pushes and requests of the
 *   extension (offerRequests.ts: the tree, readiness, preview) ask for it; a pull
 *   that finds its result id unchanged is answered `unchanged` without checking anything;
 * - a check stops when every request waiting for it was cancelled (answered `RequestCancelled`),
 *   or when the document changed meanwhile (a pull is then answered `ServerCancelled`, and the
 *   client asks again for the new version).
 */
import {
  Diagnostic,
  DidChangeWatchedFilesParams,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type DocumentDiagnosticReport,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { WorkAbandoned } from '../validation/steps';
import { toLspDiagnostic } from './lspDiagnostics';
import { asNotificationHandler } from './guard';
import type { ServerHost } from './startServer';

export interface DiagnosticsFeature {
  /** The capability to announce: pull diagnostics when the client can pull. */
  capabilities(clientPulls: boolean): ServerCapabilities;
  /** Checks every open offer again: a file it names changed, or the role catalog did. */
  recheckAll(): void;
  /**
   * The diagnostics of this version of an open offer, from the same shared check the Problems
   * panel gets: the tree, readiness and preview wait for it instead of checking again. Rejects
   * with WorkAbandoned, as a pull does, when `token` is cancelled or the document changed meanwhile.
   */
  offerDiagnostics(document: TextDocument, token?: CancellationToken): Promise<OfferDiagnostic[]>;
}

/** Push mode: how long typing must pause before a check. */
const DEBOUNCE_MS = 200;

export function registerDiagnostics(host: ServerHost): DiagnosticsFeature {
  const { connection, documents, service, guard } = host;
  let pull = false;
  /** Counts changes that alter answers without changing the text (files, catalog): part of every result id. */
  let generation = 0;
  /** The latest check of each document. */
  const checks = new Map<string, SharedCheck>();

  const resultIdOf = (document: TextDocument) => `${document.version}:${generation}`;

  /** The check of this version of the document: the running or finished one, or a new one. */
  const checkOf = (document: TextDocument): SharedCheck => {
    const resultId = resultIdOf(document);
    const existing = checks.get(document.uri);
    if (existing && existing.resultId === resultId && existing.usable) {
      return existing;
    }
    // It stops by itself when the document changes or is closed meanwhile (languageService.ts).
    const check = new SharedCheck(resultId, (token) => service.validateYielding(document, host.locate(document), { token }));
    checks.set(document.uri, check);
    return check;
  };

  // Push mode.
  const pending = new Map<string, NodeJS.Timeout>();
  const publish = guard('publishDiagnostics', undefined, async (document: TextDocument) => {
    const version = document.version;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await checkOf(document).waitForLsp();
    } catch (error) {
      if (error instanceof WorkAbandoned) {
        return; // a newer version is on its way, and will be published
      }
      throw error;
    }
    if (documents.get(document.uri) === document && document.version === version) {
      void connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
    }
  });
  const schedule = (document: TextDocument, delay: number) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    if (delay === 0) {
      void publish(document);
      return;
    }
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        void publish(document);
      }, delay),
    );
  };

  documents.onDidOpen(({ document }) => {
    host.log.opened(document.uri, document.version);
    if (!pull) {
      schedule(document, 0);
    }
  });
  documents.onDidChangeContent(({ document }) => {
    if (!pull) {
      schedule(document, DEBOUNCE_MS);
    }
  });
  documents.onDidClose(({ document }) => {
    host.log.closed(document.uri);
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    checks.delete(document.uri);
    service.forget(document.uri);
    if (!pull) {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }
  });

  // Pull mode.
  const emptyReport: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  connection.languages.diagnostics.on(
    guard('diagnostics', emptyReport, async (params, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) {
        return emptyReport;
      }
      const resultId = resultIdOf(document);
      if (params.previousResultId === resultId) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      }
      // A superseded check becomes ServerCancelled and a cancelled one RequestCancelled (lsp/guard.ts).
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: await checkOf(document).waitForLsp(token) };
    }),
  );

  // Images, CSVs and the baseline are read through a stamp cache: when one changes on disk the
  // open offers are checked again (the client watches those files).
  connection.onDidChangeWatchedFiles(
    asNotificationHandler(
      guard('didChangeWatchedFiles', undefined, (params: DidChangeWatchedFilesParams) => {
        host.log.filesChanged(params.changes, documents.all().length);
        service.filesChanged();
        recheckAll();
      }),
    ),
  );

  function recheckAll(): void {
    generation++;
    if (pull) {
      // A client may refuse the refresh (or be gone): that is logged, never an unhandled rejection.
      // (typed as void, but it returns the request's promise)
      Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch((error: unknown) =>
        host.log.warn(`diagnostics refresh refused: ${String(error)}`),
      );
    } else {
      documents.all().forEach((document) => schedule(document, 0));
    }
  }

  return {
    capabilities(clientPulls) {
      pull = clientPulls;
      return pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false, identifier: 'marketplace-offer' } } : {};
    },
    recheckAll,
    offerDiagnostics: (document, token) => checkOf(document).wait(token),
  };
}

/**
 * One check, shared by every request for the same version: it goes on while someone waits for
 * it, and stops at its next step once all of them were cancelled.
 */
class SharedCheck {
  private waiting = 0;
  private everyoneLeft = false;
  private settled = false;
  private abandoned = false;
  private readonly result: Promise<OfferDiagnostic[]>;
  /** The result as the client is sent it, converted once, when first published or pulled. */
  private lsp: Diagnostic[] | undefined;

  constructor(
    readonly resultId: string,
    run: (token: { readonly isCancellationRequested: boolean }) => Promise<OfferDiagnostic[]>,
  ) {
    const everyoneLeft = () => this.everyoneLeft;
    this.result = run({
      get isCancellationRequested() {
        return everyoneLeft();
      },
    });
    this.result.then(
      () => (this.settled = true),
      () => (this.settled = this.abandoned = true),
    );
  }

  /** False once it stopped (or is about to) without an answer: a later request starts a new check. */
  get usable(): boolean {
    return !this.abandoned && (this.settled || !this.everyoneLeft);
  }

  /** The diagnostics; rejects with WorkAbandoned when `token` is cancelled or the check was stopped. */
  async wait(token?: CancellationToken): Promise<OfferDiagnostic[]> {
    this.waiting++;
    let subscription: { dispose(): void } | undefined;
    try {
      return await new Promise<OfferDiagnostic[]>((resolve, reject) => {
        this.result.then(resolve, reject);
        subscription = token?.onCancellationRequested(() => reject(new WorkAbandoned('cancelled')));
      });
    } finally {
      subscription?.dispose();
      if (--this.waiting === 0) {
        // Nobody wants it any more: it stops at its next step (harmless once it has finished).
        this.everyoneLeft = true;
      }
    }
  }

  /** {@link wait}, as LSP diagnostics. */
  async waitForLsp(token?: CancellationToken): Promise<Diagnostic[]> {
    const found = await this.wait(token);
    return (this.lsp ??= found.map(toLspDiagnostic));
  }
}
