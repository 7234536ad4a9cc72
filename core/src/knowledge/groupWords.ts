/**
 * Words that make a display name a group's or a role's rather than a person's ("Sarah Team",
 * "Daniel Operators", "Contoso Admins"): with one of them, a name is never taken for a person's
 * (display-name-personal), nor an automation word for an automation ("Automation Engineers").
 * Collective and role nouns only: a topic such as "Backup" or "Security" says nothing of who.
 * Lowercase.
 */
const WORDS = `
admin admins administrator administrators analyst analysts approver approvers auditor auditors
breakglass contributor contributors crew dba dbas department dept desk devops engineering engineers
group groups grp helpdesk l1 l2 l3 level managers members noc oncall operations operator operators
ops owners readers responders service services soc squad sre staff support team teams tier unit
users
`;

export const GROUP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word !== ''));
