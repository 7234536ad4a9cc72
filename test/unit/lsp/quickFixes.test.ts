/**
 * The quick fixes of issue 3, through the real language server over stdio: a broken offer (with
 * comments in it) is opened in a workspace made from the example, the fix is asked for and its
 * workspace edit applied as an editor would, and the server then must no longer report that
 * problem, the file must still parse and the comments must all be there. Needs `npm run build`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, ParseError, visit } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../../support/lspClient';
import { EXAMPLE_DIR, EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const DELETE_ROLE = '91c1777a-f3dc-4fae-b103-61d183457e46';

interface FixCase {
  /** The diagnostic the fix must remove: its code and JSON pointer. */
  code: string;
  path: string;
  /** Which fix to apply, when the diagnostic has several (by title). */
  title?: RegExp;
  /** The broken offer, made from the example's text (which has comments). */
  broken(example: string): string;
  /** The published baseline written beside the offer, for baseline rules. */
  baseline?: string;
  /** What the fixed offer must hold, beyond the diagnostic being gone. */
  expect?(fixed: unknown): void;
}

/** Replaces exactly one occurrence, so that a changed example fails loudly instead of silently. */
function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const matches = typeof search === 'string' ? text.split(search).length - 1 : (text.match(new RegExp(search, 'g')) ?? []).length;
  assert.strictEqual(matches, 1, `expected one ${String(search)} in the example`);
  return text.replace(search, replacement);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- offers are built as loose data on purpose, to write broken and hostile ones no type would allow
type Offer = any;

