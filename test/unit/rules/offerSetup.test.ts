import * as assert from 'assert';
import { applyFix, fixesFor } from '../../support/fixHarness';
import { check, EXAMPLE_OFFER_TEXT, exampleOffer, expectNone, expectOne, makeHost, Offer, printed, textAt } from '../../support/offerHarness';

describe('offer setup rules', () => {
  describe('offer-id-format', () => {
    it('reports an uppercase offer id with the lowercase one to use', () => {
      const offer = exampleOffer();
      offer.offerId = 'Contoso-Ops';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'offer-id-format', '/offerId');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "Offer ID 'Contoso-Ops' must be lowercase: use 'contoso-ops'.");
      assert.strictEqual(textAt(text, diagnostic), '"Contoso-Ops"');
    });

    it('reports invalid characters', () => {
      const offer = exampleOffer();
      offer.offerId = 'contoso ops!';
      expectOne(check(offer), 'offer-id-format');
    });

    it('accepts 50 characters and refuses 51', () => {
      const offer = exampleOffer();
      offer.offerId = 'a'.repeat(50);
      expectNone(check(offer), 'offer-id-format');
      offer.offerId = 'a'.repeat(51);
      assert.match(expectOne(check(offer), 'offer-id-format').message, /51 characters; the limit is 50/);
    });
  });
});

/**
 * Rules of offer setup beyond the id's format: baseline identity, lead destination, secrets.
 * The example's files are generated once (`host`) so that each check takes milliseconds; the
 * baseline tests get a host of their own, as the baseline is a file in it.
 */
