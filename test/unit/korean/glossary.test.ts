/**
 * The Korean glossary (l10n/glossary.ko.json) holds every translation to its terms: where an
 * English string of the bundle, the manifest or a walkthrough page uses a term, its Korean uses
 * the term's Korean, so a term can't drift (제품 for offer, never 오퍼; 권한 부여 for authorization…).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../support/offerHarness';
import { drift, EXCEPTIONS, glossary, missingTerms, readJson } from './glossary';

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
