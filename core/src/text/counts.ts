/**
 * Counts in messages: "1 error", "3 errors". English has one form for one and another for the
 * rest; each form is its own key of the translation bundle (Korean, with a single form, gives both
 * the same way), so no message ever says "1 warnings".
 */
import { t } from '../l10n';

export function errorCount(count: number): string {
  return count === 1 ? t('1 error') : t('{0} errors', count);
}

export function warningCount(count: number): string {
  return count === 1 ? t('1 warning') : t('{0} warnings', count);
}

export function offerCount(count: number): string {
  return count === 1 ? t('1 offer') : t('{0} offers', count);
}

/** "Checking 3 offers…": the progress title of Check All Offers. */
export function checkingOffers(count: number): string {
  return count === 1 ? t('Checking 1 offer…') : t('Checking {0} offers…', count);
}

/** "Checked 2 offers: 1 error, 3 warnings.": what Check All Offers found. */
export function checkedOffersSummary(offers: number, errors: number, warnings: number): string {
  return t('Checked {0}: {1}, {2}.', offerCount(offers), errorCount(errors), warningCount(warnings));
}
