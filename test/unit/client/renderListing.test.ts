import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ElementType, parseDocument } from 'htmlparser2';
import { renderListing, ResolvedImage, sanitizeDescription } from '../../../client/src/preview/renderListing';
import { safeUrl } from '../../../client/src/preview/safeUrl';
import { publishStatus } from '../../../server/src/features/publishStatus';
import { OfferDocument } from '@core/model/offerDocument';
import { exampleOffer, Offer, REPO_ROOT } from './exampleFixture';

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz';
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const MEDIA = 'https://file+.vscode-resource.vscode-cdn.net/ext/media';
const STYLE_URI = `${MEDIA}/preview.css`;
const SCRIPT_URI = `${MEDIA}/preview.js`;
const IMAGE_BASE = 'https://file+.vscode-resource.vscode-cdn.net/ws/offer/';
const EXPECTED_CSP = `default-src 'none'; img-src ${CSP_SOURCE}; style-src ${CSP_SOURCE}; script-src 'nonce-${NONCE}'`;

const PAYLOADS: string[] = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'xss-payloads.json'), 'utf8')).payloads;

/** The image paths of an offer's listing, as the server lists them for the preview. */
function imagePathsOf(offer: Offer): string[] {
  const listing = offer?.listing;
  const paths: unknown[] = [
    ...Object.values(listing?.logos ?? {}),
    ...(Array.isArray(listing?.screenshots) ? listing.screenshots.map((shot: Offer) => shot?.path) : []),
    ...(Array.isArray(listing?.videos) ? listing.videos.map((video: Offer) => video?.thumbnail) : []),
  ];
  return paths.filter((p): p is string => typeof p === 'string' && p !== '');
}

/** Images of the example resolve to webview URIs; any other path (a payload) is "not found". */
function resolveImages(offer: Offer, missing: string[] = []): Map<string, ResolvedImage> {
  const images = new Map<string, ResolvedImage>();
  for (const imagePath of imagePathsOf(offer)) {
    const known = /^media\/[a-z-]+\.png$/.test(imagePath) && !missing.includes(imagePath);
    images.set(imagePath, known ? { status: 'ok', src: IMAGE_BASE + imagePath } : { status: 'not-found' });
  }
  return images;
}

function render(offer: Offer, options: { missing?: string[]; fileName?: string } = {}): string {
  const document = OfferDocument.fromText(JSON.stringify(offer));
  return renderListing({
    offer,
    images: resolveImages(offer, options.missing),
    nonce: NONCE,
    cspSource: CSP_SOURCE,
    styleUri: STYLE_URI,
    scriptUri: SCRIPT_URI,
    status: publishStatus(document, []),
    fileName: options.fileName ?? 'offer.json',
  });
}

// The DOM types of htmlparser2's parser (from its domhandler), without importing that package.
type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: unknown }>;

function elements(nodes: ChildNode[]): Element[] {
  const found: Element[] = [];
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style) {
      found.push(node);
      stack.push(...node.children);
    } else if ('children' in node && Array.isArray(node.children)) {
      stack.push(...node.children);
    }
  }
  return found;
}

