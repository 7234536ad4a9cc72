/**
 * The hand-off view's renderer (`client/src/handoff/renderHandoff.ts`), tested on its HTML as a
 * browser parses it: every field of the sheet with its label and its exact value, a copy button
 * per value that names the field and never carries the value, a tick per field under its tick id,
 * secrets hidden, files with their state, notes, and counts per section and page that make a
 * 40-authorization offer usable. Every payload of the XSS corpus, in every text of the offer,
 * leaves nothing that could run.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'htmlparser2';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import type { HandoffField, HandoffSheet } from '@core/protocol';
import { renderHandoff } from '../../../client/src/handoff/renderHandoff';
import { handoffSheet } from '../../../server/src/features/handoff';
import { FileCache, OfferFiles } from '../../../server/src/workspace/offerFiles';
import { makeHost, OFFER_PATH, WORKSPACE } from '../../support/offerHarness';
import { exampleOffer, Offer, printed, REPO_ROOT } from './exampleFixture';

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz';
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const MEDIA = 'https://file+.vscode-resource.vscode-cdn.net/ext/media';
const STYLE_URI = `${MEDIA}/handoff.css`;
const SCRIPT_URI = `${MEDIA}/handoff.js`;
const EXPECTED_CSP = `default-src 'none'; style-src ${CSP_SOURCE}; script-src 'nonce-${NONCE}'`;
const PAYLOADS: string[] = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'xss-payloads.json'), 'utf8')).payloads;
const catalog = RoleCatalog.builtin();

/** The sheet of an offer, with the example's files beside it (as the server builds it). */
function sheetOf(offer: Offer): HandoffSheet {
  return handoffSheet(OfferDocument.fromText(printed(offer)), catalog, new OfferFiles(OFFER_PATH, WORKSPACE, makeHost(), new FileCache()));
}

function fieldsOf(sheet: HandoffSheet): HandoffField[] {
  return sheet.pages.flatMap((page) => page.sections.flatMap((section) => section.fields));
}

function render(sheet: HandoffSheet | undefined, ticked: Iterable<string> = [], fileName = 'offer.json'): string {
  return renderHandoff({ sheet, ticked: new Set(ticked), nonce: NONCE, cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI, fileName, scrollY: 0 });
}

// The DOM types of htmlparser2's parser (from its domhandler), without importing that package.
type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: unknown }>;

/** Elements (tags, scripts, styles) are the nodes with attributes. */
function isElement(node: ChildNode): node is Element {
  return 'attribs' in node;
}

function elements(nodes: ChildNode[]): Element[] {
  const found: Element[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) {
      found.push(node);
      stack.push(...[...node.children].reverse());
    } else if ('children' in node && Array.isArray(node.children)) {
      stack.push(...[...node.children].reverse());
    }
  }
  return found;
}

/** The text of an element as a browser shows it (entities decoded). */
function textOf(element: Element): string {
  return element.children.map((child) => ('data' in child ? String(child.data) : 'children' in child ? textOf(child as Element) : '')).join('');
}

function parse(html: string): Element[] {
  return elements(parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true }).children);
}

function hasClass(element: Element, name: string): boolean {
  return (element.attribs.class ?? '').split(/\s+/).includes(name);
}

function within(element: Element, className: string): Element[] {
  return elements(element.children).filter((child) => hasClass(child, className));
}

/** The rendered field of a sheet's field: its list item, found by the id it carries. */
function fieldElement(all: Element[], id: string): Element {
  const found = all.filter((element) => element.name === 'li' && hasClass(element, 'field') && element.attribs['data-field-id'] === id);
  assert.strictEqual(found.length, 1, `one rendered field ${id}`);
  return found[0];
}

