/**
 * What the Add Authorization boxes accept, checked as the user types (no `vscode` here, so that it
 * is tested as is): a principal id is a GUID, and a display name is not blank.
 */
import { isGuid } from '@core/knowledge/identifiers';
import { t } from '@core/l10n';

export function validatePrincipalId(text: string): string | undefined {
  return isGuid(text.trim()) ? undefined : t('A principal ID is the object ID (a GUID) of a user, group or service principal of your tenant.');
}

export function validateDisplayName(text: string): string | undefined {
  return text.trim() === '' ? t('Type the name that customers will see for this principal.') : undefined;
}
