/**
 * The server's user-facing text goes through @vscode/l10n: the English text is the key, and a
 * bundle (`l10n/bundle.l10n.<locale>.json`, the same files the client uses) supplies the
 * translation. Bundles are bundled into the server by esbuild, so no path is read at run time.
 */
import * as l10n from '@vscode/l10n';
import koBundle from '../../l10n/bundle.l10n.ko.json';

const bundles: Record<string, Record<string, string>> = { ko: koBundle };

export const SUPPORTED_LOCALES = ['en', 'ko'] as const;

let currentLanguage = 'en';

/** Switches every later message to `locale` (`ko`, `ko-KR`, `en`…); unknown locales give English. */
export function setLocale(locale: string | undefined): void {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  const contents = bundles[language];
  if (contents) {
    l10n.config({ contents });
    currentLanguage = language;
  } else {
    l10n.config({ contents: {} });
    currentLanguage = 'en';
  }
}

/** The language messages are in now (`en`, `ko`): for names a bundle can't hold, such as a language's. */
export function messageLanguage(): string {
  return currentLanguage;
}

export const t = l10n.t;
