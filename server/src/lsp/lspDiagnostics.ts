import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { OFFER_DIAGNOSTIC_SOURCE } from '@core/knowledge/diagnosticSource';
import type { OfferDiagnostic } from '../rules/diagnostic';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/**
 * An offer diagnostic as LSP sends it. The JSON pointer and the rule's facts travel in `data`,
 * so that a code action request (which sends the diagnostic back) has what the fix needs.
 */
export function toLspDiagnostic(diagnostic: OfferDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: OFFER_DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    data: { path: diagnostic.path, ...diagnostic.data },
  };
}
