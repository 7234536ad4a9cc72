/**
 * The quick fix most plan rules offer: put another value where the diagnostic points. The
 * diagnostic may come back from the editor after the text changed, so the fix is offered only
 * while the value there is still the one that was reported.
 */
import { getNodeValue } from 'jsonc-parser';
import { fromPointer } from '@core/model/jsonPointer';
import type { OfferDiagnostic } from '../diagnostic';
import { editsToTextEdits, modifyAt } from '../fixEdits';
import type { FixContext, QuickFix } from '../rule';

export interface ReplaceValueFix {
  title: string;
  /** The value the diagnostic reported (what must still be there). */
  reported: unknown;
  replacement: unknown;
  isPreferred: boolean;
}

export function replaceValueFix(diagnostic: OfferDiagnostic, context: FixContext, fix: ReplaceValueFix): QuickFix[] {
  const path = fromPointer(diagnostic.path);
  const node = context.document.nodeAt(path);
  if (!node || getNodeValue(node) !== fix.reported) {
    return [];
  }
  const edits = modifyAt(context.document, path, fix.replacement, context.formatting);
  return [{ title: fix.title, edits: editsToTextEdits(context.document, edits), isPreferred: fix.isPreferred }];
}
