/**
 * Facts that the rules, the listing preview and the scaffold all hold are one table each
 * (`core/src/knowledge/`). These tests check that what each place *does* agrees, not only that
 * they import the same table: a preview that links a video the rule rejects, or keeps a tag the
 * rule reports, is what a publisher would trip on.
 */
import * as assert from 'assert';
import { parse } from 'jsonc-parser';
import { OFFER_DIAGNOSTIC_SOURCE } from '@core/knowledge/diagnosticSource';
import { LOGO_DIMENSIONS, LOGO_SIZES, LOGOS } from '@core/knowledge/logos';
import { RICH_TEXT_TAG_LIST, RICH_TEXT_TAGS } from '@core/knowledge/richText';
import { VIDEO_HOSTS } from '@core/knowledge/videoHosts';
import { scaffoldOffer } from '../../../client/src/commands/offerScaffold';
import { renderListing, sanitizeDescription } from '../../../client/src/preview/renderListing';
import { safeUrl } from '../../../client/src/preview/safeUrl';
import { previewData } from '../../../server/src/features/previewData';
import { publishStatus } from '../../../server/src/features/publishStatus';
import { codeActions } from '../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../server/src/lsp/lspDiagnostics';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { editingService, offerDocument, OFFER_LOCATION, offsetOf, positionAt } from '../../support/editingHarness';
import { check, EXAMPLE_OFFER_TEXT, exampleOffer, printed } from '../../support/offerHarness';
import { makePng } from '../../support/pngWriter';

/** Every HTML element name a pasted description might hold, the editor's and many more. */
const HTML_TAGS = [
  ...RICH_TEXT_TAGS,
  'abbr', 'address', 'article', 'aside', 'audio', 'big', 'blink', 'blockquote', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'header', 'hr',
  'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'legend', 'main', 'mark', 'marquee', 'nav', 'object', 'pre', 'q', 's', 'samp', 'section',
  'small', 'strike', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'var', 'video',
];

function withDescription(html: string): string {
  const offer = exampleOffer();
  offer.listing.description = html;
  return printed(offer);
}

/** The image paths the server gives the preview for an offer (plain data). */
function previewImagePaths(offer: unknown): string[] {
  const document = OfferDocument.fromText(JSON.stringify(offer));
  return Object.keys(previewData(document, publishStatus(document, []), undefined).images);
}

/** The preview's HTML for an offer (plain data), with every image found. */
function preview(offer: unknown): string {
  const images = new Map(previewImagePaths(offer).map((path) => [path, { status: 'ok' as const, src: `https://webview/${path}` }]));
  return renderListing({ offer, images, nonce: 'n', cspSource: 'https://webview', styleUri: 'https://webview/s.css', scriptUri: 'https://webview/p.js' });
}