/** The elements and attributes the renderer writes; nothing else may appear, whatever the offer holds. */
const ALLOWED_ELEMENTS = new Set([
  'html', 'head', 'meta', 'link', 'title', 'body', 'header', 'div', 'h1', 'h2', 'p', 'span', 'progress', 'label', 'input', 'button',
  'nav', 'ul', 'li', 'main', 'section', 'details', 'summary', 'code', 'pre', 'script',
]);
const ALLOWED_ATTRIBUTES = new Set(['class', 'id', 'for', 'type', 'checked', 'open', 'max', 'value', 'aria-label', 'title', 'lang']);
const HEAD_ATTRIBUTES: Record<string, string[]> = {
  meta: ['charset', 'http-equiv', 'content', 'name'],
  link: ['rel', 'href'],
  script: ['nonce', 'src'],
};
const BUTTON_CLASSES = ['copy', 'nav-link', 'expand-all', 'collapse-all', 'clear-ticks'];

/** Every way the page could run or load something, asserted on the parsed output. */
function assertNothingExecutable(html: string, sheet: HandoffSheet | undefined, where: string): Element[] {
  const all = parse(html);
  const scripts = all.filter((element) => element.name === 'script');
  assert.strictEqual(scripts.length, 1, `${where}: exactly the renderer's script`);
  assert.deepStrictEqual(scripts[0].attribs, { nonce: NONCE, src: SCRIPT_URI }, `${where}: the extension's script, with the nonce`);
  assert.strictEqual(scripts[0].children.length, 0, `${where}: the script has no inline body`);
  const metas = all.filter((element) => element.name === 'meta');
  assert.deepStrictEqual(metas.map((meta) => (meta.parent as Element).name), ['head', 'head', 'head'], `${where}: the three <meta> in <head>`);
  assert.strictEqual(metas.find((meta) => meta.attribs['http-equiv'] === 'Content-Security-Policy')?.attribs.content, EXPECTED_CSP, `${where}: the CSP`);
  assert.deepStrictEqual(all.filter((element) => element.name === 'link').map((link) => link.attribs), [{ rel: 'stylesheet', href: STYLE_URI }]);

  for (const element of all) {
    assert.ok(ALLOWED_ELEMENTS.has(element.name), `${where}: <${element.name}> in the output`);
    for (const [name, value] of Object.entries(element.attribs)) {
      const allowed = ALLOWED_ATTRIBUTES.has(name) || name.startsWith('data-') || (HEAD_ATTRIBUTES[element.name] ?? []).includes(name);
      assert.ok(allowed, `${where}: attribute ${name}="${value}" on <${element.name}>`);
    }
    if (element.name === 'input') {
      assert.strictEqual(element.attribs.type, 'checkbox', `${where}: an input that is not a tick`);
    }
    if (element.name === 'button') {
      assert.strictEqual(element.attribs.type, 'button', `${where}: a button that could submit`);
      assert.ok(BUTTON_CLASSES.some((name) => hasClass(element, name)), `${where}: a button the script does not know: ${element.attribs.class}`);
    }
  }
  if (sheet) {
    // As many fields, ticks and copy buttons as the sheet has fields: the offer added none.
    const fields = fieldsOf(sheet);
    assert.strictEqual(all.filter((element) => hasClass(element, 'field')).length, fields.length, `${where}: one field element per field`);
    assert.strictEqual(all.filter((element) => hasClass(element, 'tick')).length, fields.length, `${where}: one tick per field`);
    const copyable = fields.filter((field) => field.value !== undefined && field.value !== '' && !field.secret).length;
    assert.strictEqual(all.filter((element) => hasClass(element, 'copy')).length, copyable, `${where}: one copy button per value`);
  }
  return all;
}

/** Every string leaf of a JSON value, as a setter. */
function stringLeaves(value: Offer, setters: ((text: string) => void)[] = []): ((text: string) => void)[] {
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
    for (const key of Object.keys(value)) {
      if (typeof value[key] === 'string') {
        setters.push((text) => (value[key] = text));
      } else {
        stringLeaves(value[key], setters);
      }
    }
  }
  return setters;
}

