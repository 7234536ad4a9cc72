/**
 * A language server for every editor (issue 17, item 4): the package's `offer-language-server`
 * command, installed as the README shows (npm installs the package globally, here under a
 * temporary prefix), started as Neovim, Helix or Emacs start it and spoken to as they speak: raw
 * JSON-RPC with Content-Length framing over stdio, no LSP library on the client side.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { CONTRIBUTOR_ROLE_ID } from '@core/catalog/roleCatalog';
import { RawLspClient } from '../support/rawLspClient';
import { EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, REPO_ROOT } from '../support/offerHarness';

interface Diagnostic {
  range: { start: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
}

/** The line and UTF-16 column of an offset, as LSP counts them. */
function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** `npm install -g` of this repository under a temporary prefix: what the README tells a user to run. */
function installCommand(prefix: string): string {
  const npm = process.env.npm_execpath;
  const args = ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', REPO_ROOT];
  const result =
    npm && npm.endsWith('.js')
      ? spawnSync(process.execPath, [npm, ...args], { encoding: 'utf8' })
      : spawnSync('npm', args, { encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stderr);
  const command = path.join(prefix, 'bin', 'offer-language-server');
  assert.ok(fs.existsSync(command), `${command} after npm install`);
  return command;
}

describe('offer-language-server, as any editor starts it', () => {
  let prefix: string;
  let workspace: string;
  let command: string;
  const clients: RawLspClient[] = [];

  before(() => {
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-prefix-'));
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-editor-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    command = installCommand(prefix);
  });

  afterEach(() => clients.splice(0).forEach((client) => client.kill()));

  after(() => {
    fs.rmSync(prefix, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function start(args: string[], capabilities: Record<string, unknown>) {
    const client = new RawLspClient(command, args, workspace);
    clients.push(client);
    const rootUri = pathToFileURL(workspace).href;
    const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'plain-test-client' },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'offer' }],
      capabilities,
    });
    client.notify('initialized', {});
    return { client, capabilities: result.capabilities };
  }

  const offerPath = () => path.join(workspace, 'offer.json');
  const uri = () => pathToFileURL(offerPath()).href;

  it('answers initialize, then pushes diagnostics, completes a role and hovers over it; shuts down with exit code 0', async () => {
    const { client, capabilities } = await start(['--stdio'], {
      textDocument: { publishDiagnostics: {}, completion: { completionItem: {} }, hover: { contentFormat: ['markdown', 'plaintext'] } },
    });
    assert.ok(capabilities.completionProvider, JSON.stringify(capabilities));
    assert.strictEqual(capabilities.hoverProvider, true);
    assert.ok(capabilities.textDocumentSync !== undefined);

    // An editor sends the file as it is on screen, under its own language id ("json" here).
    const text = EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel"').replace(
      `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}" // Contributor`,
      '"roleDefinitionId": ""',
    );
    client.notify('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'json', version: 1, text } });
    const published = (await client.waitFor('textDocument/publishDiagnostics', (params) => (params as { uri: string }).uri === uri())) as {
      diagnostics: Diagnostic[];
    };
    const offerId = published.diagnostics.find((d) => d.code === 'offer-id-format');
    assert.ok(offerId, JSON.stringify(published.diagnostics.map((d) => d.code)));
    assert.deepStrictEqual(offerId.range.start, positionOf(text, text.indexOf('"Contoso Sentinel"')));
    assert.strictEqual(offerId.severity, 1);
    assert.strictEqual(offerId.source, 'offer');

    const completion = await client.request<{ items: { label: string; detail?: string }[] } | { label: string; detail?: string }[]>(
      'textDocument/completion',
      { textDocument: { uri: uri() }, position: positionOf(text, text.indexOf('"roleDefinitionId": ""') + '"roleDefinitionId": "'.length) },
    );
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.strictEqual(items.find((item) => item.label === 'Contributor')?.detail, CONTRIBUTOR_ROLE_ID);
    assert.ok(!items.some((item) => item.label === 'Owner'), 'Azure Lighthouse does not accept Owner');

    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri: uri() },
      position: positionOf(text, text.indexOf('acdd72a7-3385-48ef-bd42-f606fba81ae7') + 3),
    });
    // The field's description, then the role's facts below a rule.
    assert.ok(hover.contents.value.includes('\n\n---\n\n**Reader**'), hover.contents.value);

    assert.strictEqual(await client.stop(), 0);
  });

  it('answers pulled diagnostics to a client that asks for them', async () => {
    const { client, capabilities } = await start(['--stdio'], { textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.ok(capabilities.diagnosticProvider, JSON.stringify(capabilities));
    client.notify('textDocument/didOpen', {
      textDocument: { uri: uri(), languageId: 'jsonc', version: 1, text: fs.readFileSync(offerPath(), 'utf8') },
    });
    const clean = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uri() } });
    assert.strictEqual(clean.kind, 'full');
    assert.deepStrictEqual(
      clean.items.filter((d) => d.severity <= 2).map((d) => d.message),
      [],
    );
    client.notify('textDocument/didChange', {
      textDocument: { uri: uri(), version: 2 },
      contentChanges: [{ text: EXAMPLE_OFFER_TEXT.replace('"BYOL"', '"Free"') }],
    });
    const broken = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uri() } });
    assert.deepStrictEqual(
      broken.items.filter((d) => d.severity === 1).map((d) => d.code),
      ['pricing-byol'],
    );
    assert.strictEqual(await client.stop(), 0);
  });

  it('speaks over stdio when started with no argument at all', async () => {
    const { client, capabilities } = await start([], {});
    assert.strictEqual(capabilities.hoverProvider, true);
    assert.strictEqual(await client.stop(), 0);
  });
});

describe('the offer schema in a plain JSON editor', () => {
  it('validates an offer that names it in "$schema" by a relative path, as VS Code\'s JSON support does without the extension', async () => {
    const schemaPath = path.join(REPO_ROOT, 'schemas', 'offer.schema.json');
    const service = getLanguageService({
      // Reads the schema file as an editor's JSON support reads a `$schema` relative to the document.
      schemaRequestService: (schemaUri) => fs.promises.readFile(new URL(schemaUri), 'utf8'),
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
    });
    const documentUri = pathToFileURL(path.join(EXAMPLE_DIR, 'offer.json')).href;
    const validate = async (text: string) => {
      const document = JsonTextDocument.create(documentUri, 'jsonc', 1, text);
      return service.doValidation(document, service.parseJSONDocument(document), { comments: 'ignore', trailingCommas: 'ignore' });
    };
    // The example names the schema as the README says: a path relative to the offer.
    assert.match(EXAMPLE_OFFER_TEXT, /"\$schema": "\.\.\/\.\.\/schemas\/offer\.schema\.json"/);
    assert.ok(fs.existsSync(schemaPath));
    assert.deepStrictEqual(
      (await validate(EXAMPLE_OFFER_TEXT)).map((d) => d.message),
      [],
    );
    const problems = await validate(
      EXAMPLE_OFFER_TEXT.replace('"BYOL"', '"Free"').replace('"visibility": "private"', '"visibilty": "private"'),
    );
    assert.ok(
      problems.some((d) => d.message.includes('BYOL')),
      JSON.stringify(problems.map((d) => d.message)),
    );
    assert.ok(
      problems.some((d) => /visibilty/.test(d.message)),
      JSON.stringify(problems.map((d) => d.message)),
    );
  });
});
