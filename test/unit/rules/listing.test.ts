import * as assert from 'assert';
import { setLocale } from '@core/l10n';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import { languageSample, SAMPLE_CHARACTERS } from '../../../server/src/rules/listing/descriptionLanguage';
import { parseRichText } from '../../../server/src/rules/listing/richText';
import { applyFix, fixesFor } from '../../support/fixHarness';
import { check, EXAMPLE_OFFER_TEXT, exampleOffer, expectNone, expectOne, makeHost, Offer, printed, textAt } from '../../support/offerHarness';

describe('listing rules', () => {
  const host = makeHost();
  const run = (offer: Offer) => check(offer, { host });

  /** The example's text (with its comments) with one piece replaced; fails if the piece is gone. */
  function exampleTextWith(search: string, replacement: string): string {
    assert.ok(EXAMPLE_OFFER_TEXT.includes(search), `the example no longer holds ${search}`);
    return EXAMPLE_OFFER_TEXT.replace(search, replacement);
  }

  /** Applies the single fix of a diagnostic and checks what a user would: still JSON, comment kept. */
  function applyOnlyFix(text: string, diagnostic: OfferDiagnostic, title: string): string {
    const fixes = fixesFor(text, diagnostic);
    assert.deepStrictEqual(fixes.map((fix) => fix.title), [title]);
    assert.strictEqual(fixes[0].isPreferred, true);
    const fixed = applyFix(text, fixes[0]);
    assert.ok(fixed.includes('// A complete managed service offer'), 'the comment is kept');
    expectNone(run(fixed), 'schema');
    return fixed;
  }

  /** The offer with its listing description replaced by `html`, as text. */
  function withDescription(html: string): string {
    const offer = exampleOffer();
    offer.listing.description = html;
    return printed(offer);
  }

  describe('listing-name-length', () => {
    it('accepts 50 characters and refuses 51', () => {
      const offer = exampleOffer();
      offer.listing.name = 'C'.repeat(50);
      expectNone(run(offer), 'listing-name-length');
      offer.listing.name = 'C'.repeat(51);
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'listing-name-length', '/listing/name');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The offer name has 51 characters; the limit is 50.');
      assert.strictEqual(textAt(text, diagnostic), `"${'C'.repeat(51)}"`);
    });

    it('counts characters as a person sees them, not UTF-16 units', () => {
      const offer = exampleOffer();
      offer.listing.name = '𝔸'.repeat(50);
      expectNone(run(offer), 'listing-name-length');
    });

    it('refuses an empty name', () => {
      const offer = exampleOffer();
      offer.listing.name = '';
      assert.strictEqual(expectOne(run(offer), 'listing-name-length').message, 'The offer name is empty: write 1 to 50 characters.');
    });
  });

  describe('listing-name-emoji', () => {
    it('refuses an emoji and removes it with the fix', () => {
      const text = exampleTextWith('"name": "Contoso Sentinel Operations"', '"name": "Contoso 🚀 Sentinel Operations"');
      const diagnostic = expectOne(run(text), 'listing-name-emoji', '/listing/name');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The offer name contains the emoji 🚀: remove it (only ™, ® and © are allowed).');
      assert.strictEqual(textAt(text, diagnostic), '"Contoso 🚀 Sentinel Operations"');
      const fixed = applyOnlyFix(text, diagnostic, "Remove the emoji: 'Contoso Sentinel Operations'");
      assert.ok(fixed.includes('"name": "Contoso Sentinel Operations"'));
      expectNone(run(fixed), 'listing-name-emoji');
    });

    it('allows ™ ® © written as text', () => {
      const offer = exampleOffer();
      offer.listing.name = 'Contoso™ Sentinel® Operations ©';
      expectNone(run(offer), 'listing-name-emoji');
    });

    it('treats a flag, a family and a keycap as one emoji each', () => {
      const offer = exampleOffer();
      offer.listing.name = 'Contoso 🇰🇷 👨‍👩‍👧 1️⃣ Ops';
      const diagnostic = expectOne(run(offer), 'listing-name-emoji');
      assert.strictEqual(diagnostic.message, 'The offer name contains the emoji 🇰🇷 👨‍👩‍👧 1️⃣: remove it (only ™, ® and © are allowed).');
      assert.deepStrictEqual(diagnostic.data, { value: 'Contoso 🇰🇷 👨‍👩‍👧 1️⃣ Ops', suggestion: 'Contoso Ops' });
    });

    it('refuses the emoji form of © and fixes it to the plain sign', () => {
      const text = exampleTextWith('"name": "Contoso Sentinel Operations"', '"name": "Contoso©\uFE0F Operations"');
      const diagnostic = expectOne(run(text), 'listing-name-emoji');
      const fixed = applyOnlyFix(text, diagnostic, "Remove the emoji: 'Contoso© Operations'");
      expectNone(run(fixed), 'listing-name-emoji');
    });

    it('offers no fix when nothing but emoji is left', () => {
      const offer = exampleOffer();
      offer.listing.name = '🚀🚀';
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'listing-name-emoji');
      assert.deepStrictEqual(fixesFor(text, diagnostic), []);
    });
  });

  describe('summary-length', () => {
    it('accepts 100 characters and refuses 101 in the offer listing', () => {
      const offer = exampleOffer();
      offer.listing.searchResultsSummary = 's'.repeat(100);
      expectNone(run(offer), 'summary-length');
      offer.listing.searchResultsSummary = 's'.repeat(101);
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'summary-length', '/listing/searchResultsSummary');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The search results summary has 101 characters; the limit is 100.');
      assert.strictEqual(textAt(text, diagnostic), `"${'s'.repeat(101)}"`);
    });

    it("checks every plan's summary, naming the plan", () => {
      const offer = exampleOffer();
      offer.plans[0].listing.searchResultsSummary = 'p'.repeat(101);
      const diagnostic = expectOne(run(offer), 'summary-length', '/plans/0/listing/searchResultsSummary');
      assert.strictEqual(diagnostic.message, "The search results summary of plan 'gold' has 101 characters; the limit is 100.");
      offer.plans[0].listing.searchResultsSummary = '';
      assert.strictEqual(
        expectOne(run(offer), 'summary-length', '/plans/0/listing/searchResultsSummary').message,
        "The search results summary of plan 'gold' is empty: write 1 to 100 characters.",
      );
      offer.plans[0].listing.searchResultsSummary = 'p'.repeat(100);
      expectNone(run(offer), 'summary-length');
    });

    it('refuses an empty offer summary', () => {
      const offer = exampleOffer();
      offer.listing.searchResultsSummary = ' ';
      assert.strictEqual(expectOne(run(offer), 'summary-length').message, 'The search results summary is empty: write 1 to 100 characters.');
    });
  });

  describe('long-summary-length', () => {
    it('accepts 256 characters and refuses 257', () => {
      const offer = exampleOffer();
      offer.listing.longSummary = 'l'.repeat(256);
      expectNone(run(offer), 'long-summary-length');
      offer.listing.longSummary = 'l'.repeat(257);
      const diagnostic = expectOne(run(offer), 'long-summary-length', '/listing/longSummary');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The long summary has 257 characters; the limit is 256.');
    });

    it('is silent when the long summary is absent', () => {
      const offer = exampleOffer();
      delete offer.listing.longSummary;
      expectNone(run(offer), 'long-summary-length');
    });
  });

  describe('description-length', () => {
    it('counts the HTML as written: 3000 characters pass, 3001 fail', () => {
      const body = 'd'.repeat(3000 - '<p></p>'.length);
      expectNone(run(withDescription(`<p>${body}</p>`)), 'description-length');
      const text = withDescription(`<p>${body}x</p>`);
      const diagnostic = expectOne(run(text), 'description-length', '/listing/description');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The description has 3001 characters (HTML tags included); the limit is 3000.');
    });

    it('refuses an empty description', () => {
      assert.strictEqual(expectOne(run(withDescription('')), 'description-length').message, 'The description is empty: write 1 to 3000 characters.');
    });
  });

  describe('description-html', () => {
    it("accepts every tag of the rich-text editor's set", () => {
      const html =
        '<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6><div><p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u><br>' +
        '<span>x</span> <a href="https://contoso.com">link</a></p><ul><li>one</li></ul><ol><li>two</li></ol></div>';
      expectNone(run(withDescription(html)), 'description-html');
    });

    it('reports a tag outside the set on the tag itself', () => {
      const text = withDescription('<p>Plans:</p><table class="x"><tr><td>Gold</td><td>Silver</td><td>Bronze</td></tr></table>');
      const found = run(text).filter((d) => d.code === 'description-html');
      assert.deepStrictEqual(
        found.map((d) => [textAt(text, d), d.message]),
        [
          ['<table class=\\"x\\">', "The description uses <table>, which the marketplace's rich-text editor doesn't allow: use only p, br, b, strong, i, em, u, ul, ol, li, h1–h6, a, span, div."],
          ['<tr>', "The description uses <tr>, which the marketplace's rich-text editor doesn't allow: use only p, br, b, strong, i, em, u, ul, ol, li, h1–h6, a, span, div."],
          ['<td>', "The description uses <td> (3 times), which the marketplace's rich-text editor doesn't allow: use only p, br, b, strong, i, em, u, ul, ol, li, h1–h6, a, span, div."],
        ],
      );
      assert.ok(found.every((d) => d.severity === 'error' && d.path === '/listing/description'));
    });

    it('reports a script element, whatever its case', () => {
      const text = withDescription('<p>Hi</p><SCRIPT>alert(1)</SCRIPT>');
      const diagnostic = expectOne(run(text), 'description-html');
      assert.strictEqual(diagnostic.message, 'The description contains a <script> element: remove it; the marketplace never runs scripts from a listing.');
      assert.strictEqual(textAt(text, diagnostic), '<SCRIPT>');
    });

    it('reports an event-handler attribute on an allowed tag', () => {
      const text = withDescription('<p onclick="steal()">Hi</p>');
      const diagnostic = expectOne(run(text), 'description-html');
      assert.strictEqual(diagnostic.message, "The description's <p> has the event-handler attribute 'onclick': remove it; script in a listing is refused.");
      assert.strictEqual(textAt(text, diagnostic), 'onclick=\\"steal()\\"');
    });

    it('reports javascript: links, also when hidden by entities, case and whitespace', () => {
      for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'jav&#x09;ascript:alert(1)', 'java\nscript:alert(1)']) {
        const diagnostic = expectOne(run(withDescription(`<p><a href="${href}">x</a></p>`)), 'description-html');
        assert.strictEqual(diagnostic.message, "The description's <a> has a javascript: URL in 'href': link to an https:// page instead.", href);
      }
    });

    it('reports both problems of an image with an onerror handler, with exact ranges', () => {
      const text = withDescription('<p>"quoted" text</p><img src=x onerror=alert(1)>');
      const found = run(text).filter((d) => d.code === 'description-html');
      assert.deepStrictEqual(found.map((d) => textAt(text, d)), ['<img src=x onerror=alert(1)>', 'onerror=alert(1)']);
    });

    it('puts the range on the tag as written, through JSON escapes', () => {
      const original = EXAMPLE_OFFER_TEXT.match(/"description": "<p>Contoso[^\n]*",\n/)![0];
      const text = EXAMPLE_OFFER_TEXT.replace(original, '"description": "<p>Tab\\there \\"quoted\\" \\u00e9</p>\\u003cmarquee\\u003eNew!</marquee>",\n');
      const diagnostic = expectOne(run(text), 'description-html');
      assert.strictEqual(textAt(text, diagnostic), '\\u003cmarquee\\u003e');
    });

    it('is silent on escaped markup, which is only text', () => {
      expectNone(run(withDescription('<p>Write &lt;script&gt; in your notes, or javascript: if you like.</p>')), 'description-html');
    });
  });

  describe('description-english-first', () => {
    const KOREAN = '<p>콘토소 센티널 운영은 Azure 환경을 위한 24시간 보안 운영 센터입니다. 자세한 내용은 웹사이트를 참조하세요.</p>';
    const FRENCH =
      '<p>Contoso exploite vos espaces de travail Microsoft Sentinel 24 heures sur 24.</p><p>Nos analystes trient les incidents, ajustent les règles et vous remettent un rapport chaque mois.</p>';
    const GERMAN =
      '<p>Contoso betreibt Ihre Microsoft-Sentinel-Arbeitsbereiche rund um die Uhr.</p><p>Unsere Analysten bewerten Vorfälle, passen Regeln an und berichten Ihnen jeden Monat.</p>';
    /** English listings heavy with product names and acronyms, which trip a naive trigram detector. */
    const ENGLISH = [
      '<p>Managed Kubernetes (AKS) operations: upgrades, node pool scaling, GitOps with Flux.</p>',
      '<p>24x7 Microsoft Sentinel operations for your Azure estate.</p>',
      '<p>Network operations center: ExpressRoute, Azure Firewall, Front Door and DDoS Protection.</p>',
      '<p>Azure Lighthouse delegated access: Tier 2 operators, read-only auditors, break-glass engineers.</p>',
      '<p>SOC as a service.</p>',
      '<h1>콘토소 보안 운영</h1><p>Security operations for Azure, around the clock, by the Contoso SOC team in Dublin and Seattle.</p>',
      '<p>Contoso (콘토소) runs Microsoft Sentinel for your Azure estate.</p>',
    ];

    it('warns about a description in Korean, naming the language', () => {
      const text = withDescription(KOREAN);
      const diagnostic = expectOne(run(text), 'description-english-first', '/listing/description');
      assert.strictEqual(diagnostic.severity, 'warning');
      assert.strictEqual(
        diagnostic.message,
        'The description reads as Korean, not English: write the listing in English, or begin or end it with "This application is available only in Korean."',
      );
    });

    it('warns about French and German, not only other scripts', () => {
      assert.match(expectOne(run(withDescription(FRENCH)), 'description-english-first').message, /^The description reads as French, not English/);
      assert.match(expectOne(run(withDescription(GERMAN)), 'description-english-first').message, /^The description reads as German, not English/);
    });

    it('is silent on English listings full of product names, and on the example', () => {
      for (const html of ENGLISH) {
        expectNone(run(withDescription(html)), 'description-english-first');
      }
      expectNone(run(exampleOffer()), 'description-english-first');
    });

    it('is silent when the statement is there, at the end or at the start', () => {
      expectNone(run(withDescription(KOREAN + '<p>This application is available only in Korean.</p>')), 'description-english-first');
      expectNone(run(withDescription('<p>This application is available only in Korean.</p>' + KOREAN)), 'description-english-first');
      expectNone(run(withDescription(FRENCH + '<p>This   application is <b>available</b> only in French.</p>')), 'description-english-first');
    });

    it('does not guess at a few words said again and again', () => {
      expectNone(run(withDescription('<p>' + 'Contoso operations. '.repeat(100) + '</p>')), 'description-english-first');
    });

    it('judges a short text only by its script', () => {
      expectOne(run(withDescription('<p>콘토소 보안 운영 센터</p>')), 'description-english-first');
      // Too short for the detector to tell French from English: no guess.
      expectNone(run(withDescription('<p>Sauvegarde gérée.</p>')), 'description-english-first');
    });

    it('reads a bounded sample of a 200,000-character description, and the statement anywhere in it', () => {
      const long = FRENCH.repeat(Math.ceil(200_000 / FRENCH.length));
      assert.ok(long.length >= 200_000);
      assert.ok(languageSample(parseRichText(long).text).length <= SAMPLE_CHARACTERS);
      assert.ok(languageSample('x'.repeat(200_000)) === '');
      expectOne(run(withDescription(long)), 'description-english-first');
      expectNone(run(withDescription(long + '<p>This application is available only in French.</p>')), 'description-english-first');
    });

    it('names the language in the language of the messages', () => {
      setLocale('ko');
      try {
        assert.match(expectOne(run(withDescription(FRENCH)), 'description-english-first').message, /프랑스어/);
      } finally {
        setLocale('en');
      }
    });
  });

  describe('url-format', () => {
    it('reports a URL without a scheme and adds https:// with the fix', () => {
      const text = exampleTextWith('"privacyPolicyUrl": "https://contoso.com/privacy"', '"privacyPolicyUrl": "contoso.com/privacy"');
      const diagnostic = expectOne(run(text), 'url-format', '/listing/privacyPolicyUrl');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "'contoso.com/privacy' is not an absolute URL: use 'https://contoso.com/privacy'.");
      assert.strictEqual(textAt(text, diagnostic), '"contoso.com/privacy"');
      const fixed = applyOnlyFix(text, diagnostic, "Add https:// ('https://contoso.com/privacy')");
      expectNone(run(fixed), 'url-format');
    });

    it('checks every URL field: useful links, support URLs, videos, lead endpoints', () => {
      const offer = exampleOffer();
      offer.listing.usefulLinks[0].url = 'contoso.com/runbook';
      offer.listing.supportUrls.azureGovernment = 'www.contoso.com/gov';
      offer.listing.videos[0].url = 'youtube.com/watch?v=dQw4w9WgXcQ';
      offer.leadManagement = { destination: 'dynamics365', dynamicsInstanceUrl: 'contoso.crm.dynamics.com' };
      const paths = run(offer)
        .filter((d) => d.code === 'url-format')
        .map((d) => d.path);
      assert.deepStrictEqual(paths, [
        '/leadManagement/dynamicsInstanceUrl',
        '/listing/usefulLinks/0/url',
        '/listing/supportUrls/azureGovernment',
        '/listing/videos/0/url',
      ]);
    });

    it('refuses another scheme, without a fix', () => {
      const offer = exampleOffer();
      offer.listing.usefulLinks[0].url = 'ftp://contoso.com/runbook';
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'url-format', '/listing/usefulLinks/0/url');
      assert.strictEqual(diagnostic.message, "'ftp://contoso.com/runbook' is a ftp: address: url must be a web address that starts with https:// (or http://).");
      assert.deepStrictEqual(fixesFor(text, diagnostic), []);
    });

    it('refuses what a lenient parser would repair, and text that no scheme repairs', () => {
      const offer = exampleOffer();
      offer.listing.privacyPolicyUrl = 'https:contoso.com/privacy';
      assert.strictEqual(
        expectOne(run(offer), 'url-format').message,
        "'https:contoso.com/privacy' is not an absolute URL: write the full address, starting with https://.",
      );
      offer.listing.privacyPolicyUrl = 'our privacy page';
      assert.strictEqual(expectOne(run(offer), 'url-format').data, undefined);
      offer.listing.privacyPolicyUrl = '';
      assert.strictEqual(expectOne(run(offer), 'url-format').message, 'privacyPolicyUrl is empty: give an absolute URL that starts with https://.');
    });

    it('accepts http and https URLs, and ${env:…} references', () => {
      const offer = exampleOffer();
      offer.listing.privacyPolicyUrl = 'http://contoso.com/privacy';
      offer.listing.supportUrls.azureGovernment = 'https://contoso.us/support?lang=en#top';
      offer.leadManagement.httpsEndpointUrl = '${env:LEADS_URL}';
      expectNone(run(offer), 'url-format');
    });

    it('is silent on a URL field of the wrong type (the schema reports it)', () => {
      const offer = exampleOffer();
      offer.listing.privacyPolicyUrl = 42;
      expectNone(run(offer), 'url-format');
    });
  });

  describe('privacy-url-required', () => {
    it('reports a missing privacy policy URL on the listing key', () => {
      const offer = exampleOffer();
      delete offer.listing.privacyPolicyUrl;
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'privacy-url-required', '/listing/privacyPolicyUrl');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The listing has no privacyPolicyUrl: add the https:// address of your privacy policy; Partner Center requires it.');
      assert.strictEqual(textAt(text, diagnostic), '"listing"');
    });

    it('is silent when it is there', () => {
      expectNone(run(exampleOffer()), 'privacy-url-required');
    });
  });

  describe('contact-required', () => {
    it('reports a missing contact on the listing key', () => {
      const offer = exampleOffer();
      delete offer.listing.supportContact;
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'contact-required', '/listing/supportContact');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The listing has no supportContact: add one with name, email and phone; Microsoft uses it to reach you about this offer.');
      assert.strictEqual(textAt(text, diagnostic), '"listing"');
    });

    it('reports the missing field of a contact precisely', () => {
      const offer = exampleOffer();
      delete offer.listing.engineeringContact.phone;
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'contact-required', '/listing/engineeringContact/phone');
      assert.strictEqual(diagnostic.message, 'The engineeringContact has no phone: add it.');
      assert.strictEqual(textAt(text, diagnostic), '"engineeringContact"');
    });

    it('reports a malformed email and an empty name, on the values', () => {
      const offer = exampleOffer();
      offer.listing.engineeringContact.email = 'dana@contoso';
      offer.listing.supportContact.name = '';
      const text = printed(offer);
      const diagnostics = run(text);
      const email = expectOne(diagnostics, 'contact-required', '/listing/engineeringContact/email');
      assert.strictEqual(email.message, "'dana@contoso' is not an email address: write it as name@example.com.");
      assert.strictEqual(textAt(text, email), '"dana@contoso"');
      assert.strictEqual(expectOne(diagnostics, 'contact-required', '/listing/supportContact/name').message, "The supportContact's name is empty: fill it in.");
    });

    it('accepts complete contacts, and is silent on a contact of the wrong type', () => {
      const offer = exampleOffer();
      offer.listing.engineeringContact.email = 'dana.engineer+offers@eng.contoso.co.uk';
      expectNone(run(offer), 'contact-required');
      offer.listing.supportContact = 'support@contoso.com';
      expectNone(run(offer), 'contact-required');
    });
  });

  describe('on a half-broken offer', () => {
    it('neither throws nor reports when the listing has the wrong type or text is cut off', () => {
      const offer = exampleOffer();
      offer.listing = [];
      const diagnostics = run(offer);
      assert.deepStrictEqual(diagnostics.filter((d) => d.path === '' && d.severity === 'info'), [], 'no rule failed');
      const cut = EXAMPLE_OFFER_TEXT.slice(0, EXAMPLE_OFFER_TEXT.indexOf('"description": "<p>') + 40);
      assert.deepStrictEqual(run(cut).filter((d) => d.severity === 'info' && d.path === ''), []);
    });
  });
});
