/**
 * The Korean glossary (l10n/glossary.ko.json) as a check: which of its terms an English text uses
 * that its Korean leaves out. Used by the glossary's test and the schema texts' test.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../support/offerHarness';

export interface Glossary {
  keptInEnglish: { name: string; reason: string }[];
  terms: { en: string[]; ko: string; source: string }[];
  roles: { en: string; ko: string; source: string }[];
}

export const glossary = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'glossary.ko.json'), 'utf8')) as Glossary;

export function readJson(relativePath: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8')) as Record<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * English strings whose Korean leaves a term out on purpose, each with its reason. Keep this short:
 * a new entry is a translation that says something else than its English.
 */
export const EXCEPTIONS: Record<string, string> = {
  'Plan {0} is public: any customer can accept it and delegate access to your tenant. Make it private to offer it only to the subscriptions you list.':
    '"to offer it" is the verb (제공하다), not an offer',
  'The offer has no plans: add "plans" with at least one plan (planId, name, listing, visibility, technicalConfiguration).':
    'the parenthesis lists the properties of a plan, and listing is one of them',
  'User Access Administrator cannot be an eligible role: give it in authorizations, with delegatedRoleDefinitionIds.':
    '"in authorizations" names the property authorizations, which stays as it is',
};

/**
 * The English text a translator translates: code spans, quoted values, paths, URLs, property names
 * and product names are left as they are in Korean, so a term inside them is not a term.
 */
function prose(english: string): string {
  let text = english
    .replace(/`[^`]*`/g, ' ')
    .replace(/'[^'\s]*'|"[^"\s]*"/g, ' ')
    .replace(/\(command:[^)]*\)|https?:\/\/\S*/g, ' ')
    .replace(/(?:^|\s)--[\w-]+|\S*\|\S*|\b[A-Z]{2,}\b/g, ' '); // options, choices and metavariables of the usage lines
  for (const { name } of [...glossary.keptInEnglish].sort((a, b) => b.name.length - a.name.length)) {
    text = text.replace(new RegExp(`\\b${escapeRegExp(name)}\\b`, 'g'), ' ');
  }
  return text
    .replace(/[\w*{}-]+(?:[./\\:][\w*{}-]+)+/g, ' ') // offer.json, listing.description, *.offer.json
    .replace(/\b\w+-\w+(?:-\w+)*\b/g, (word) => (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(word) && !/^(built-in|just-in-time|rich-text)$/.test(word) ? ' ' : word)) // rule codes, offer-lint
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' '); // planId, privacyPolicyUrl
}

/** Every term the English uses, longest first, each checked against the Korean. */
export function missingTerms(english: string, korean: string): string[] {
  let text = prose(english);
  const missing: string[] = [];
  for (const role of [...glossary.roles].sort((a, b) => b.en.length - a.en.length)) {
    const pattern = new RegExp(`\\b${escapeRegExp(role.en)}\\b`, 'g');
    if (pattern.test(text)) {
      if (!korean.includes(role.ko)) {
        missing.push(`${role.en} → ${role.ko}`);
      }
      text = text.replace(pattern, ' ');
    }
  }
  const forms = glossary.terms.flatMap((term) => term.en.map((en) => ({ en, ko: term.ko }))).sort((a, b) => b.en.length - a.en.length);
  for (const { en, ko } of forms) {
    const pattern = new RegExp(`\\b${escapeRegExp(en)}\\b`, 'gi');
    if (pattern.test(text)) {
      if (!korean.includes(ko)) {
        missing.push(`${en} → ${ko}`);
      }
      text = text.replace(pattern, ' ');
    }
  }
  return missing;
}

export function drift(pairs: [string, string, string][]): string[] {
  return pairs
    .filter(([, english]) => !(english in EXCEPTIONS))
    // A page wraps its lines anywhere, also inside a term.
    .map(([where, english, korean]) => ({ where, english, korean, missing: missingTerms(english.replace(/\s+/g, ' '), korean.replace(/\s+/g, ' ')) }))
    .filter(({ missing }) => missing.length > 0)
    .map(({ where, english, korean, missing }) => `${where}: ${missing.join(', ')}\n    ${english}\n    ${korean}`);
}
