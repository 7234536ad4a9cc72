/**
 * Azure's role names are identifiers (the catalog, `az role definition list` and the Azure portal's
 * English all use them), so messages keep them; a Korean reader also gets the name the Korean
 * Azure portal shows, from the glossary (`l10n/glossary.ko.json`, checked by its test).
 */
import glossary from '../../../l10n/glossary.ko.json';
import { messageLanguage, t } from '../l10n';

const KOREAN_ROLE_NAMES = new Map(glossary.roles.map((role) => [role.en, role.ko]));

/** The role's name in the message language when it differs from the English one ("읽기 권한자" for Reader in Korean), else undefined. */
export function localRoleName(roleName: string): string | undefined {
  return messageLanguage() === 'ko' ? KOREAN_ROLE_NAMES.get(roleName) : undefined;
}

/**
 * The catalog's category of a role: a resource provider's namespace (Microsoft.Compute), which
 * stays as it is, or "General" for the roles of every resource, which is a word.
 */
export function roleCategoryName(category: string): string {
  return category === 'General' ? t('General') : category;
}
