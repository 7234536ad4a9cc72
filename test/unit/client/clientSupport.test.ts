import * as assert from 'assert';
import { resolveImages } from '../../../client/src/preview/previewImages';
import { RestartBudget } from '../../../client/src/restartBudget';
import { validateDisplayName, validatePrincipalId } from '../../../client/src/tree/authorizationInput';

const PRINCIPAL = '2f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c';

describe('client support', () => {
  describe('preview images', () => {
    it('gives webview URIs for the PNGs the server found, and keeps its reason for everything else', () => {
      const images = resolveImages(
        {
          'media/logo.png': { status: 'ok', absolutePath: '/ws/offer/media/logo.png' },
          'media/fake.png': { status: 'not-png' },
          'media/none.png': { status: 'not-found' },
          '../secret.png': { status: 'outside' },
          'media/locked.png': { status: 'unreadable' },
        },
        (p) => `webview:${p}`,
      );
      assert.deepStrictEqual(Object.fromEntries(images), {
        'media/logo.png': { status: 'ok', src: 'webview:/ws/offer/media/logo.png' },
        'media/fake.png': { status: 'not-png' },
        'media/none.png': { status: 'not-found' },
        '../secret.png': { status: 'outside' },
        'media/locked.png': { status: 'unreadable' },
      });
    });
  });

  describe('Add Authorization boxes', () => {
    it('accept a principal id that is a GUID, and a display name that is not blank', () => {
      assert.strictEqual(validatePrincipalId(PRINCIPAL), undefined);
      assert.strictEqual(validatePrincipalId(` ${PRINCIPAL.toUpperCase()} `), undefined);
      assert.match(validatePrincipalId(PRINCIPAL.slice(1)) ?? '', /object ID \(a GUID\)/);
      assert.strictEqual(validateDisplayName('Ops'), undefined);
      assert.strictEqual(validateDisplayName('  '), 'Type the name that customers will see for this principal.');
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