const cases: Record<string, FixCase> = {
  'role-name-instead-of-id': {
    code: 'role-name-instead-of-id',
    path: '/plans/0/technicalConfiguration/authorizations/0/roleDefinitionId',
    broken: (text) => replaceOnce(text, `"roleDefinitionId": "${CONTRIBUTOR}" // Contributor`, '"roleDefinitionId": "contributor" // Contributor'),
    expect: (offer: Offer) => assert.strictEqual(offer.plans[0].technicalConfiguration.authorizations[0].roleDefinitionId, CONTRIBUTOR),
  },
  'offer-id-format': {
    code: 'offer-id-format',
    path: '/offerId',
    broken: (text) => replaceOnce(text, '"contoso-sentinel-ops"', '"Contoso Sentinel Ops"'),
    expect: (offer: Offer) => assert.strictEqual(offer.offerId, 'contoso-sentinel-ops'),
  },
  'plan-id-format': {
    code: 'plan-id-format',
    path: '/plans/0/planId',
    broken: (text) => replaceOnce(text, '"planId": "gold"', '"planId": "Gold Plan"'),
    expect: (offer: Offer) => assert.strictEqual(offer.plans[0].planId, 'gold-plan'),
  },
  'delete-role-missing': {
    code: 'delete-role-missing',
    path: '/plans/0/technicalConfiguration',
    broken: (text) => replaceOnce(text, `"roleDefinitionId": "${DELETE_ROLE}"`, `"roleDefinitionId": "${READER}"`),
    expect: (offer: Offer) =>
      assert.ok(
        offer.plans[0].technicalConfiguration.authorizations.some((a: Offer) => a.roleDefinitionId === DELETE_ROLE),
        'an authorization with the Delete Role was added',
      ),
  },
  'uaa-delegated-roles-required': {
    code: 'uaa-delegated-roles-required',
    path: '/plans/0/technicalConfiguration/authorizations/3/delegatedRoleDefinitionIds',
    broken: (text) => replaceOnce(text, `"delegatedRoleDefinitionIds": ["${CONTRIBUTOR}"]`, '"delegatedRoleDefinitionIds": []'),
    expect: (offer: Offer) => assert.ok(offer.plans[0].technicalConfiguration.authorizations[3].delegatedRoleDefinitionIds.length > 0),
  },
  'delegated-roles-not-allowed': {
    code: 'delegated-roles-not-allowed',
    path: '/plans/0/technicalConfiguration/authorizations/0/delegatedRoleDefinitionIds',
    // The comment sits between the role and the property the fix removes: it must survive.
    broken: (text) =>
      replaceOnce(
        text,
        `"roleDefinitionId": "${CONTRIBUTOR}" // Contributor`,
        `"roleDefinitionId": "${CONTRIBUTOR}", // Contributor\n            "delegatedRoleDefinitionIds": ["${READER}"]`,
      ),
    expect: (offer: Offer) => assert.strictEqual(offer.plans[0].technicalConfiguration.authorizations[0].delegatedRoleDefinitionIds, undefined),
  },
  'public-plan-open': {
    code: 'public-plan-open',
    path: '/plans/0/visibility',
    broken: (text) =>
      replaceOnce(
        replaceOnce(text, '"visibility": "private"', '"visibility": "public"'),
        /"privateAudience": \{[^}]*\},\n\s*/,
        '',
      ),
    expect: (offer: Offer) => {
      assert.strictEqual(offer.plans[0].visibility, 'private');
      assert.ok(offer.plans[0].privateAudience, 'a private audience to fill in was added');
    },
  },
  'secret-in-offer': {
    code: 'secret-in-offer',
    path: '/leadManagement/storageAccountConnectionString',
    broken: (text) =>
      replaceOnce(
        text,
        /"destination": "https",\n\s*"httpsEndpointUrl": "[^"]*"/,
        '"destination": "azureTable", // leads go to a table\n    "storageAccountConnectionString": "DefaultEndpointsProtocol=https;AccountName=contosoleads;AccountKey=bXlzZWNyZXRrZXltYXRlcmlhbDEyMzQ1Njc4OTA=;EndpointSuffix=core.windows.net"',
      ),
    expect: (offer: Offer) => assert.match(offer.leadManagement.storageAccountConnectionString, /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/),
  },
  'manifest-version-not-increased': {
    code: 'manifest-version-not-increased',
    path: '/plans/0/technicalConfiguration/version',
    baseline: EXAMPLE_OFFER_TEXT,
    broken: (text) => replaceOnce(text, '"principalIdDisplayName": "SOC Analysts"', '"principalIdDisplayName": "SOC Analysts (EU)"'),
    expect: (offer: Offer) => assert.strictEqual(offer.plans[0].technicalConfiguration.version, '1.1.0'),
  },
  'listing-name-emoji': {
    code: 'listing-name-emoji',
    path: '/listing/name',
    broken: (text) => replaceOnce(text, '"name": "Contoso Sentinel Operations"', '"name": "Contoso Sentinel Operations 🚀"'),
    expect: (offer: Offer) => assert.strictEqual(offer.listing.name.trim(), 'Contoso Sentinel Operations'),
  },
  'url-format': {
    code: 'url-format',
    path: '/listing/privacyPolicyUrl',
    broken: (text) => replaceOnce(text, '"privacyPolicyUrl": "https://contoso.com/privacy"', '"privacyPolicyUrl": "contoso.com/privacy"'),
    expect: (offer: Offer) => assert.strictEqual(offer.listing.privacyPolicyUrl, 'https://contoso.com/privacy'),
  },
  'pricing-byol': {
    code: 'pricing-byol',
    path: '/plans/0/pricingModel',
    broken: (text) => replaceOnce(text, '"pricingModel": "BYOL"', '"pricingModel": "Free"'),
    expect: (offer: Offer) => assert.strictEqual(offer.plans[0].pricingModel, 'BYOL'),
  },
  'schema: unknown property, removed': {
    code: 'schema',
    path: '/listing/colour',
    title: /^Remove property 'colour'$/,
    broken: (text) => replaceOnce(text, '"privacyPolicyUrl":', '"colour": "blue", // not a listing field\n    "privacyPolicyUrl":'),
    expect: (offer: Offer) => assert.strictEqual(offer.listing.colour, undefined),
  },
  'schema: unknown property, renamed': {
    code: 'schema',
    path: '/listing/longSumary',
    title: /^Rename to 'longSummary'$/,
    broken: (text) => replaceOnce(text, '"longSummary":', '"longSumary":'),
    expect: (offer: Offer) => assert.match(offer.listing.longSummary, /^Contoso's security operations centre/),
  },
  'schema: missing property, inserted': {
    code: 'schema',
    path: '/offerType',
    title: /^Add the missing property 'offerType'$/,
    broken: (text) => replaceOnce(text, '  "offerType": "managedService",\n', ''),
    expect: (offer: Offer) => assert.strictEqual(offer.offerType, 'managedService'),
  },
  'alias-required: the listing name as the alias': {
    code: 'alias-required',
    path: '/alias',
    title: /^Use 'Contoso Sentinel Operations' as the alias$/,
    broken: (text) => replaceOnce(text, '  "alias": "Contoso Sentinel Operations",\n', ''),
    expect: (offer: Offer) => assert.strictEqual(offer.alias, 'Contoso Sentinel Operations'),
  },
};

