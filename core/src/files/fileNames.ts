/**
 * File names of offers: which names are offer files (`offer.json`, `*.offer.json`, as the
 * manifest's language contribution names them), and file names made from IDs of the offer
 * (`<planId>.template.json`, `<offerId>.offer.json`): made only from an ID that passes its format
 * rule, so that an ID can never carry a folder, `..` or a separator into a path. The refusal says
 * which rule the ID fails and why.
 */
import { t } from '../l10n';
import { ID_FORMAT_RULE, idFormatProblem, IdKind, idLengthLimit } from '../knowledge/idFormat';
import { quoteValue } from '../text/quote';
import { isPlainFileName } from './safeWriter';

/** An offer file as the workspace names it: `offer.json` or `*.offer.json`, in any case. */
export function isOfferFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'offer.json' || lower.endsWith('.offer.json');
}

export type FileNameFromId = { ok: true; name: string } | { ok: false; message: string };

/** `suffix` is appended to the ID (`.template.json`); the result is a plain file name or a refusal. */
export function fileNameFromId(id: string, kind: IdKind, suffix: string): FileNameFromId {
  const problem = idFormatProblem(id, kind);
  if (problem !== undefined) {
    const rule = ID_FORMAT_RULE[kind];
    const { max } = idLengthLimit(kind);
    const reasons = {
      empty: t('it is empty'),
      'too-long': t('it is longer than {0} characters', max),
      characters: t("it may hold only lowercase letters, digits, '-' and '_'"),
    };
    return {
      ok: false,
      message:
        kind === 'planId'
          ? t("The plan ID {0} fails {1} ({2}): no file is named after it. Fix the plan ID first.", quoteValue(id), rule, reasons[problem])
          : t("The offer ID {0} fails {1} ({2}): no file is named after it. Fix the offer ID first.", quoteValue(id), rule, reasons[problem]),
    };
  }
  const name = id + suffix;
  // Belt and braces: the pattern already excludes every separator.
  return isPlainFileName(name) ? { ok: true, name } : { ok: false, message: t('{0} is not a plain file name: nothing was written.', quoteValue(name)) };
}
