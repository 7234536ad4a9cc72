/**
 * How a message names a logo: "the small logo" in English, "작은 로고" in Korean. The sizes are
 * keys of the offer (`listing.logos.small`…); a message shows them only as keys, never as the
 * logo's name, so each name is its own key of the translation bundle.
 */
import type { LogoSize } from '../knowledge/logos';
import { t } from '../l10n';

/** The logo's name inside a sentence: "small logo" ("The {0} is missing…"). */
export function logoName(size: LogoSize): string {
  switch (size) {
    case 'small':
      return t('small logo');
    case 'medium':
      return t('medium logo');
    case 'large':
      return t('large logo');
    case 'wide':
      return t('wide logo');
  }
}

/** The logo's name at the start of a sentence: "The small logo". */
export function logoTitle(size: LogoSize): string {
  switch (size) {
    case 'small':
      return t('The small logo');
    case 'medium':
      return t('The medium logo');
    case 'large':
      return t('The large logo');
    case 'wide':
      return t('The wide logo');
  }
}
