/**
 * Words and pairs of words that make a display name an app's or an automation's: a service
 * principal or a managed identity, which Azure Lighthouse does not let use eligible
 * authorizations (eligible-service-principal). Lowercase; a pair is two consecutive words.
 */
const WORDS = `
ansible app application applications apps automation automations bot bots cicd daemon daemons msi
pipeline pipelines runbook runbooks serviceprincipal spn svc terraform uami webjob webjobs
`;

/** Each names an automation, unless the name also has a word of a group ("Automation Engineers"). */
export const AUTOMATION_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word !== ''));

/** Each names an identity that is no person, whatever else the name says ("Service Principal"). */
export const AUTOMATION_WORD_PAIRS: ReadonlySet<string> = new Set([
  'service principal',
  'managed identity',
  'service account',
  'logic app',
  'function app',
  'github actions',
]);