describe('one table per fact: the rules, the preview, the hover and the scaffold agree', () => {
  it('keeps in the preview exactly the description tags that description-html accepts', () => {
    // Void elements are written alone; the others around a word.
    const html = HTML_TAGS.map((tag) => (['br', 'hr', 'img', 'input', 'col', 'embed'].includes(tag) ? `<${tag}>` : `<${tag}>x</${tag}>`)).join('');
    const reported = new Set(
      check(withDescription(html))
        .filter((d) => d.code === 'description-html')
        .map((d) => /<([a-z0-9]+)>/.exec(d.message)?.[1]),
    );
    const sanitized = sanitizeDescription(html);
    const keptByPreview = HTML_TAGS.filter((tag) => new RegExp(`<${tag}[ >/]`).test(sanitized));
    const acceptedByRule = HTML_TAGS.filter((tag) => !reported.has(tag));
    assert.deepStrictEqual(keptByPreview, acceptedByRule);
    assert.deepStrictEqual(keptByPreview, [...RICH_TEXT_TAGS]);
    // The rule's message lists the same tags.
    const message = check(withDescription('<table>x</table>')).find((d) => d.code === 'description-html')?.message;
    assert.ok(message?.endsWith(`use only ${RICH_TEXT_TAG_LIST}.`), message);
    assert.strictEqual(RICH_TEXT_TAG_LIST, 'p, br, b, strong, i, em, u, ul, ol, li, h1–h6, a, span, div');
  });

  it('links in the preview exactly the videos that video-host accepts', () => {
    const urls = [
      ...VIDEO_HOSTS.map((host) => `https://${host}/watch?v=1`),
      ...VIDEO_HOSTS.map((host) => `http://${host.toUpperCase()}/v/2`),
      'https://youtube.com.evil.example/watch?v=1',
      'https://evil.example/youtube.com',
      'https://youtube.com@evil.example/watch',
      'https://music.youtube.com/watch?v=1',
      'https://vimeo.co/1',
      'https://www.youtu.be/1',
      'https://dai.ly/x',
    ];
    for (const url of urls) {
      const offer = exampleOffer();
      offer.listing.videos = [{ name: 'Tour', url, thumbnail: 'media/video-thumbnail.png' }];
      const ruleAccepts = !check(printed(offer)).some((d) => d.code === 'video-host');
      const previewLinks = preview(offer).includes(`data-href="${safeUrl(url)!.replace(/&/g, '&amp;')}"`);
      assert.strictEqual(previewLinks, ruleAccepts, `${url}: the preview ${previewLinks ? 'links' : 'does not link'} it, the rule ${ruleAccepts ? 'accepts' : 'reports'} it`);
      assert.strictEqual(ruleAccepts, VIDEO_HOSTS.includes(new URL(url).hostname.toLowerCase()), url);
    }
  });

  it('shows in the preview, requires in logo-missing and writes in the scaffold the same four logos and sizes', () => {
    assert.deepStrictEqual([...LOGO_SIZES], ['small', 'medium', 'large', 'wide']);
    const offer = exampleOffer();
    offer.listing.logos = {};
    const missing = check(printed(offer)).filter((d) => d.code === 'logo-missing');
    assert.deepStrictEqual(
      missing.map((d) => d.path),
      LOGO_SIZES.map((size) => `/listing/logos/${size}`),
    );
    for (const { size, width, height } of LOGOS) {
      assert.ok(missing.find((d) => d.path.endsWith(size))?.message.includes(`${width}×${height}`), size);
    }

    offer.listing.logos = Object.fromEntries(LOGO_SIZES.map((size) => [size, `media/${size}.png`]));
    offer.listing.screenshots = [];
    offer.listing.videos = [];
    assert.deepStrictEqual(previewImagePaths(offer), LOGO_SIZES.map((size) => `media/${size}.png`));

    const scaffold = scaffoldOffer({ offerId: 'contoso', alias: 'Contoso', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    assert.deepStrictEqual(Object.keys(parse(scaffold).listing.logos), [...LOGO_SIZES]);
    assert.ok(scaffold.includes(`// PNG files: small ${LOGO_DIMENSIONS.small.width}×${LOGO_DIMENSIONS.small.height}, medium 90×90, large 115×115, wide 255×115 pixels.`));
  });

  it('expects the same logo sizes in the hover and in image-size', () => {
    for (const { size, width, height } of LOGOS) {
      const file = `media/logo-${size}.png`;
      const files = { [file]: makePng(width + 1, height) };
      const { service } = editingService(files);
      const hover = service.hover(offerDocument(EXAMPLE_OFFER_TEXT), positionAt(EXAMPLE_OFFER_TEXT, offsetOf(EXAMPLE_OFFER_TEXT, `"${file}"`, 1)), OFFER_LOCATION);
      // Below the field's description, the image's facts.
      const facts = (hover?.contents as MarkupContent).value.split('\n\n---\n\n').at(-1);
      assert.strictEqual(facts, `✗ ${width + 1} × ${height} pixels; expected ${width} × ${height} pixels.`);
      const offer = exampleOffer();
      const reported = check(printed(offer), { files }).filter((d) => d.code === 'image-size');
      assert.deepStrictEqual(reported.map((d) => d.path), [`/listing/logos/${size}`]);
      assert.ok(reported[0].message.includes(`${width}×${height}`), reported[0].message);
    }
  });

  it('publishes diagnostics under the one source the extension counts and the quick fixes act on', () => {
    const text = printed({ ...exampleOffer(), offerId: 'Contoso Ops' });
    const [diagnostic] = check(text).filter((d) => d.code === 'offer-id-format');
    const published = toLspDiagnostic(diagnostic);
    assert.strictEqual(published.source, OFFER_DIAGNOSTIC_SOURCE);
    const document = OfferDocument.fromText(text, 'file:///ws/offer/offer.json', 1);
    // Fix-all is not asked for: its check would find nothing.
    function* nothingFound() {
      yield;
      return [];
    }
    const fixesFor = (source: string) =>
      codeActions(document, { diagnostics: [{ ...published, source }] }, { catalog: RoleCatalog.builtin(), validationSteps: nothingFound, log: { error: assert.fail } }).length;
    assert.ok(fixesFor(OFFER_DIAGNOSTIC_SOURCE) > 0, 'a fix for our diagnostic');
    assert.strictEqual(fixesFor('another-extension'), 0, 'none for another extension\'s');
  });
});
