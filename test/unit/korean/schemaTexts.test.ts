/**
 * The schema's titles and descriptions in Korean (l10n/schema.l10n.ko.json): hovers and completion
 * show them to a Korean user instead of the schema's English. Every text of the schema has its
 * Korean, no Korean is left for a text the schema no longer has, and each keeps its code, its
 * Markdown and the glossary's terms.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { setLocale } from '@core/l10n';
import { hover } from '../../../server/src/features/hover';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { EXAMPLE_OFFER_TEXT, REPO_ROOT } from '../../support/offerHarness';
import { drift, readJson } from './glossary';

const HANGUL = /[\uac00-\ud7a3]/;

/** Every title, description and markdownDescription of the schema, once each. */
function schemaTexts(): string[] {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'offer.schema.json'), 'utf8'));
  const texts = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'title' || key === 'description' || key === 'markdownDescription') && typeof value === 'string') {
          texts.add(value);
        } else {
          walk(value);
        }
      }
    }
  };
  walk(schema);
  return [...texts];
}

/** What a translation carries over unchanged: code spans, bold markers, table rows, list items, paragraphs. */
function markdownShape(text: string): unknown {
  return {
    code: (text.match(/`[^`]+`/g) ?? []).sort(),
    bold: (text.match(/\*\*/g) ?? []).length,
    paragraphs: text.split('\n\n').length,
    listItems: (text.match(/^- /gm) ?? []).length,
    tableRows: (text.match(/^\|/gm) ?? []).length,
  };
}

describe('Korean: the schema texts (l10n/schema.l10n.ko.json)', () => {
  const korean = readJson('l10n/schema.l10n.ko.json');
  const texts = schemaTexts();

  afterEach(() => setLocale('en'));

  it('has a Korean text for every text of the schema, and for nothing else', () => {
    assert.ok(texts.length > 90, `the schema's texts are read (${texts.length})`);
    assert.deepStrictEqual(
      { missing: texts.filter((text) => !(text in korean)), stale: Object.keys(korean).filter((text) => !texts.includes(text)) },
      { missing: [], stale: [] },
    );
  });

  it('writes each in Hangul, with the same code, Markdown and numbers as its English', () => {
    for (const text of texts) {
      assert.ok(HANGUL.test(korean[text]), text);
      assert.deepStrictEqual(markdownShape(korean[text]), markdownShape(text), text);
      const numbers = (value: string) => (value.match(/\d+(?:,\d{3})*/g) ?? []).sort();
      assert.deepStrictEqual(numbers(korean[text]), numbers(text), text);
    }
  });

  it('follows the glossary', () => {
    assert.deepStrictEqual(drift(texts.map((text) => ['schema', text, korean[text]])), []);
  });

  it('is what a Korean hover shows above a field, in English for everyone else', () => {
    const document = new OfferDocument(TextDocument.create('file:///offer.json', 'marketplace-offer', 1, EXAMPLE_OFFER_TEXT));
    const offset = EXAMPLE_OFFER_TEXT.indexOf('"offerId"') + 2;
    const services = { catalog: RoleCatalog.builtin() };
    const shown = () => (hover(document, document.positionAt(offset), services)!.contents as MarkupContent).value;
    assert.ok(shown().startsWith('Offer ID: part of the marketplace URL.'), shown());
    setLocale('ko');
    assert.ok(shown().startsWith('제품 ID: 마켓플레이스 URL의 일부입니다.'), shown());
    assert.ok(shown().includes('**파트너 센터에서 제품을 만들면 고정됨**'), shown());
  });
});