describe('offer setup rules (baseline, leads, secrets)', () => {
  const host = makeHost();
  const run = (offer: Offer) => check(offer, { host });

  /** The example's text (with its comments) with one piece replaced; fails if the piece is gone. */
  function exampleTextWith(search: string | RegExp, replacement: string): string {
    const text = EXAMPLE_OFFER_TEXT.replace(search, replacement);
    assert.notStrictEqual(text, EXAMPLE_OFFER_TEXT, `the example no longer holds ${search}`);
    return text;
  }

  const LEAD_BLOCK = /"leadManagement": \{[^}]*\}/;

  describe('offer-id-immutable', () => {
    it('reports an offer id that differs from the published one, with the fix to restore it', () => {
      const text = exampleTextWith('"offerId": "contoso-sentinel-ops"', '"offerId": "contoso-sentinel-operations"');
      const diagnostics = check(text, { baseline: exampleOffer() });
      const diagnostic = expectOne(diagnostics, 'offer-id-immutable', '/offerId');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "The offer ID is fixed from the moment the offer is created in Partner Center, where it is 'contoso-sentinel-ops': put 'contoso-sentinel-ops' back instead of 'contoso-sentinel-operations'.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"contoso-sentinel-operations"');

      const [fix] = fixesFor(text, diagnostic);
      assert.strictEqual(fix.title, "Restore the offer ID 'contoso-sentinel-ops' that Partner Center holds");
      const fixed = applyFix(text, fix);
      assert.ok(fixed.includes('// A complete managed service offer'), 'the comment is kept');
      const after = check(fixed, { baseline: exampleOffer() });
      expectNone(after, 'offer-id-immutable');
      expectNone(after, 'schema');
    });

    it('is silent when the id matches the baseline, and without a baseline', () => {
      expectNone(check(exampleOffer(), { baseline: exampleOffer() }), 'offer-id-immutable');
      const offer = exampleOffer();
      offer.offerId = 'another-offer';
      expectNone(run(offer), 'offer-id-immutable');
    });

    it('is silent when the published offer had no id to compare with', () => {
      const published = exampleOffer();
      delete published.offerId;
      const offer = exampleOffer();
      offer.offerId = 'another-offer';
      expectNone(check(offer, { baseline: published }), 'offer-id-immutable');
    });
  });

  describe('alias-immutable', () => {
    it('reports a changed alias on the alias value', () => {
      const offer = exampleOffer();
      offer.alias = 'Contoso SOC';
      const text = printed(offer);
      const diagnostic = expectOne(check(text, { baseline: exampleOffer() }), 'alias-immutable', '/alias');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "The alias is fixed from the moment the offer is created in Partner Center, where it is 'Contoso Sentinel Operations': put 'Contoso Sentinel Operations' back instead of 'Contoso SOC'.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"Contoso SOC"');
    });

    it('quotes at most about 60 characters of a long or hostile alias, with control characters escaped', () => {
      const offer = exampleOffer();
      offer.alias = '\u001b[31m' + 'x'.repeat(200_000);
      const diagnostic = expectOne(check(offer, { baseline: exampleOffer() }), 'alias-immutable');
      assert.ok(!diagnostic.message.includes('\u001b'), 'no raw escape character');
      assert.ok(diagnostic.message.includes("instead of '\\u001b[31m"), diagnostic.message.slice(0, 200));
      assert.ok(diagnostic.message.includes('… (200005 characters)'));
      assert.ok(diagnostic.message.length < 400);
    });

    it('treats a change of case as a change, and an unchanged alias as none', () => {
      const offer = exampleOffer();
      offer.alias = 'contoso sentinel operations';
      expectOne(check(offer, { baseline: exampleOffer() }), 'alias-immutable');
      expectNone(check(exampleOffer(), { baseline: exampleOffer() }), 'alias-immutable');
    });
  });

  describe('alias-required', () => {
    it('reports an offer without an alias at the missing property, instead of the schema', () => {
      const offer = exampleOffer();
      delete offer.alias;
      const text = printed(offer);
      const diagnostics = run(text);
      const diagnostic = expectOne(diagnostics, 'alias-required', '/alias');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        'The offer has no alias: Partner Center asks for it when the offer is created. Add "alias", the offer\'s name inside Partner Center (customers never see it).',
      );
      assert.strictEqual(textAt(text, diagnostic), '{');
      expectNone(diagnostics, 'schema');
    });

    it('reports an empty alias and one of spaces only on the value, and accepts one character', () => {
      const offer = exampleOffer();
      for (const blank of ['', '   ', '\t\n ']) {
        offer.alias = blank;
        const text = printed(offer);
        const diagnostic = expectOne(run(text), 'alias-required', '/alias');
        assert.match(diagnostic.message, /^The alias is empty: Partner Center asks for it when the offer is created\./);
        assert.strictEqual(textAt(text, diagnostic), JSON.stringify(blank));
      }
      offer.alias = 'C';
      expectNone(run(offer), 'alias-required');
    });

    it("offers the listing's name as the alias, else the offer ID, and keeps the file's comments", () => {
      const text = EXAMPLE_OFFER_TEXT.replace('  "alias": "Contoso Sentinel Operations",\n', '');
      assert.notStrictEqual(text, EXAMPLE_OFFER_TEXT);
      const [fix] = fixesFor(text, expectOne(run(text), 'alias-required'));
      assert.strictEqual(fix.title, "Use 'Contoso Sentinel Operations' as the alias");
      const fixed = applyFix(text, fix);
      assert.ok(fixed.includes('// A complete managed service offer'));
      expectNone(run(fixed), 'alias-required');
      expectNone(run(fixed), 'schema');

      const offer = exampleOffer();
      offer.alias = ' ';
      delete offer.listing.name;
      const blank = printed(offer);
      const [fromId] = fixesFor(blank, expectOne(run(blank), 'alias-required'));
      assert.strictEqual(fromId.title, "Use 'contoso-sentinel-ops' as the alias");
      assert.strictEqual(JSON.parse(applyFix(blank, fromId)).alias, 'contoso-sentinel-ops');
    });

    it('leaves an alias of the wrong type to the schema', () => {
      const offer = exampleOffer();
      offer.alias = 42;
      const diagnostics = run(offer);
      expectNone(diagnostics, 'alias-required');
      expectOne(diagnostics, 'schema', '/alias');
    });
  });

  describe('lead-destination-required', () => {
    it('reports an offer without leadManagement, at the missing property', () => {
      const offer = exampleOffer();
      delete offer.leadManagement;
      const text = printed(offer);
      const diagnostics = run(text);
      const diagnostic = expectOne(diagnostics, 'lead-destination-required', '/leadManagement');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.match(diagnostic.message, /^The offer has no leadManagement: managed service offers need a lead destination\./);
      assert.strictEqual(textAt(text, diagnostic), '{');
      expectNone(diagnostics, 'lead-destination-fields');
    });

    it('is silent when leadManagement is there (even if incomplete)', () => {
      const offer = exampleOffer();
      offer.leadManagement = {};
      expectNone(run(offer), 'lead-destination-required');
    });
  });

  describe('lead-destination-fields', () => {
    it('reports the missing emails of an email destination on the leadManagement key', () => {
      const text = exampleTextWith(LEAD_BLOCK, '"leadManagement": { "destination": "email" }');
      const diagnostic = expectOne(run(text), 'lead-destination-fields', '/leadManagement/emails');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, "The lead destination 'email' needs emails: add it.");
      assert.strictEqual(textAt(text, diagnostic), '"leadManagement"');
    });

    it('reports an empty list of emails and a malformed address, and accepts a good one', () => {
      const offer = exampleOffer();
      offer.leadManagement = { destination: 'email', emails: [] };
      assert.strictEqual(
        expectOne(run(offer), 'lead-destination-fields', '/leadManagement/emails').message,
        'The email lead destination has no address: add at least one to emails.',
      );
      offer.leadManagement.emails = ['leads@contoso.com', 'leads.contoso.com'];
      const diagnostic = expectOne(run(offer), 'lead-destination-fields', '/leadManagement/emails/1');
      assert.strictEqual(diagnostic.message, "'leads.contoso.com' is not an email address: write it as name@example.com.");
      offer.leadManagement.emails = ['leads@contoso.com'];
      expectNone(run(offer), 'lead-destination-fields');
    });

    it('demands an https endpoint: http is refused, https and ${env:…} are accepted', () => {
      const offer = exampleOffer();
      offer.leadManagement.httpsEndpointUrl = 'http://leads.contoso.com/api';
      const text = printed(offer);
      const diagnostic = expectOne(run(text), 'lead-destination-fields', '/leadManagement/httpsEndpointUrl');
      assert.match(diagnostic.message, /^The lead endpoint 'http:\/\/leads\.contoso\.com\/api' uses http: .*https:\/\/ endpoint\.$/);
      assert.strictEqual(textAt(text, diagnostic), '"http://leads.contoso.com/api"');
      offer.leadManagement.httpsEndpointUrl = '${env:LEADS_ENDPOINT}';
      const diagnostics = run(offer);
      expectNone(diagnostics, 'lead-destination-fields');
      expectNone(diagnostics, 'url-format');
    });

    it('leaves a malformed endpoint to url-format (one problem, one diagnostic)', () => {
      const offer = exampleOffer();
      offer.leadManagement.httpsEndpointUrl = 'leads.contoso.com/api';
      const diagnostics = run(offer);
      expectNone(diagnostics, 'lead-destination-fields');
      expectOne(diagnostics, 'url-format', '/leadManagement/httpsEndpointUrl');
    });

    it('lists every missing Marketo field', () => {
      const offer = exampleOffer();
      offer.leadManagement = { destination: 'marketo', marketoServerId: '123-ABC-456' };
      const found = run(offer).filter((d) => d.code === 'lead-destination-fields');
      assert.deepStrictEqual(
        found.map((d) => [d.path, d.message]),
        [
          ['/leadManagement/marketoMunchkinAccountId', "The lead destination 'marketo' needs marketoMunchkinAccountId: add it."],
          ['/leadManagement/marketoFormId', "The lead destination 'marketo' needs marketoFormId: add it."],
        ],
      );
    });

    it('reports an empty value of a needed field', () => {
      const offer = exampleOffer();
      offer.leadManagement = { destination: 'salesforce', salesforceOrgId: ' ' };
      assert.strictEqual(
        expectOne(run(offer), 'lead-destination-fields', '/leadManagement/salesforceOrgId').message,
        "salesforceOrgId is empty: the lead destination 'salesforce' needs it.",
      );
      offer.leadManagement.salesforceOrgId = '00D5g000004ABCD';
      expectNone(run(offer), 'lead-destination-fields');
    });

    it('reports an unknown destination instead of the schema, with the spelling to use', () => {
      const offer = exampleOffer();
      offer.leadManagement.destination = 'HTTPS';
      const diagnostics = run(offer);
      const diagnostic = expectOne(diagnostics, 'lead-destination-fields', '/leadManagement/destination');
      assert.strictEqual(diagnostic.message, "'HTTPS' is not a lead destination: use 'https'.");
      assert.deepStrictEqual(diagnostics.filter((d) => d.path === '/leadManagement/destination').map((d) => d.code), ['lead-destination-fields']);
    });

    it("reads a destination named like an object's own property ('constructor', '__proto__', 'toString') as unknown, with no fix", () => {
      for (const destination of ['constructor', '__proto__', 'toString']) {
        const offer = exampleOffer();
        offer.leadManagement = { destination, httpsEndpointUrl: 'https://leads.contoso.com/api' };
        const text = printed(offer);
        const diagnostic = expectOne(run(text), 'lead-destination-fields', '/leadManagement/destination');
        assert.strictEqual(
          diagnostic.message,
          `'${destination}' is not a lead destination: use one of 'email', 'https', 'azureTable', 'dynamics365', 'marketo', 'salesforce'.`,
        );
        assert.deepStrictEqual(fixesFor(text, diagnostic), []);
        // Nor does a field of such a "destination" make a fix that adds it.
        assert.deepStrictEqual(fixesFor(text, { ...diagnostic, path: '/leadManagement/length' }), []);
      }
    });

    it('reports a missing destination once', () => {
      const offer = exampleOffer();
      offer.leadManagement = { httpsEndpointUrl: 'https://leads.contoso.com/api' };
      const diagnostics = run(offer);
      const diagnostic = expectOne(diagnostics, 'lead-destination-fields', '/leadManagement/destination');
      assert.strictEqual(diagnostic.message, "leadManagement has no destination: choose one of 'email', 'https', 'azureTable', 'dynamics365', 'marketo', 'salesforce'.");
      assert.deepStrictEqual(diagnostics.filter((d) => d.path === '/leadManagement/destination').length, 1);
    });

    it('is silent for a complete destination of each kind', () => {
      const complete = [
        { destination: 'azureTable', storageAccountConnectionString: '${env:LEADS_STORAGE}' },
        { destination: 'dynamics365', dynamicsInstanceUrl: 'https://contoso.crm.dynamics.com' },
        { destination: 'marketo', marketoServerId: '123-ABC-456', marketoMunchkinAccountId: '123-ABC-456', marketoFormId: '1001' },
      ];
      for (const leadManagement of complete) {
        const offer = exampleOffer();
        offer.leadManagement = leadManagement;
        expectNone(run(offer), 'lead-destination-fields');
      }
    });
  });

  describe('secret-in-offer', () => {
    const KEY = 'q4B2m9ZKx0Vn3Rt7yW1pLs8dFh6Jc5Ge2Ua0Xo9Ni4Mb7Ek1Pz3Tw8Qv6Yr2Sl5Hd0Cf9Gj4Ka7Ib1Oe3Un8Ax6Wm==';
    const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=contosoleads;AccountKey=${KEY};EndpointSuffix=core.windows.net`;
    const AZURE_TABLE = `"leadManagement": {\n    "destination": "azureTable",\n    // the storage account of the CRM team\n    "storageAccountConnectionString": "${CONNECTION}"\n  }`;

    it('warns about an account key written inline, with the ${env:NAME} to use', () => {
      const text = exampleTextWith(LEAD_BLOCK, AZURE_TABLE);
      const diagnostic = expectOne(run(text), 'secret-in-offer', '/leadManagement/storageAccountConnectionString');
      assert.strictEqual(diagnostic.severity, 'warning');
      assert.strictEqual(
        diagnostic.message,
        "storageAccountConnectionString holds a secret ('AccountKey') written inline: anyone who can read this file can use it. Write ${env:LEADS_STORAGE_ACCOUNT_CONNECTION_STRING} and set the environment variable LEADS_STORAGE_ACCOUNT_CONNECTION_STRING where you publish; rotate the secret if the file was shared.",
      );
      assert.strictEqual(textAt(text, diagnostic), JSON.stringify(CONNECTION));
    });

    it('fixes it by putting ${env:NAME} in place, keeping the comments', () => {
      const text = exampleTextWith(LEAD_BLOCK, AZURE_TABLE);
      const diagnostic = expectOne(run(text), 'secret-in-offer');
      const fixes = fixesFor(text, diagnostic);
      assert.strictEqual(fixes.length, 1);
      assert.strictEqual(fixes[0].title, 'Replace the secret with ${env:LEADS_STORAGE_ACCOUNT_CONNECTION_STRING}');
      assert.ok(!fixes[0].isPreferred, 'not applied blindly: the secret must be saved elsewhere first');
      const fixed = applyFix(text, fixes[0]);
      assert.ok(fixed.includes('// the storage account of the CRM team'));
      assert.ok(fixed.includes('"storageAccountConnectionString": "${env:LEADS_STORAGE_ACCOUNT_CONNECTION_STRING}"'));
      assert.ok(!fixed.includes(KEY));
      const diagnostics = run(fixed);
      expectNone(diagnostics, 'secret-in-offer');
      expectNone(diagnostics, 'lead-destination-fields');
      expectNone(diagnostics, 'schema');
    });

    it('accepts a connection string without a key, or whose key is an ${env:…} reference', () => {
      const offer = exampleOffer();
      offer.leadManagement = { destination: 'azureTable', storageAccountConnectionString: 'UseDevelopmentStorage=true' };
      expectNone(run(offer), 'secret-in-offer');
      offer.leadManagement.storageAccountConnectionString = 'DefaultEndpointsProtocol=https;AccountName=contosoleads;AccountKey=${env:LEADS_KEY}';
      expectNone(run(offer), 'secret-in-offer');
    });

    it('warns about a bare storage key and a shared access signature', () => {
      const offer = exampleOffer();
      offer.leadManagement = { destination: 'azureTable', storageAccountConnectionString: KEY };
      assert.match(expectOne(run(offer), 'secret-in-offer').message, /holds a secret \('key'\)/);
      offer.leadManagement.storageAccountConnectionString = 'BlobEndpoint=https://contosoleads.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=t&sig=abc%3D';
      assert.match(expectOne(run(offer), 'secret-in-offer').message, /holds a secret \('SharedAccessSignature'\)/);
    });

    it('warns about a signed endpoint URL but not a plain one', () => {
      const offer = exampleOffer();
      offer.leadManagement.httpsEndpointUrl =
        'https://prod-27.westus.logic.azure.com/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Xk2v9Qe1Lm0Zr7';
      const diagnostic = expectOne(run(offer), 'secret-in-offer', '/leadManagement/httpsEndpointUrl');
      assert.match(diagnostic.message, /^httpsEndpointUrl holds a secret \('sig'\) .*\$\{env:LEADS_HTTPS_ENDPOINT_URL\}/);
      offer.leadManagement.httpsEndpointUrl = 'https://prod-27.westus.logic.azure.com/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=2016-06-01';
      expectNone(run(offer), 'secret-in-offer');
    });
  });
});
