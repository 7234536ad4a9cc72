import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_DIR } from '../support/offerHarness';
import { LspTestClient } from '../support/lspClient';
import { makePng } from '../support/pngWriter';

describe('language server over stdio', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-lsp-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    client = await LspTestClient.start({ rootPath: workspace });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes no problems for the example offer when it is opened', async () => {
    const offerPath = path.join(workspace, 'offer.json');
    const diagnostics = await client.open(offerPath, fs.readFileSync(offerPath, 'utf8'));
    assert.deepStrictEqual(diagnostics.filter((d) => d.severity !== 3).map((d) => d.message), []);
  });

  it('publishes a problem after a change, with its code and source', async () => {
    const offerPath = path.join(workspace, 'offer.json');
    const text = fs.readFileSync(offerPath, 'utf8').replace('"contoso-sentinel-ops"', '"Contoso-Sentinel"');
    const diagnostics = await client.change(offerPath, text);
    const problem = diagnostics.find((d) => d.code === 'offer-id-format');
    assert.ok(problem, JSON.stringify(diagnostics));
    assert.strictEqual(problem.source, 'offer');
    assert.strictEqual(problem.severity, 1);
  });

  it('checks the offer again when an image it names changes on disk', async () => {
    const offerPath = path.join(workspace, 'offer.json');
    const text = fs.readFileSync(offerPath, 'utf8');
    const clean = await client.change(offerPath, text);
    assert.ok(!clean.some((d) => d.code === 'image-size'));
    const logo = path.join(workspace, 'media', 'logo-small.png');
    fs.writeFileSync(logo, makePng(41, 40));
    const next = client.nextDiagnostics(client.uriOf(offerPath));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uriOf(logo), type: 2 }] });
    const after = await next;
    const problem = after.find((d) => d.code === 'image-size');
    assert.ok(problem, JSON.stringify(after.map((d) => d.code)));
    assert.match(problem.message, /41×40/);
  });

  it('answers pull diagnostics when the client asks for them', async () => {
    const pull = await LspTestClient.start({ rootPath: workspace, pullDiagnostics: true });
    try {
      const offerPath = path.join(workspace, 'offer.json');
      await pull.open(offerPath, '{ "offerId": "Bad Id" }');
      const report = await pull.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', {
        textDocument: { uri: pull.uriOf(offerPath) },
      });
      assert.strictEqual(report.kind, 'full');
      assert.ok(report.items.some((d) => d.code === 'offer-id-format'));
    } finally {
      await pull.stop();
    }
  });
});