/** Control characters and blanks that browsers skip inside a URL scheme ("java\tscript:"). */
function schemeOf(value: string): string {
  // eslint-disable-next-line no-control-regex -- browsers drop control characters from a URL before reading its scheme: so does this
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

const FORBIDDEN_ELEMENTS = ['iframe', 'object', 'embed', 'svg', 'math', 'base', 'form', 'input', 'button', 'style', 'template', 'noscript', 'frame', 'frameset', 'applet', 'video', 'audio', 'source', 'details', 'marquee'];

/** Attributes a browser follows as a URL (alt or title text may say "javascript:" harmlessly). */
const URL_ATTRIBUTES = ['href', 'data-href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'data', 'poster', 'cite', 'ping', 'lowsrc', 'dynsrc', 'content'];

/** Every way that HTML could run something, asserted on the parsed output, not on its text. */
function assertNothingExecutable(html: string, where: string): void {
  const document = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  const all = elements(document.children);

  const scripts = all.filter((element) => element.name === 'script');
  assert.strictEqual(scripts.length, 1, `${where}: exactly the renderer's script`);
  assert.strictEqual(scripts[0].attribs.nonce, NONCE, `${where}: the script has the nonce`);
  assert.strictEqual(scripts[0].attribs.src, SCRIPT_URI, `${where}: the script is the extension's file`);
  assert.strictEqual(scripts[0].children.length, 0, `${where}: the script has no inline body`);

  const metas = all.filter((element) => element.name === 'meta');
  assert.deepStrictEqual(
    metas.map((meta) => meta.parent && (meta.parent as Element).name),
    ['head', 'head', 'head'],
    `${where}: only the renderer's three <meta> elements, in <head>`,
  );
  const csp = metas.find((meta) => meta.attribs['http-equiv'] === 'Content-Security-Policy');
  assert.strictEqual(csp?.attribs.content, EXPECTED_CSP, `${where}: the CSP`);
  const links = all.filter((element) => element.name === 'link');
  assert.deepStrictEqual(links.map((link) => link.attribs.href), [STYLE_URI], `${where}: only the renderer's stylesheet`);

  for (const element of all) {
    assert.ok(!FORBIDDEN_ELEMENTS.includes(element.name), `${where}: <${element.name}> in the output`);
    for (const [name, value] of Object.entries(element.attribs)) {
      assert.ok(!name.startsWith('on'), `${where}: event handler ${name}="${value}" on <${element.name}>`);
      assert.notStrictEqual(name, 'style', `${where}: style attribute on <${element.name}>`);
      assert.notStrictEqual(name, 'srcset', `${where}: srcset on <${element.name}>`);
      if (URL_ATTRIBUTES.includes(name)) {
        const scheme = schemeOf(value);
        for (const bad of ['javascript:', 'data:', 'vbscript:']) {
          assert.ok(!scheme.startsWith(bad), `${where}: ${bad} URL in ${name} of <${element.name}>: ${value}`);
        }
      }
    }
    if (element.name === 'a') {
      // Links never navigate the webview: the target is only in data-href, for the script.
      assert.strictEqual(element.attribs.href, undefined, `${where}: <a href> in the preview`);
      if (element.attribs['data-href'] !== undefined) {
        assert.match(element.attribs['data-href'], /^(https?:\/\/|mailto:)/, `${where}: link to ${element.attribs['data-href']}`);
      }
    }
    if (element.name === 'img') {
      assert.ok(element.attribs.src.startsWith(IMAGE_BASE), `${where}: image from ${element.attribs.src}`);
    }
  }
}

/** Every text field of the offer the preview shows, as a setter. */
const TEXT_FIELDS: Record<string, (offer: Offer, value: string) => void> = {
  'listing.description': (o, v) => (o.listing.description = v),
  'listing.description (inside rich text)': (o, v) => (o.listing.description = `<p>Intro <strong>${v}</strong></p><ul><li>${v}</li></ul>`),
  'listing.name': (o, v) => (o.listing.name = v),
  'listing.searchResultsSummary': (o, v) => (o.listing.searchResultsSummary = v),
  'listing.longSummary': (o, v) => (o.listing.longSummary = v),
  'listing.privacyPolicyUrl': (o, v) => (o.listing.privacyPolicyUrl = v),
  'properties.termsAndConditions': (o, v) => (o.properties.termsAndConditions = v),
  'properties.categories[0]': (o, v) => (o.properties.categories[0] = v),
  'listing.usefulLinks[0].name': (o, v) => (o.listing.usefulLinks[0].name = v),
  'listing.usefulLinks[0].url': (o, v) => (o.listing.usefulLinks[0].url = v),
  'listing.logos.large': (o, v) => (o.listing.logos.large = v),
  'listing.screenshots[0].caption': (o, v) => (o.listing.screenshots[0].caption = v),
  'listing.screenshots[0].path': (o, v) => (o.listing.screenshots[0].path = v),
  'listing.videos[0].name': (o, v) => (o.listing.videos[0].name = v),
  'listing.videos[0].url': (o, v) => (o.listing.videos[0].url = v),
  'listing.videos[0].thumbnail': (o, v) => (o.listing.videos[0].thumbnail = v),
  'plans[0].planId': (o, v) => (o.plans[0].planId = v),
  'plans[0].name': (o, v) => (o.plans[0].name = v),
  'plans[0].listing.searchResultsSummary': (o, v) => (o.plans[0].listing.searchResultsSummary = v),
  'plans[0].listing.description': (o, v) => (o.plans[0].listing.description = v),
  'plans[0].visibility': (o, v) => (o.plans[0].visibility = v),
};

describe('listing preview renderer', () => {
  it('shows the example listing as a customer sees it', () => {
    const html = render(exampleOffer());
    assertNothingExecutable(html, 'example');
    const document = parseDocument(html);
    const all = elements(document.children);
    const textOf = (element: Element): string =>
      element.children.map((child) => ('data' in child ? String(child.data) : textOf(child as Element))).join('');
    const h1 = all.find((element) => element.name === 'h1');
    assert.strictEqual(h1 && textOf(h1), 'Contoso Sentinel Operations');
    // The description keeps its rich text (bold, list, link), sanitised.
    const description = all.find((element) => element.attribs.class === 'description')!;
    assert.ok(elements(description.children).some((element) => element.name === 'strong'));
    assert.strictEqual(elements(description.children).filter((element) => element.name === 'li').length, 3);
    const images = all.filter((element) => element.name === 'img').map((element) => element.attribs.src);
    assert.ok(images.includes(IMAGE_BASE + 'media/logo-large.png'), 'large logo from the offer folder');
    assert.ok(images.includes(IMAGE_BASE + 'media/screenshot-dashboard.png'));
    // The video is a thumbnail linking to YouTube, never embedded.
    const videoLink = all.find((element) => element.name === 'a' && element.attribs['data-href']?.startsWith('https://www.youtube.com/'));
    assert.ok(videoLink && elements(videoLink.children).some((element) => element.name === 'img'));
    assert.ok(html.includes('Private plan'));
    assert.ok(html.includes('Full 24x7 operations with two-hour incident response.'));
    // Contacts are hidden, as Partner Center hides them.
    assert.ok(!html.includes('support@contoso.com') && !html.includes('Dana Engineer'));
    assert.ok(html.includes('not shown to customers'));
  });

  describe('terms and conditions', () => {
    const TERMS = 'Contoso Managed Services Terms\n\n1. Contoso operates the delegated resources as agreed in the SOW.\n2. Either party may end the service with 30 days\' notice. <b>Not bold</b>';

    function termsOf(offer: Offer): { html: string; terms: Element | undefined; link: Element | undefined } {
      const html = render(offer);
      const all = elements(parseDocument(html).children);
      return {
        html,
        terms: all.find((element) => element.attribs.class === 'terms'),
        link: all.find((element) => element.name === 'a' && element.children.some((child) => 'data' in child && child.data === 'Terms and conditions')),
      };
    }

    it('shows terms written as text as the terms, under their label, line breaks and all, never as a broken link', () => {
      const offer = exampleOffer();
      offer.properties.termsAndConditions = TERMS;
      const { html, terms, link } = termsOf(offer);
      assert.ok(terms, 'a terms block');
      const inside = elements(terms.children);
      const label = inside.find((element) => element.attribs.class === 'terms-label')!;
      const body = inside.find((element) => element.attribs.class === 'terms-text')!;
      assert.strictEqual(label.children.map((child) => ('data' in child ? child.data : '')).join(''), 'Terms and conditions');
      assert.strictEqual(body.children.map((child) => ('data' in child ? child.data : '')).join(''), TERMS);
      assert.strictEqual(link, undefined);
      assert.ok(!html.includes('not an http or https URL'));
      assert.ok(!html.includes('<b>Not bold</b>'), 'the terms are text, not markup');
      assertNothingExecutable(html, 'terms');
    });

    it('shows a web address as a link, and a text that only looks like an address as text', () => {
      const { terms, link } = termsOf(exampleOffer());
      assert.strictEqual(link?.attribs['data-href'], 'https://contoso.com/legal/managed-services-terms');
      assert.strictEqual(terms, undefined);
      const offer = exampleOffer();
      offer.properties.termsAndConditions = 'See contoso.com/terms for our terms.';
      assert.ok(termsOf(offer).terms);
    });

    it('still says so of an address with another scheme, and of missing terms', () => {
      const offer = exampleOffer();
      offer.properties.termsAndConditions = 'ftp://contoso.com/terms';
      assert.ok(render(offer).includes('(not an http or https URL)'));
      offer.properties.termsAndConditions = '  ';
      assert.ok(render(offer).includes('No terms and conditions yet (properties.termsAndConditions).'));
    });
  });

  it('shows a clear placeholder for an image that is missing, and never an <img> for it', () => {
    const html = render(exampleOffer(), { missing: ['media/logo-large.png'] });
    assert.ok(html.includes('Image not found: media/logo-large.png'));
    assert.ok(!html.includes(`src="${IMAGE_BASE}media/logo-large.png"`));
  });

  it('says what is missing instead of breaking', () => {
    const offer = exampleOffer();
    delete offer.listing.name;
    delete offer.listing.description;
    delete offer.listing.logos;
    offer.plans = [];
    const html = render(offer);
    assert.ok(html.includes('No listing name yet (listing.name).'));
    assert.ok(html.includes('No description yet (listing.description).'));
    assert.ok(html.includes('No large logo yet'));
    assert.ok(html.includes('No plan yet: an offer needs at least one plan.'));
    assertNothingExecutable(html, 'missing fields');
  });

  it('renders a file that does not parse, or is not an object, as a message', () => {
    const unparsed = renderListing({ offer: undefined, images: new Map(), nonce: NONCE, cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI });
    assert.ok(unparsed.includes('cannot be read as JSON yet'));
    assertNothingExecutable(unparsed, 'unparsed');
    const array = renderListing({ offer: [1, 2], images: new Map(), nonce: NONCE, cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI });
    assert.ok(array.includes('An offer is a JSON object'));
  });

  it('links a video only when it is on YouTube or Vimeo', () => {
    const offer = exampleOffer();
    offer.listing.videos[0].url = 'https://videos.example.com/overview.mp4';
    const html = render(offer);
    assert.ok(html.includes('The video link is not a YouTube or Vimeo URL.'));
    assert.ok(!html.includes('data-href="https://videos.example.com'));
    offer.listing.videos[0].url = 'https://vimeo.com/76979871';
    assert.ok(render(offer).includes('data-href="https://vimeo.com/76979871"'));
  });

  it('shows publish readiness at the top, with the blocking problems', () => {
    const offer = exampleOffer();
    const document = OfferDocument.fromText(JSON.stringify(offer));
    const status = publishStatus(document, [{ severity: 'error', path: '/listing/name' }, { severity: 'error', path: '/listing/logos/small' }]);
    const html = renderListing({ offer, images: resolveImages(offer), nonce: NONCE, cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI, status });
    const main = html.indexOf('<main');
    const readiness = html.indexOf('Not ready to publish: 2 blocking problems.');
    assert.ok(readiness > 0 && readiness < main, 'readiness comes before the listing');
    assert.match(html, /Offer listing<\/span> <span class="section-label">Incomplete<\/span> <span class="section-problems">2 errors/);
  });

  it('drops a nonce that could break out of its attribute', () => {
    const html = renderListing({ offer: exampleOffer(), images: new Map(), nonce: 'abc" onload="x', cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI });
    assert.ok(html.includes(`<script nonce="abconload=x"`));
  });

  it('names the offer it shows on <html>, escaped, so that its script forgets the scroll position of another offer', () => {
    const page = (offer: string | undefined) =>
      renderListing({ offer: exampleOffer(), images: new Map(), nonce: NONCE, cspSource: CSP_SOURCE, styleUri: STYLE_URI, scriptUri: SCRIPT_URI, offerUri: offer, scrollY: 0 });
    const uri = 'file:///ws/a%20"b"/<x>/offer.json';
    const html = elements(parseDocument(page(uri)).children).find((element) => element.name === 'html');
    assert.strictEqual(html?.attribs['data-offer-uri'], uri);
    assert.ok(!elements(parseDocument(page(undefined)).children).some((element) => 'data-offer-uri' in element.attribs));
    for (const payload of PAYLOADS) {
      assertNothingExecutable(page(payload), `offer URI ${JSON.stringify(payload)}`);
    }
  });

  describe(`the XSS corpus (${PAYLOADS.length} payloads) in every text field`, () => {
    it('has at least 50 payloads', () => {
      assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
    });
    for (const [field, set] of Object.entries(TEXT_FIELDS)) {
      it(`leaves nothing executable from ${field}`, () => {
        for (const payload of PAYLOADS) {
          const offer = exampleOffer();
          set(offer, payload);
          assertNothingExecutable(render(offer), `${field} = ${JSON.stringify(payload)}`);
        }
      });
    }
    it('leaves nothing executable from the file name', () => {
      for (const payload of PAYLOADS) {
        assertNothingExecutable(render(exampleOffer(), { fileName: payload }), `file name ${JSON.stringify(payload)}`);
      }
    });
  });
});

describe('description sanitiser', () => {
  it('keeps the rich-text editor\'s tags and drops the rest, text included only where harmless', () => {
    assert.strictEqual(
      sanitizeDescription('<h2>Title</h2><p>A <b>bold</b> <em>claim</em><br>next</p><table><tr><td>cell</td></tr></table>'),
      '<h2>Title</h2><p>A <b>bold</b> <em>claim</em><br />next</p>cell',
    );
    assert.strictEqual(sanitizeDescription('<p>x<script>alert(1)</script>y</p>'), '<p>xy</p>');
  });

  it('keeps absolute http(s) and mailto link targets, as data-href, and drops every other', () => {
    assert.strictEqual(
      sanitizeDescription('<a href="https://contoso.com/a?b=1" style="color:red">ok</a>'),
      '<a data-href="https://contoso.com/a?b=1" role="link" tabindex="0" title="https://contoso.com/a?b=1">ok</a>',
    );
    assert.strictEqual(
      sanitizeDescription('<a href="mailto:sales@contoso.com">mail</a>'),
      '<a data-href="mailto:sales@contoso.com" role="link" tabindex="0" title="mailto:sales@contoso.com">mail</a>',
    );
    assert.strictEqual(sanitizeDescription('<a href="/relative">rel</a>'), '<a>rel</a>');
    assert.strictEqual(sanitizeDescription('<a href="javascript:alert(1)" onclick="x()">js</a>'), '<a>js</a>');
    assert.strictEqual(sanitizeDescription('<a data-href="javascript:alert(1)" tabindex="0">forged</a>'), '<a>forged</a>');
  });

  it('accepts only absolute http(s) URLs as link targets', () => {
    assert.strictEqual(safeUrl('https://contoso.com/x'), 'https://contoso.com/x');
    assert.strictEqual(safeUrl(' http://contoso.com '), 'http://contoso.com/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'contoso.com', 'mailto:a@b.c', 42]) {
      assert.strictEqual(safeUrl(bad), undefined, String(bad));
    }
  });
});
