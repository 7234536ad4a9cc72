/**
 * The marketplace categories a managed service offer may choose (offer-format.md; the schema's
 * enum holds the same list, and a test keeps the two equal).
 */
export const MARKETPLACE_CATEGORIES: readonly string[] = [
  'AI + Machine Learning',
  'Analytics',
  'Blockchain',
  'Compute',
  'Containers',
  'Databases',
  'Developer Tools',
  'DevOps',
  'Identity',
  'Integration',
  'Internet of Things',
  'IT & Management Tools',
  'Media',
  'Migration',
  'Mixed Reality',
  'Monitoring & Diagnostics',
  'Networking',
  'Security',
  'Storage',
  'Web',
];

function normalized(name: string): string {
  return name
    .toLowerCase()
    .replace(/\band\b/g, '&')
    .replace(/[^a-z0-9&+]/g, '');
}

/**
 * The category a person most likely meant: the same name written differently ("security",
 * "Monitoring and Diagnostics"), or the only category whose name contains what was written
 * ("Monitoring"). Undefined when there is no single good guess.
 */
export function closestCategory(written: string): string | undefined {
  const wanted = normalized(written);
  if (wanted === '') {
    return undefined;
  }
  const same = MARKETPLACE_CATEGORIES.find((category) => normalized(category) === wanted);
  if (same) {
    return same;
  }
  const containing = MARKETPLACE_CATEGORIES.filter((category) => normalized(category).includes(wanted));
  return containing.length === 1 ? containing[0] : undefined;
}
