/**
 * The client's view of the server's diagnostics: VS Code hands them back as `vscode.Diagnostic`s
 * (from `languages.getDiagnostics`), whose `data.path` carries the JSON pointer the server set
 * (see `toLspDiagnostic` in server.ts). Pure, so that it is tested without VS Code.
 */
import { findNodeAtOffset } from 'jsonc-parser';
import type { OfferDocument } from '@core/model/offerDocument';
import type { TreeDiagnostic } from '../../server/src/features/planTree';

/** The `source` the offer language server puts on its diagnostics. */
export const OFFER_DIAGNOSTIC_SOURCE = 'offer';

/** The parts of a `vscode.Diagnostic` used here (severity: 0 error, 1 warning, 2 information, 3 hint). */
export interface ClientDiagnostic {
  severity: number;
  message: string;
  source?: string;
  range: { start: { line: number; character: number } };
  /** Set by vscode-languageclient from the LSP diagnostic's `data`. */
  data?: unknown;
}

/** The offer server's diagnostics, with their JSON pointers; other extensions' are left out. */
export function offerDiagnostics(diagnostics: readonly ClientDiagnostic[], document: OfferDocument): TreeDiagnostic[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.source === OFFER_DIAGNOSTIC_SOURCE)
    .map((diagnostic) => ({
      severity: diagnostic.severity === 0 ? 'error' : diagnostic.severity === 1 ? 'warning' : 'info',
      message: diagnostic.message,
      path: pathOf(diagnostic, document),
    }));
}

/**
 * The pointer from `data.path`; when a diagnostic lost its data on the way, the pointer of the
 * value under the start of its range, so that it still lands on the right node.
 */
function pathOf(diagnostic: ClientDiagnostic, document: OfferDocument): string {
  const data = diagnostic.data;
  if (typeof data === 'object' && data !== null && typeof (data as { path?: unknown }).path === 'string') {
    return (data as { path: string }).path;
  }
  const root = document.root;
  const node = root && findNodeAtOffset(root, document.offsetAt(diagnostic.range.start), true);
  return node ? document.pointerOf(node) : '';
}
