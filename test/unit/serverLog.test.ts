/**
 * *Show Output* is not empty: the server says in its output channel (window/logMessage) that it
 * started and with which role catalog, which offers it opened and closed, which files it re-read,
 * and what failed — and never an offer's content.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ServerLog } from '../../server/src/logging/serverLog';
import { LspTestClient } from '../support/lspClient';
import { EXAMPLE_OFFER_TEXT } from '../support/offerHarness';

describe('the server log', () => {
  it('writes one line per event, names files and counts, and escapes control characters', () => {
    const lines: string[] = [];
    const log = new ServerLog({ info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) });
    const file = path.resolve('/ws/offer.json');
    log.opened('file://' + file.split(path.sep).join('/'), 3);
    log.filesChanged([{ uri: 'file:///ws/a.png' }, { uri: 'file:///ws/b.png' }, { uri: 'file:///ws/c.csv' }, { uri: 'file:///ws/d.csv' }], 1);
    log.error('handler failed: \u001b[31mboom\nat line 1');
    assert.deepStrictEqual(lines, [
      `info Opened ${file} (version 3).`,
      `info 4 files changed on disk (${path.normalize('/ws/a.png')}, ${path.normalize('/ws/b.png')}, ${path.normalize('/ws/c.csv')} and 1 more): 1 open offer checked again, files re-read.`,
      'error handler failed: \\u001b[31mboom\nat line 1',
    ]);
  });

  it('hides a secret a failure quotes, at every level', () => {
    const lines: string[] = [];
    const log = new ServerLog({ info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) });
    log.info('Role catalog: 3 roles from /ws/roles.json?sig=Zk9Q7vLq2Wn8Rx4Tb9Ys1Pd5');
    log.warn('diagnostics refresh refused: https://leads.contoso.com/api?code=Zk9Q7vLq2Wn8Rx4Tb9Ys1Pd5');
    log.error('unhandled rejection: Error: cannot read https://leads.contoso.com/api?code=Zk9Q7vLq2Wn8Rx4Tb9Ys1Pd5');
    assert.deepStrictEqual(lines, [
      'info Role catalog: 3 roles from /ws/roles.json?sig=(hidden)',
      'warn diagnostics refresh refused: https://leads.contoso.com/api?code=(hidden)',
      'error unhandled rejection: Error: cannot read https://leads.contoso.com/api?code=(hidden)',
    ]);
  });

  describe('in a running server', () => {
    let client: LspTestClient;
    let folder: string;

    before(async () => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-log-'));
      client = await LspTestClient.start({ rootPath: folder });
    });

    after(async () => {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('says it started, with the shipped role catalog', () => {
      assert.ok(client.logs.some((line) => /^Marketplace Offer language server started \(Node [\d.]+, locale en, push diagnostics; workspace folders: /.test(line)), client.logs.join('\n'));
      assert.ok(client.logs.some((line) => /^Role catalog: \d{3,} built-in roles, shipped with the extension/.test(line)), client.logs.join('\n'));
    });

    it('logs a role catalog it could not use through the log, control characters escaped', async () => {
      const setting = path.join(folder, 'roles\u001b[31m.json');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { marketplaceOffer: { roleCatalogPath: setting } } });
      const deadline = Date.now() + 5000;
      while (!client.logs.some((line) => line.startsWith('Role catalog ') && line.includes(' not used: ')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const line = client.logs.find((logged) => logged.startsWith('Role catalog ') && logged.includes(' not used: '));
      assert.ok(line?.startsWith(`Role catalog ${path.join(folder, 'roles\\u001b[31m.json')} not used: `), client.logs.join('\n'));
      assert.ok(!client.logs.some((logged) => logged.includes('\u001b')), 'no raw escape character');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { marketplaceOffer: { roleCatalogPath: '' } } });
    });

    it('says which offer it opened and closed, which files it re-read, never what the offer holds', async () => {
      const offer = path.join(folder, 'offer.json');
      await client.open(offer, EXAMPLE_OFFER_TEXT);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uriOf(path.join(folder, 'media', 'logo.png')), type: 2 }] });
      await client.nextDiagnostics(client.uriOf(offer));
      client.close(offer);
      const deadline = Date.now() + 5000;
      while (!client.logs.some((line) => line.startsWith('Closed')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(client.logs.includes(`Opened ${offer} (version 1).`), client.logs.join('\n'));
      assert.ok(client.logs.includes(`1 file changed on disk (${path.join(folder, 'media', 'logo.png')}): 1 open offer checked again, files re-read.`), client.logs.join('\n'));
      assert.ok(client.logs.includes(`Closed ${offer}.`), client.logs.join('\n'));
      assert.ok(!client.logs.some((line) => line.includes('Contoso Sentinel Operations')), 'no content of the offer');
    });
  });
});