describe('hand-off view renderer', () => {
  const sheet = sheetOf(exampleOffer());
  const fields = fieldsOf(sheet);

  it('shows every field of the example with its label and exact value, and a copy button that names the field', () => {
    const html = render(sheet);
    const all = assertNothingExecutable(html, sheet, 'example');
    assert.ok(fields.length >= 70, `${fields.length} fields`);
    for (const field of fields) {
      const element = fieldElement(all, field.id);
      assert.strictEqual(textOf(within(element, 'field-label')[0]), field.label, field.id);
      const [value] = within(element, 'value');
      assert.strictEqual(textOf(value), field.value ?? 'Not in the offer yet', `${field.id}: the value as it is to be typed`);
      const copy = within(element, 'copy');
      assert.deepStrictEqual(copy.map((button) => [button.attribs['data-field-id'], textOf(button)]), [[field.id, 'Copy']], field.id);
    }
    // The value never travels in an attribute: the extension looks it up by the field's id.
    const attributeValues = new Set(all.flatMap((element) => Object.values(element.attribs)));
    const inAttributes = fields.filter((field) => field.value !== undefined && attributeValues.has(field.value)).map((field) => field.id);
    assert.deepStrictEqual(inAttributes, []);
    // A multi-line value keeps its lines.
    const description = fieldElement(all, '/plans/gold/listing/description');
    assert.strictEqual(within(description, 'value')[0].name, 'pre');
    assert.match(html, /<h1>Partner Center hand-off<\/h1>/);
    assert.ok(html.includes('<span class="offer-title">Contoso Sentinel Operations</span>'));
  });

  it('says how each value is entered: typed, pasted, picked from a list or uploaded, with the offer\'s own value of a choice', () => {
    const all = parse(render(sheet));
    const how = (id: string) => textOf(within(fieldElement(all, id), 'how')[0]);
    assert.strictEqual(how('/offerId'), 'type');
    assert.strictEqual(how('/listing/description'), 'paste');
    assert.strictEqual(how('/plans/gold/visibility'), 'pick from the list');
    assert.strictEqual(how('/listing/logos/large'), 'upload');
    assert.strictEqual(textOf(within(fieldElement(all, '/plans/gold/visibility'), 'source')[0]), 'In the offer: private');
  });

  it('puts a tick on every field under its tick id, checked when the offer\'s ticks hold it, and counts them', () => {
    const ticked = fields.filter((field) => field.id.startsWith('/offerId') || field.id.startsWith('/alias') || /^\/plans\/gold\/technicalConfiguration\/authorizations\/0[/#]/.test(field.id));
    const html = render(sheet, [...ticked.map((field) => field.tickId), '/offerId@00000000']);
    const all = parse(html);
    for (const field of fields) {
      const element = fieldElement(all, field.id);
      const [tick] = within(element, 'tick');
      assert.strictEqual(tick.attribs['data-tick-id'], field.tickId);
      const isTicked = ticked.includes(field);
      assert.strictEqual('checked' in tick.attribs, isTicked, field.id);
      assert.strictEqual(hasClass(element, 'ticked'), isTicked, field.id);
      // The label belongs to the tick: clicking the label ticks the field.
      assert.strictEqual(within(element, 'field-label')[0].attribs.for, tick.attribs.id);
    }
    assert.strictEqual(textOf(all.find((element) => 'data-progress' in element.attribs)!), `${ticked.length} of ${fields.length} fields ticked`);
    const bar = all.find((element) => element.name === 'progress')!;
    assert.deepStrictEqual([bar.attribs.value, bar.attribs.max], [String(ticked.length), String(fields.length)]);
    // A section with every field ticked starts folded and says so; the others are open with their counts.
    const sections = all.filter((element) => element.name === 'details');
    const created = sections.find((section) => section.attribs['data-section-id'] === 'offerSetup/create')!;
    assert.ok(!('open' in created.attribs) && hasClass(created, 'done'));
    assert.strictEqual(textOf(within(created, 'count')[0]), '2/2');
    const firstAuthorization = sections.find((section) => textOf(within(section, 'section-title')[0]) === 'Authorization 1: Tier 2 Operators')!;
    assert.strictEqual(textOf(within(firstAuthorization, 'count')[0]), '5/5');
    const leads = sections.find((section) => section.attribs['data-section-id'] === 'offerSetup/leads')!;
    assert.ok('open' in leads.attribs && !hasClass(leads, 'done'));
    assert.strictEqual(textOf(within(leads, 'count')[0]), '0/2');
  });

  it('lists the pages in Partner Center\'s order, each plan\'s under its name, with ticked/total per page', () => {
    const offer = exampleOffer();
    offer.plans.push({ ...exampleOffer().plans[0], planId: 'silver', name: 'Silver' });
    const twoPlans = sheetOf(offer);
    const all = parse(render(twoPlans, fieldsOf(twoPlans).filter((field) => field.id.startsWith('/plans/silver/')).map((field) => field.tickId)));
    const nav = all.find((element) => element.name === 'nav')!;
    const entries = elements(nav.children)
      .filter((element) => element.name === 'li')
      .map((item) => (hasClass(item, 'plan-heading') ? `# ${textOf(item)}` : textOf(item).replace(/\s+/g, ' ').trim()));
    const total = (page: number) => twoPlans.pages[page].sections.reduce((sum, section) => sum + section.fields.length, 0);
    assert.deepStrictEqual(entries, [
      `Offer setup 0/${total(0)}`,
      `Properties 0/${total(1)}`,
      `Offer listing 0/${total(2)}`,
      `Preview audience 0/${total(3)}`,
      '# Plan "gold"',
      `Plan listing 0/${total(4)}`,
      `Pricing and availability 0/${total(5)}`,
      `Technical configuration 0/${total(6)}`,
      '# Plan "silver"',
      `Plan listing ${total(7)}/${total(7)}`,
      `Pricing and availability ${total(8)}/${total(8)}`,
      `Technical configuration ${total(9)}/${total(9)}`,
      `Review and publish 0/${total(10)}`,
    ]);
    // Each entry leads to its page.
    const targets = elements(nav.children).filter((element) => element.name === 'button').map((button) => button.attribs['data-target']);
    const pages = all.filter((element) => element.name === 'section' && hasClass(element, 'page')).map((page) => page.attribs.id);
    assert.deepStrictEqual(targets, pages);
    assert.strictEqual(new Set(pages).size, twoPlans.pages.length);
  });

  it('makes 40 authorizations usable: a folding section each, with its name, role and count', () => {
    const offer = exampleOffer();
    const [template] = offer.plans[0].technicalConfiguration.authorizations;
    offer.plans[0].technicalConfiguration.authorizations = Array.from({ length: 40 }, (_, i) => ({ ...template, principalIdDisplayName: `Team ${i + 1}` }));
    const big = sheetOf(offer);
    const html = render(big, fieldsOf(big).filter((field) => /\/authorizations\/3[/#]/.test(field.id)).map((field) => field.tickId));
    const all = assertNothingExecutable(html, big, '40 authorizations');
    const authorizations = all.filter((element) => element.name === 'details' && /^Authorization \d+: /.test(textOf(within(element, 'section-title')[0])));
    assert.strictEqual(authorizations.length, 40);
    assert.deepStrictEqual(
      authorizations.slice(2, 5).map((section) => [textOf(within(section, 'section-title')[0]), textOf(within(section, 'count')[0]), 'open' in section.attribs]),
      [
        ['Authorization 3: Team 3', '0/5', true],
        ['Authorization 4: Team 4', '5/5', false],
        ['Authorization 5: Team 5', '0/5', true],
      ],
    );
    // Its controls: hide what is ticked, fold everything, start over.
    for (const action of ['hide-ticked', 'expand-all', 'collapse-all', 'clear-ticks']) {
      assert.strictEqual(all.filter((element) => hasClass(element, action)).length, 1, action);
    }
  });

  it('hides a secret, with its note and no copy button, and never writes it', () => {
    const offer = exampleOffer();
    const key = 'Zm9vYmFyLXNlY3JldC1rZXktdmFsdWU';
    offer.leadManagement.httpsEndpointUrl = `https://leads.contoso.com/api/marketplace?code=${key}`;
    const withSecret = sheetOf(offer);
    const html = render(withSecret);
    assert.ok(!html.includes(key));
    const element = fieldElement(parse(html), '/leadManagement/httpsEndpointUrl');
    assert.ok(hasClass(element, 'secret'));
    assert.deepStrictEqual(within(element, 'copy'), []);
    assert.ok(hasClass(within(element, 'value')[0], 'redacted'));
    assert.deepStrictEqual(
      elements(within(element, 'notes')[0].children).map(textOf),
      ['This value holds a secret (code), hidden here: paste the real value from where you keep it.'],
    );
    assert.strictEqual(textOf(within(element, 'how')[0]), 'secret: paste it from where you keep it');
  });

  it('shows whether each file to upload is there, and the notes the server wrote', () => {
    const offer = exampleOffer();
    offer.listing.logos.wide = 'media/missing.png';
    const all = parse(render(sheetOf(offer)));
    const state = (id: string) => within(fieldElement(all, id), 'file-state').map((badge) => [badge.attribs.class, textOf(badge)]);
    assert.deepStrictEqual(state('/listing/logos/large'), [['file-state file-ok', 'File found']]);
    assert.deepStrictEqual(state('/listing/logos/wide'), [['file-state file-not-found', 'File missing']]);
    const notes = (id: string) => within(fieldElement(all, id), 'notes').flatMap((list) => elements(list.children).map(textOf));
    assert.deepStrictEqual(notes('/listing/logos/wide'), ['The file does not exist.']);
    assert.deepStrictEqual(notes('/plans/gold/privateAudience/csv'), ['2 subscription IDs']);
  });

  it('says what is not in the offer yet, and offers no copy for it', () => {
    const offer = exampleOffer();
    delete offer.alias;
    offer.plans[0].name = '';
    const all = parse(render(sheetOf(offer)));
    const alias = fieldElement(all, '/alias');
    assert.strictEqual(textOf(within(alias, 'value')[0]), 'Not in the offer yet');
    assert.deepStrictEqual(within(alias, 'copy'), []);
    const name = fieldElement(all, '/plans/gold/name');
    assert.strictEqual(textOf(within(name, 'value')[0]), 'Empty in the offer');
    assert.deepStrictEqual(within(name, 'copy'), []);
  });

  it('shows invisible characters escaped, says so, and still copies the value as it is', () => {
    const offer = exampleOffer();
    offer.plans[0].technicalConfiguration.authorizations[0].principalIdDisplayName = 'Tier\u202e 2\u0007';
    const withControls = sheetOf(offer);
    const all = parse(render(withControls));
    const element = fieldElement(all, '/plans/gold/technicalConfiguration/authorizations/0/principalIdDisplayName');
    assert.strictEqual(textOf(within(element, 'value')[0]), 'Tier\\u202e 2\\u0007');
    assert.deepStrictEqual(
      elements(within(element, 'notes')[0].children).map(textOf),
      ['It holds invisible or control characters, shown escaped here; Copy copies the value as the offer has it.'],
    );
    assert.strictEqual(within(element, 'copy').length, 1);
  });

  it('keeps the lines and tabs of a value that holds an invisible character, and a CRLF value as it is', () => {
    const offer = exampleOffer();
    offer.listing.description = 'Line one\r\nLine\u200e two\n\tindented\rafter a lone CR';
    offer.listing.longSummary = 'First line\r\nSecond line';
    const all = parse(render(sheetOf(offer)));
    const description = fieldElement(all, '/listing/description');
    const [value] = within(description, 'value');
    assert.strictEqual(value.name, 'pre');
    assert.strictEqual(textOf(value), 'Line one\r\nLine\\u200e two\n\tindented\\rafter a lone CR');
    assert.deepStrictEqual(
      elements(within(description, 'notes')[0].children).map(textOf),
      ['It holds invisible or control characters, shown escaped here; Copy copies the value as the offer has it.'],
    );
    const longSummary = fieldElement(all, '/listing/longSummary');
    assert.strictEqual(textOf(within(longSummary, 'value')[0]), 'First line\r\nSecond line');
    assert.deepStrictEqual(within(longSummary, 'notes'), []);
  });

  it('writes each value once, whatever its size: a 200,000-character description and 2,000 authorizations', () => {
    const offer = exampleOffer();
    const long = 'Managed Sentinel operations. '.repeat(7000).slice(0, 200_000);
    offer.listing.description = long;
    const [template] = offer.plans[0].technicalConfiguration.authorizations;
    offer.plans[0].technicalConfiguration.authorizations = Array.from({ length: 2000 }, (_, i) => ({ ...template, principalIdDisplayName: `Team ${i + 1}` }));
    const big = sheetOf(offer);
    const html = render(big);
    assert.strictEqual(html.split(long).length - 1, 1, 'the long value once, as it is');
    const fieldCount = fieldsOf(big).length;
    const valueBytes = fieldsOf(big).reduce((sum, field) => sum + (field.value?.length ?? 0), 0);
    // The page grows with the sheet: about a kilobyte of markup per field, plus the values.
    assert.ok(html.length < valueBytes + 1200 * fieldCount, `${html.length} characters for ${fieldCount} fields and ${valueBytes} of values`);
  });

  it('renders a placeholder while the server has not answered, and drops a nonce that could leave its attribute', () => {
    const waiting = render(undefined);
    assertNothingExecutable(waiting, undefined, 'waiting');
    assert.ok(waiting.includes('Waiting for the offer language server…'));
    const html = renderHandoff({ sheet, ticked: new Set(), nonce: 'abc" onload="x', cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI });
    assert.ok(html.includes('<script nonce="abconload=x"'));
  });

  it('names the offer it shows on <html>, escaped, so that its script forgets the scroll and folded sections of another offer', () => {
    const page = (offer: string) =>
      renderHandoff({ sheet, ticked: new Set(), nonce: NONCE, cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI, offerUri: offer, scrollY: 0 });
    const uri = 'file:///ws/a%20"b"/<x>/offer.json';
    assert.strictEqual(parse(page(uri)).find((element) => element.name === 'html')?.attribs['data-offer-uri'], uri);
    for (const payload of PAYLOADS) {
      assertNothingExecutable(page(payload), sheet, `offer URI ${JSON.stringify(payload)}`);
    }
  });

  describe(`the XSS corpus (${PAYLOADS.length} payloads)`, () => {
    it('has at least 50 payloads', () => {
      assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
    });

    it('leaves nothing executable with a payload in every text of the offer at once, each shown as text', () => {
      for (const payload of PAYLOADS) {
        const offer = exampleOffer();
        stringLeaves(offer).forEach((set) => set(payload));
        // A key of the offer is shown too (an unknown lead setting's label).
        offer.leadManagement[payload] = payload;
        const hostile = sheetOf(offer);
        const all = assertNothingExecutable(render(hostile, fieldsOf(hostile).map((field) => field.tickId)), hostile, JSON.stringify(payload));
        // The payload is on the page as text, exactly, where the offer had it (unless it was a secret, hidden).
        const offerId = fieldsOf(hostile).find((field) => field.id === '/offerId')!;
        // eslint-disable-next-line no-control-regex -- a payload with control characters is shown escaped, not as written
        if (!offerId.secret && !/[\u0000-\u0008\u000b-\u001f]/.test(payload)) {
          assert.strictEqual(textOf(within(fieldElement(all, '/offerId'), 'value')[0]), payload);
        }
      }
    });

    it('leaves nothing executable with a payload in any one text of the offer', () => {
      const setters = stringLeaves(exampleOffer()).length;
      for (let leaf = 0; leaf < setters; leaf++) {
        // A different seventh of the corpus for each text: every payload goes into several texts.
        for (const payload of PAYLOADS.filter((_, index) => index % 7 === leaf % 7)) {
          const offer = exampleOffer();
          stringLeaves(offer)[leaf](payload);
          const hostile = sheetOf(offer);
          assertNothingExecutable(render(hostile), hostile, `text ${leaf} = ${JSON.stringify(payload)}`);
        }
      }
    });

    it('leaves nothing executable from the file name', () => {
      for (const payload of PAYLOADS) {
        assertNothingExecutable(render(sheet, [], payload), sheet, `file name ${JSON.stringify(payload)}`);
      }
    });
  });
});
