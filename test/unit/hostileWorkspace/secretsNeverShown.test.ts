/**
 * Secrets in every URL field of an offer, and in every lead setting, in each form a publisher
 * pastes them (a Function key with and without the scheme, over http, a SAS signature, a password
 * in a query, a storage account key): `secret-in-offer` finds each one where it is, and no message,
 * hover, quick-fix title, preview, log line or checker output ever shows the secret itself.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { findNodeAtLocation, parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { urlFields } from '@core/knowledge/urlFields';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { OfferDocument } from '@core/model/offerDocument';
import { publishStatus } from '../../../server/src/features/publishStatus';
import { OfferLanguageService } from '../../../server/src/languageService';
import { createGuard } from '../../../server/src/lsp/guard';
import { toLspDiagnostic } from '../../../server/src/lsp/lspDiagnostics';
import type { Rule } from '../../../server/src/rules/rule';
import { validateOffer } from '../../../server/src/validation/validateOffer';
import { renderListing } from '../../../client/src/preview/renderListing';
import { LspTestClient } from '../../support/lspClient';
import { EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, exampleOffer, makeHost, OFFER_PATH, REPO_ROOT, WORKSPACE } from '../../support/offerHarness';
import { cleanUpTemporaryFolders, temporaryFolder } from '../../support/hostileFiles';

type Offer = ReturnType<typeof exampleOffer>;

/** Each form a secret is pasted in, with the secret value itself (what must never be shown). */
const FORMS: { form: string; value: (secret: string) => string }[] = [
  { form: 'a Function key', value: (secret) => `https://leads.contoso.com/api/lead?code=${secret}` },
  { form: 'a Function key without the scheme', value: (secret) => `leads.contoso.com/api/lead?code=${secret}` },
  { form: 'a Function key over http', value: (secret) => `http://leads.contoso.com/api/lead?clientId=default&code=${secret}` },
  { form: 'a SAS signature', value: (secret) => `https://contoso.blob.core.windows.net/docs/terms.pdf?sv=2022-11-02&sp=r&sig=${secret}` },
  { form: 'a password in the query', value: (secret) => `https://contoso.com/privacy?user=admin&password=${secret}` },
  { form: 'a storage account key', value: (secret) => `DefaultEndpointsProtocol=https;AccountName=contosoleads;AccountKey=${secret};EndpointSuffix=core.windows.net` },
];

/** Every field a secret may be pasted in: each URL field of the example, each lead setting, the terms. */
function fieldsOf(offer: Offer): string[][] {
  const document = OfferDocument.fromText(JSON.stringify(offer));
  const pointers = urlFields(document.root!).map(({ node }) => document.pointerOf(node));
  const lead = ['httpsEndpointUrl', 'dynamicsInstanceUrl', 'storageAccountConnectionString'].map((key) => `/leadManagement/${key}`);
  return [...new Set([...pointers, ...lead, '/properties/termsAndConditions'])].map((pointer) => pointer.slice(1).split('/'));
}

function setAt(offer: Offer, segments: string[], value: string): void {
  let current = offer;
  for (const segment of segments.slice(0, -1)) {
    current = current[segment];
  }
  current[segments[segments.length - 1]] = value;
}

let serial = 0;
/** A secret no other text contains, so that finding it anywhere is finding a leak. */
const newSecret = () => `Zk${++serial}Q7vLq2Wn8Rx4Tb9Ys1Pd5`;