/** Every `//` and `/* … *\/` comment of a JSONC text (found by the parser, not by a regex). */
function commentsOf(text: string): string[] {
  const comments: string[] = [];
  visit(text, { onComment: (offset, length) => comments.push(text.substr(offset, length)) });
  return comments;
}

function parseErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true });
  return errors;
}

function pathOf(diagnostic: Diagnostic): string | undefined {
  return (diagnostic.data as { path?: string } | undefined)?.path;
}

describe('quick fixes over LSP', function () {
  this.timeout(30000);
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-fixes-'));
    client = await LspTestClient.start({ rootPath: root });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** A fresh copy of the example in its own folder, the broken offer written there too. */
  function workspaceFor(name: string, text: string, baseline?: string): string {
    const folder = path.join(root, name.replace(/[^a-z0-9]+/gi, '-'));
    fs.cpSync(EXAMPLE_DIR, folder, { recursive: true });
    if (baseline !== undefined) {
      fs.writeFileSync(path.join(folder, 'offer.published.json'), baseline);
    }
    const offerPath = path.join(folder, 'offer.json');
    fs.writeFileSync(offerPath, text);
    return offerPath;
  }

  async function codeActionsFor(offerPath: string, diagnostics: Diagnostic[], only: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uriOf(offerPath) },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    });
  }

  function applyAction(offerPath: string, text: string, action: CodeAction): string {
    const edits = action.edit?.changes?.[client.uriOf(offerPath)];
    assert.ok(edits && edits.length > 0, `'${action.title}' edits the offer`);
    return TextDocument.applyEdits(TextDocument.create(client.uriOf(offerPath), 'marketplace-offer', 1, text), edits);
  }

  for (const [name, fixCase] of Object.entries(cases)) {
    it(`fixes ${name}`, async () => {
      const text = fixCase.broken(EXAMPLE_OFFER_TEXT);
      const comments = commentsOf(text);
      assert.ok(comments.length >= 5, 'the broken offer has comments to keep');
      const offerPath = workspaceFor(name, text, fixCase.baseline);
      try {
        const before = await client.open(offerPath, text);
        const diagnostic = before.find((d) => d.code === fixCase.code && pathOf(d) === fixCase.path);
        assert.ok(diagnostic, `the server reports ${fixCase.code} at ${fixCase.path}; it reported ${JSON.stringify(before.map((d) => [d.code, pathOf(d)]))}`);

        const actions = await codeActionsFor(offerPath, [diagnostic], ['quickfix']);
        const action = fixCase.title ? actions.find((a) => fixCase.title!.test(a.title)) : actions[0];
        assert.ok(action, `a quick fix is offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.strictEqual(action.kind, 'quickfix');
        assert.deepStrictEqual(action.diagnostics, [diagnostic], 'the fix is attached to its diagnostic');

        const fixed = applyAction(offerPath, text, action);
        const after = await client.change(offerPath, fixed);
        assert.deepStrictEqual(
          after.filter((d) => d.code === fixCase.code && pathOf(d) === fixCase.path).map((d) => d.message),
          [],
          `${fixCase.code} is gone after '${action.title}'`,
        );
        assert.deepStrictEqual(parseErrors(fixed), [], 'the fixed offer parses');
        assert.deepStrictEqual(after.filter((d) => d.message.startsWith('Malformed JSON')), [], 'no syntax problem is reported');
        for (const comment of comments) {
          assert.ok(fixed.includes(comment), `comment kept: ${comment}`);
        }
        fixCase.expect?.(parse(fixed));
      } finally {
        client.close(offerPath);
      }
    });
  }

  it('fixes several problems at once with "Fix all auto-fixable problems"', async () => {
    const problems: [string, string][] = [
      ['offer-id-format', '/offerId'],
      ['plan-id-format', '/plans/0/planId'],
      ['role-name-instead-of-id', '/plans/0/technicalConfiguration/authorizations/0/roleDefinitionId'],
      ['pricing-byol', '/plans/0/pricingModel'],
      ['url-format', '/listing/privacyPolicyUrl'],
      ['schema', '/listing/longSumary'],
    ];
    let text = EXAMPLE_OFFER_TEXT;
    for (const name of ['offer-id-format', 'plan-id-format', 'role-name-instead-of-id', 'pricing-byol', 'url-format', 'schema: unknown property, renamed']) {
      text = cases[name].broken(text);
    }
    const comments = commentsOf(text);
    const offerPath = workspaceFor('fix-all', text);
    try {
      const before = await client.open(offerPath, text);
      for (const [code, pointer] of problems) {
        assert.ok(before.some((d) => d.code === code && pathOf(d) === pointer), `the broken offer has ${code} at ${pointer}`);
      }
      const actions = await codeActionsFor(offerPath, [], ['source.fixAll']);
      assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable problems', 'source.fixAll.marketplaceOffer']]);

      const fixed = applyAction(offerPath, text, actions[0]);
      const after = await client.change(offerPath, fixed);
      for (const [code, pointer] of problems) {
        assert.ok(!after.some((d) => d.code === code && pathOf(d) === pointer), `${code} at ${pointer} is fixed`);
      }
      assert.deepStrictEqual(parseErrors(fixed), []);
      for (const comment of comments) {
        assert.ok(fixed.includes(comment), `comment kept: ${comment}`);
      }
      // The only problems were the fixable ones: the example is clean again.
      assert.deepStrictEqual(after.filter((d) => d.severity === 1).map((d) => `${d.code} ${pathOf(d)}: ${d.message}`), []);
    } finally {
      client.close(offerPath);
    }
  });

  it('answers the outline, folding, selection and formatting requests', async () => {
    const offerPath = workspaceFor('structure', EXAMPLE_OFFER_TEXT);
    try {
      await client.open(offerPath, EXAMPLE_OFFER_TEXT);
      const textDocument = { uri: client.uriOf(offerPath) };
      const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument });
      assert.strictEqual(symbols[0].name, 'contoso-sentinel-ops');
      assert.deepStrictEqual(symbols[0].children?.map((s) => s.name), ['Offer setup', 'Properties', 'Listing', 'Preview audience', 'Plans']);
      const folding = await client.request<{ startLine: number }[]>('textDocument/foldingRange', { textDocument });
      assert.ok(folding.some((range) => range.startLine === 0));
      const selection = await client.request<{ range: unknown; parent?: unknown }[]>('textDocument/selectionRange', {
        textDocument,
        positions: [{ line: 5, character: 17 }],
      });
      assert.strictEqual(selection.length, 1);
      assert.ok(selection[0].parent, 'the selection grows outwards');
      const edits = await client.request<{ newText: string }[]>('textDocument/formatting', {
        textDocument,
        options: { tabSize: 4, insertSpaces: true },
      });
      assert.ok(edits.length > 0, 'a 2-space offer is re-indented to 4 spaces');
      assert.ok(client.isAlive());
    } finally {
      client.close(offerPath);
    }
  });
});
