import * as assert from 'assert';
import * as path from 'path';
import { offerDiagnostics } from '../../../client/src/diagnosticPaths';
import { resolveImages } from '../../../client/src/preview/previewImages';
import { RestartBudget } from '../../../client/src/restartBudget';
import { OfferDocument } from '@core/model/offerDocument';
import { OfferFiles } from '../../../server/src/workspace/offerFiles';
import { MemoryFileHost } from '../../support/memoryFileHost';
import { makePng } from '../../support/pngWriter';

describe('client support', () => {
  describe('diagnostics from VS Code', () => {
    const text = '{\n  "offerId": "Bad",\n  "plans": [{ "planId": "X" }]\n}';
    const document = OfferDocument.fromText(text);

    it('takes the offer server\'s diagnostics with the pointer in data.path, and leaves others\' out', () => {
      const result = offerDiagnostics(
        [
          { severity: 0, message: 'Offer ID', source: 'offer', range: { start: { line: 0, character: 0 } }, data: { path: '/offerId', fix: 1 } },
          { severity: 1, message: 'A warning', source: 'offer', range: { start: { line: 0, character: 0 } }, data: { path: '/plans' } },
          { severity: 2, message: 'A hint', source: 'offer', range: { start: { line: 0, character: 0 } }, data: { path: '' } },
          { severity: 0, message: 'Spelling', source: 'cSpell', range: { start: { line: 1, character: 3 } } },
        ],
        document,
      );
      assert.deepStrictEqual(result, [
        { severity: 'error', message: 'Offer ID', path: '/offerId' },
        { severity: 'warning', message: 'A warning', path: '/plans' },
        { severity: 'info', message: 'A hint', path: '' },
      ]);
    });

    it('finds the pointer from the range when a diagnostic has no data', () => {
      const [planId] = offerDiagnostics([{ severity: 0, message: 'Plan ID', source: 'offer', range: { start: { line: 2, character: 27 } } }], document);
      assert.strictEqual(planId.path, '/plans/0/planId');
      const [outside] = offerDiagnostics([{ severity: 0, message: 'x', source: 'offer', range: { start: { line: 0, character: 0 } } }], OfferDocument.fromText(''));
      assert.strictEqual(outside.path, '');
    });
  });

  describe('preview images', () => {
    const root = path.resolve('/ws');
    const offerPath = path.join(root, 'offer', 'offer.json');
    const host = new MemoryFileHost({
      [path.join(root, 'offer', 'media', 'logo.png')]: makePng(40, 40),
      [path.join(root, 'offer', 'media', 'fake.png')]: 'GIF89a not a png',
      [path.join(root, 'secret.png')]: makePng(40, 40),
    });
    const files = new OfferFiles(offerPath, path.join(root, 'offer'), host);

    it('gives webview URIs for PNGs of the workspace, and a reason for everything else', () => {
      const images = resolveImages(['media/logo.png', 'media/fake.png', 'media/none.png', '../secret.png', '/etc/passwd'], files, (p) => `webview:${p}`);
      assert.deepStrictEqual(Object.fromEntries(images), {
        'media/logo.png': { status: 'ok', src: `webview:${path.join(root, 'offer', 'media', 'logo.png')}` },
        'media/fake.png': { status: 'not-png' },
        'media/none.png': { status: 'not-found' },
        '../secret.png': { status: 'outside' },
        '/etc/passwd': { status: 'outside' },
      });
      assert.strictEqual(host.reads.get(path.join(root, 'secret.png')), undefined, 'never read outside the workspace');
    });

    it('shows nothing for an unsaved offer', () => {
      assert.deepStrictEqual(Object.fromEntries(resolveImages(['media/logo.png'], undefined, (p) => p)), { 'media/logo.png': { status: 'not-found' } });
    });
  });

  describe('server restart budget', () => {
    it('restarts, tells the user only the first time, and gives up after too many crashes in the window', () => {
      const budget = new RestartBudget(3, 60_000);
      assert.deepStrictEqual(budget.recordCrash(0), { action: 'restart', tellUser: true });
      assert.deepStrictEqual(budget.recordCrash(1_000), { action: 'restart', tellUser: false });
      assert.deepStrictEqual(budget.recordCrash(2_000), { action: 'restart', tellUser: false });
      assert.deepStrictEqual(budget.recordCrash(3_000), { action: 'giveUp' });
    });

    it('forgets crashes older than the window', () => {
      const budget = new RestartBudget(2, 60_000);
      budget.recordCrash(0);
      budget.recordCrash(10_000);
      assert.deepStrictEqual(budget.recordCrash(70_001), { action: 'restart', tellUser: false });
      assert.deepStrictEqual(budget.recordCrash(75_000), { action: 'restart', tellUser: false });
      assert.deepStrictEqual(budget.recordCrash(76_000), { action: 'giveUp' });
    });
  });
});
