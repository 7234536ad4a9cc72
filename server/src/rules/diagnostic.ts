import type { Range } from 'vscode-languageserver-types';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem in an offer, as the language service reports it (the LSP server and the checker turn
 * it into their own shapes). `path` is the JSON pointer of the offending value, or of the missing
 * property for something absent.
 */
export interface OfferDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  path: string;
  /** Facts a quick fix needs (the role id to put in, the key to remove…), JSON-serialisable. */
  data?: Record<string, unknown>;
}
