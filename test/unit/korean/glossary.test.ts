/**
 * The Korean glossary (l10n/glossary.ko.json) holds every translation to its terms: where an
 * English string of the bundle, the manifest or a walkthrough page uses a term, its Korean uses
 * the term's Korean, so a term can't drift (제품 for offer, never 오퍼; 권한 부여 for authorization…).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../support/offerHarness';

interface Glossary {
  keptInEnglish: { name: string; reason: string }[];
  terms: { en: string[]; ko: string; source: string }[];
  roles: { en: string; ko: string; source: string }[];
}

const glossary = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'glossary.ko.json'), 'utf8')) as Glossary;

function readJson(relativePath: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8')) as Record<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * English strings whose Korean leaves a term out on purpose, each with its reason. Keep this short:
 * a new entry is a translation that says something else than its English.
 */
const EXCEPTIONS: Record<string, string> = {
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
function missingTerms(english: string, korean: string): string[] {
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

function drift(pairs: [string, string, string][]): string[] {
  return pairs
    .filter(([, english]) => !(english in EXCEPTIONS))
    // A page wraps its lines anywhere, also inside a term.
    .map(([where, english, korean]) => ({ where, english, korean, missing: missingTerms(english.replace(/\s+/g, ' '), korean.replace(/\s+/g, ' ')) }))
    .filter(({ missing }) => missing.length > 0)
    .map(({ where, english, korean, missing }) => `${where}: ${missing.join(', ')}\n    ${english}\n    ${korean}`);
}

describe('Korean: the glossary (l10n/glossary.ko.json)', () => {
  it('gives every term a Korean and a source, once', () => {
    const forms = glossary.terms.flatMap((term) => term.en.map((en) => en.toLowerCase()));
    assert.deepStrictEqual(forms.filter((form, i) => forms.indexOf(form) !== i), []);
    for (const entry of [...glossary.terms, ...glossary.roles]) {
      assert.ok(/[\uac00-\ud7a3]/.test(entry.ko) && entry.source.trim().length > 10, JSON.stringify(entry));
    }
    assert.ok(glossary.terms.length >= 40 && glossary.roles.length >= 5, 'the glossary holds its terms');
  });

  it('finds the terms it checks for (the check can fail)', () => {
    assert.deepStrictEqual(missingTerms('The offer has no plan.', '오퍼에 요금제가 없습니다.'), ['offer → 제품', 'plan → 플랜']);
    assert.deepStrictEqual(missingTerms('Add a service principal.', '서비스 주체를 추가하세요.'), []);
    assert.deepStrictEqual(missingTerms("Use 'plans' in offer.json (Marketplace Offer).", '사용하세요.'), []);
    assert.deepStrictEqual(missingTerms('Give it User Access Administrator.', 'User Access Administrator를 부여하세요.'), ['User Access Administrator → 사용자 액세스 관리자']);
  });

  it('is followed by every string of the Korean bundle', () => {
    const english = readJson('l10n/bundle.l10n.json');
    const korean = readJson('l10n/bundle.l10n.ko.json');
    assert.deepStrictEqual(drift(Object.keys(english).map((key) => ['bundle', key, korean[key] ?? ''])), []);
  });

  it('is followed by every string of the Korean manifest (package.nls.ko.json)', () => {
    const english = readJson('package.nls.json');
    const korean = readJson('package.nls.ko.json');
    assert.deepStrictEqual(drift(Object.keys(english).map((key) => [key, english[key], korean[key] ?? ''])), []);
  });

  it('is followed by every Korean walkthrough page, paragraph by paragraph', () => {
    const folder = path.join(REPO_ROOT, 'walkthrough');
    const pages = fs.readdirSync(folder).filter((name) => name.endsWith('.md') && !name.includes('.nls.'));
    assert.ok(pages.length >= 5);
    const pairs: [string, string, string][] = [];
    for (const page of pages) {
      const paragraphs = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8').split(/\n\s*\n/);
      const english = paragraphs(page);
      const korean = paragraphs(page.replace(/\.md$/, '.nls.ko.md'));
      assert.strictEqual(korean.length, english.length, `${page}: the Korean page has the English page's paragraphs`);
      english.forEach((paragraph, i) => pairs.push([`${page} ¶${i + 1}`, paragraph, korean[i]]));
    }
    assert.deepStrictEqual(drift(pairs), []);
  });

  it('lists only exceptions that are still needed', () => {
    const english = readJson('l10n/bundle.l10n.json');
    const korean = readJson('l10n/bundle.l10n.ko.json');
    for (const key of Object.keys(EXCEPTIONS)) {
      assert.ok(key in english, `${key} is a string of the bundle`);
      assert.notDeepStrictEqual(missingTerms(key, korean[key]), [], `${key} follows the glossary now: remove its exception`);
    }
  });
});