describe('hostile workspace: secrets are found and never shown', function () {
  this.timeout(120_000);
  after(cleanUpTemporaryFolders);
  const host = makeHost();
  const location = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };

  it('covers every URL field of the example and every lead setting', () => {
    const fields = fieldsOf(exampleOffer()).map((segments) => segments.join('.'));
    for (const expected of ['listing.privacyPolicyUrl', 'listing.supportUrls.azureGlobal', 'leadManagement.httpsEndpointUrl', 'leadManagement.storageAccountConnectionString', 'properties.termsAndConditions']) {
      assert.ok(fields.includes(expected), `${expected} in ${fields.join(', ')}`);
    }
    assert.ok(fields.some((field) => /^listing\.usefulLinks\.\d+\.url$/.test(field)) && fields.some((field) => /^listing\.videos\.\d+\.url$/.test(field)), fields.join(', '));
  });

  for (const { form, value } of FORMS) {
    it(`finds ${form} in each field, and shows it in no message, hover, quick fix or preview`, () => {
      for (const segments of fieldsOf(exampleOffer())) {
        const secret = newSecret();
        const offer = exampleOffer();
        setAt(offer, segments, value(secret));
        const text = JSON.stringify(offer, null, 2);
        const pointer = '/' + segments.join('/');
        const service = new OfferLanguageService({ fileHost: host });
        const document = TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 1, text);
        const diagnostics = service.validate(document, location);

        const found = diagnostics.filter((d) => d.code === 'secret-in-offer');
        assert.deepStrictEqual(found.map((d) => d.path), [pointer], `${form} in ${pointer}`);
        const shown = [...diagnostics.map((d) => d.message)];

        // Every quick fix offered for these problems, and "fix all".
        const lsp: Diagnostic[] = diagnostics.map((d) => ({ ...toLspDiagnostic(d), source: 'offer' }));
        shown.push(...service.codeActions(document, { diagnostics: lsp }, location).map((action) => action.title));
        shown.push(...service.codeActions(document, { diagnostics: lsp, only: ['source.fixAll'] }, location).map((action) => action.title));

        // The hover on the value, and on its key.
        const valueOffset = text.indexOf(secret);
        for (const offset of [valueOffset, text.lastIndexOf(`"${segments.at(-1)}"`, valueOffset) + 1]) {
          const hover = service.hover(document, document.positionAt(offset), location);
          shown.push((hover?.contents as MarkupContent | undefined)?.value ?? '');
        }

        // The listing preview.
        shown.push(
          renderListing({
            offer,
            images: new Map(),
            nonce: 'n',
            cspSource: 'https://csp',
            styleUri: 's.css',
            scriptUri: 's.js',
            status: publishStatus(service.parse(document), diagnostics),
          }),
        );
        const leaks = shown.filter((line) => line.includes(secret));
        assert.deepStrictEqual(leaks, [], `${form} in ${pointer}`);
      }
    });
  }

  it('names the secret in secret-in-offer, and for a lead setting offers ${env:NAME}', () => {
    const offer = exampleOffer();
    offer.leadManagement.httpsEndpointUrl = `leads.contoso.com/api/lead?code=${newSecret()}`;
    offer.listing.privacyPolicyUrl = `https://contoso.com/privacy?sig=${newSecret()}`;
    const diagnostics = new OfferLanguageService({ fileHost: host }).validate(
      TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 1, JSON.stringify(offer, null, 2)),
      location,
    );
    const messages = diagnostics.filter((d) => d.code === 'secret-in-offer').map((d) => d.message);
    assert.deepStrictEqual(messages, [
      "httpsEndpointUrl holds a secret ('code') written inline: anyone who can read this file can use it. Write ${env:LEADS_HTTPS_ENDPOINT_URL} and set the environment variable LEADS_HTTPS_ENDPOINT_URL where you publish; rotate the secret if the file was shared.",
      "privacyPolicyUrl holds a secret ('sig') in its URL: anyone who can read this file, and every customer who sees the listing, can use it. Take it out of the link and rotate it.",
    ]);
    const urlFormat = diagnostics.find((d) => d.code === 'url-format' && d.path === '/leadManagement/httpsEndpointUrl');
    assert.strictEqual(urlFormat?.message, "'leads.contoso.com/api/lead?code=(hidden)' is not an absolute URL: use 'https://leads.contoso.com/api/lead?code=(hidden)'.");
  });

  it('quotes an http lead endpoint in lead-destination-fields with its key hidden', () => {
    const offer = exampleOffer();
    offer.leadManagement.httpsEndpointUrl = `http://leads.contoso.com/api/lead?code=${newSecret()}`;
    const diagnostics = new OfferLanguageService({ fileHost: host }).validate(
      TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 1, JSON.stringify(offer, null, 2)),
      location,
    );
    assert.strictEqual(
      diagnostics.find((d) => d.code === 'lead-destination-fields')?.message,
      "The lead endpoint 'http://leads.contoso.com/api/lead?code=(hidden)' uses http: leads carry customer contact details, so Partner Center sends them only to an https:// endpoint.",
    );
  });

  it('hides a secret in a message built without quoteValue, whoever asks for the check', () => {
    const secret = newSecret();
    const offer = exampleOffer();
    offer.leadManagement.httpsEndpointUrl = `https://leads.contoso.com/api/lead?code=${secret}`;
    const document = OfferDocument.fromText(JSON.stringify(offer, null, 2), 'file://' + OFFER_PATH, 1);
    // A rule that (wrongly) writes the value raw into its message.
    const raw: Rule = {
      code: 'raw',
      severity: 'warning',
      docs: 'Repeats the lead endpoint as it is written.',
      check({ root, report }) {
        const endpoint = findNodeAtLocation(root, ['leadManagement', 'httpsEndpointUrl'])!;
        report(endpoint, `The endpoint is ${String(endpoint.value)}`);
      },
    };
    const messages = validateOffer({ document, catalog: RoleCatalog.builtin(), rules: [raw] }).map((d) => d.message);
    assert.deepStrictEqual(messages, ['The endpoint is https://leads.contoso.com/api/lead?code=(hidden)']);
  });

  it('shows no secret in the checker output, text or JSON', () => {
    const folder = temporaryFolder();
    fs.cpSync(EXAMPLE_DIR, folder, { recursive: true });
    const offer = parse(EXAMPLE_OFFER_TEXT);
    const secrets: string[] = [];
    FORMS.forEach(({ value }, i) => {
      const segments = fieldsOf(offer)[i];
      const secret = newSecret();
      secrets.push(secret);
      setAt(offer, segments, value(secret));
    });
    fs.writeFileSync(path.join(folder, 'offer.json'), JSON.stringify(offer, null, 2));
    for (const format of ['text', 'json']) {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--format', format, 'offer.json'], { cwd: folder, encoding: 'utf8' });
      assert.strictEqual(run.status, 1, run.stderr);
      assert.match(run.stdout, /secret-in-offer/);
      assert.deepStrictEqual(secrets.filter((secret) => (run.stdout + run.stderr).includes(secret)), [], format);
    }
  });

  it("shows no secret in the server's log when a handler fails on a value that holds one", () => {
    const logged: string[] = [];
    const secret = newSecret();
    const guard = createGuard({ error: (line) => logged.push(line) });
    return guard('hover', null, () => {
      throw new Error(`cannot read https://leads.contoso.com/api?code=${secret}`);
    })().then((answer) => {
      assert.strictEqual(answer, null);
      assert.strictEqual(logged.length, 1);
      assert.ok(logged[0].startsWith('hover failed: Error: cannot read https://leads.contoso.com/api?code=(hidden)'), logged[0]);
    });
  });

  it('shows no secret in anything the language server sends, log lines included', async () => {
    const folder = temporaryFolder();
    fs.cpSync(EXAMPLE_DIR, folder, { recursive: true });
    const offer = parse(EXAMPLE_OFFER_TEXT);
    const secret = newSecret();
    offer.leadManagement.httpsEndpointUrl = `http://leads.contoso.com/api/lead?code=${secret}`;
    const offerPath = path.join(folder, 'offer.json');
    const text = JSON.stringify(offer, null, 2);
    fs.writeFileSync(offerPath, text);
    const client = await LspTestClient.start({ rootPath: folder });
    const sent: unknown[] = [];
    client.connection.onNotification((method: string, params: unknown) => sent.push({ method, params }));
    try {
      const diagnostics = await client.open(offerPath, text);
      assert.ok(diagnostics.some((d) => d.code === 'secret-in-offer'));
      const position = TextDocument.create('file:///x', 'json', 1, text).positionAt(text.indexOf(secret));
      sent.push(await client.request('textDocument/hover', { textDocument: { uri: client.uriOf(offerPath) }, position }));
      sent.push(await client.request('textDocument/codeAction', { textDocument: { uri: client.uriOf(offerPath) }, range: diagnostics[0].range, context: { diagnostics } }));
      const everything = JSON.stringify([diagnostics.map((d) => d.message), sent, client.logs]);
      assert.ok(!everything.includes(secret), everything.slice(Math.max(0, everything.indexOf(secret) - 400), everything.indexOf(secret) + 100));
    } finally {
      await client.stop();
    }
  });
});
