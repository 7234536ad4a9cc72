/**
 * Quick fixes made of toolkit edits (pointerEdits.ts): none when the edits are undefined, which is
 * how the toolkit says that the place changed since the diagnostic was made.
 */
import { fromPointer } from '@core/model/jsonPointer';
import type { OfferDiagnostic } from '../rules/diagnostic';
import type { FixContext, QuickFix } from '../rules/rule';
import { holds } from './expectations';
import { toTextEdits, type OffsetEdit } from './offsetEdits';
import { setValue } from './pointerEdits';

/** The fix, as a list of one, or an empty list when `edits` is undefined or empty. */
export function quickFix(context: Pick<FixContext, 'document'>, title: string, edits: readonly OffsetEdit[] | undefined, isPreferred = false): QuickFix[] {
  return edits && edits.length > 0 ? [{ title, edits: toTextEdits(context.document, edits), isPreferred }] : [];
}

export interface ReplaceValueFix {
  title: string;
  /** The value the diagnostic reported (what must still be there). */
  reported: unknown;
  replacement: unknown;
  isPreferred: boolean;
}

/**
 * The fix of a diagnostic whose facts name the value it saw (`data[reported]`, by default
 * `value`) and the one to put instead (`data[replacement]`, by default `suggestion`): none when
 * either is missing, or when the value there changed since.
 */
export function dataReplacementFix(
  diagnostic: OfferDiagnostic,
  context: FixContext,
  fix: { title: (replacement: string) => string; isPreferred: boolean; reported?: string; replacement?: string },
): QuickFix[] {
  const reported = diagnostic.data?.[fix.reported ?? 'value'];
  const replacement = diagnostic.data?.[fix.replacement ?? 'suggestion'];
  if (typeof reported !== 'string' || typeof replacement !== 'string') {
    return [];
  }
  return replaceValueFix(diagnostic, context, { title: fix.title(replacement), reported, replacement, isPreferred: fix.isPreferred });
}

/** The fix most rules offer: another value where the diagnostic points, while the reported one is still there. */
export function replaceValueFix(diagnostic: OfferDiagnostic, context: FixContext, fix: ReplaceValueFix): QuickFix[] {
  return quickFix(context, fix.title, setValue(context, fromPointer(diagnostic.path), fix.replacement, holds(fix.reported)), fix.isPreferred);
}
