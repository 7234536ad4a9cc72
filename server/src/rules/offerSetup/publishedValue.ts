/**
 * The baseline rules for top-level identity fields (offerId, alias): a value that Partner Center
 * fixes when the offer is created must still be what the published baseline says.
 */
import { prop, str } from '@core/model/nodes';
import type { OfferDiagnostic } from '../diagnostic';
import { dataReplacementFix } from '../../edits/quickFix';
import type { FixContext, QuickFix, RuleContext } from '../rule';

/** Reports `key` when it is a string now and a different string in the baseline. */
export function reportChangedSincePublished(
  { root, baseline, report }: RuleContext,
  key: string,
  message: (current: string, published: string) => string,
): void {
  const node = prop(root, key);
  const current = str(node);
  const published = str(prop(baseline?.root, key));
  if (!node || current === undefined || published === undefined || current === published) {
    return;
  }
  report(node, message(current, published), { value: current, published });
}

/** Puts the published value back (not preferred: the author may mean to start a new offer). */
export function restorePublishedValue(diagnostic: OfferDiagnostic, context: FixContext, title: (published: string) => string): QuickFix[] {
  return dataReplacementFix(diagnostic, context, { title, isPreferred: false, replacement: 'published' });
}
