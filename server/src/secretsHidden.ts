/**
 * The last guard before anything the language service says reaches a person: diagnostics (the
 * Problems panel, the plans tree, the checker's output, the export's refusal: hidden as every
 * check ends, in validateOffer.ts), hovers and quick-fix titles have every secret hidden
 * (`core/src/text/secrets.ts`). Rules already quote values through
 * `quoteValue`, which hides them; this makes sure that a message built any other way, now or
 * later, still never shows a key, password, signature or `code=` value. Linear in what is shown,
 * and what has nothing to hide is returned as it is.
 */
import type { CodeAction, Hover } from 'vscode-languageserver-types';
import { redactSecrets } from '@core/text/secrets';

export function withSecretsHidden<T extends { message: string }>(items: T[]): T[] {
  let changed = false;
  const shown = items.map((item) => {
    const message = redactSecrets(item.message);
    if (message === item.message) {
      return item;
    }
    changed = true;
    return { ...item, message };
  });
  return changed ? shown : items;
}

export function hoverWithSecretsHidden(hover: Hover | null): Hover | null {
  if (!hover || typeof hover.contents !== 'object' || !('kind' in hover.contents)) {
    return hover;
  }
  const contents = hover.contents;
  const value = redactSecrets(contents.value);
  return value === contents.value ? hover : { ...hover, contents: { ...contents, value } };
}

export function codeActionsWithSecretsHidden(actions: CodeAction[]): CodeAction[] {
  return actions.map((action) => {
    const title = redactSecrets(action.title);
    return title === action.title ? action : { ...action, title };
  });
}
