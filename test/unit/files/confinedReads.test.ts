/**
 * The shared read layer (`core/src/files/`): a file of the workspace is read only when it really
 * is inside the workspace, only when it is a regular file, and never beyond a byte limit, in the
 * synchronous form (server, checker) and the asynchronous one (extension host) alike.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ConfinedFolder } from '@core/files/confinedFolder';
import { readRegularFile, readRegularFileSync } from '@core/files/regularFile';
import { cleanUpTemporaryFolders, ENDLESS_DEVICE, fifo, symlink, temporaryFolder, writeFile } from '../../support/hostileFiles';

describe('file layer: reads', () => {
  after(cleanUpTemporaryFolders);

  describe('a regular file, at most N bytes', () => {
    for (const form of ['sync', 'async'] as const) {
      const read = (file: string, max: number, head = false) =>
        form === 'sync' ? Promise.resolve(readRegularFileSync(file, max, { head })) : readRegularFile(file, max, { head });

      it(`reads a small file whole (${form})`, async () => {
        const file = writeFile(path.join(temporaryFolder(), 'a.csv'), 'id\n1\n');
        const result = await read(file, 100);
        assert.ok(result.ok);
        assert.strictEqual(Buffer.from(result.bytes).toString(), 'id\n1\n');
        assert.strictEqual(result.stamp.size, 5);
      });

      it(`refuses a file over the limit without reading it, and reads only the head when asked (${form})`, async () => {
        const file = writeFile(path.join(temporaryFolder(), 'big.png'), Buffer.alloc(10_000, 7));
        assert.deepStrictEqual(await read(file, 9_999), { ok: false, reason: 'too-large' });
        const head = await read(file, 24, true);
        assert.ok(head.ok);
        assert.strictEqual(head.bytes.length, 24);
      });

      it(`refuses a FIFO at once instead of waiting for a writer (${form})`, async () => {
        const pipe = fifo(path.join(temporaryFolder(), 'logo.png'));
        assert.deepStrictEqual(await read(pipe, 1024), { ok: false, reason: 'not-a-file' });
        assert.deepStrictEqual(await read(pipe, 24, true), { ok: false, reason: 'not-a-file' });
      });

      it(`refuses /dev/zero instead of reading it without end (${form})`, async () => {
        assert.deepStrictEqual(await read(ENDLESS_DEVICE, 64 * 1024 * 1024), { ok: false, reason: 'not-a-file' });
        assert.deepStrictEqual(await read(ENDLESS_DEVICE, 24, true), { ok: false, reason: 'not-a-file' });
      });

      it(`says not-found for nothing and for a link that leads nowhere, not-a-file for a folder (${form})`, async () => {
        const folder = temporaryFolder();
        assert.deepStrictEqual(await read(path.join(folder, 'missing.csv'), 10), { ok: false, reason: 'not-found' });
        assert.deepStrictEqual(await read(symlink(path.join(folder, 'nowhere'), path.join(folder, 'dangling.csv')), 10), { ok: false, reason: 'not-found' });
        assert.deepStrictEqual(await read(folder, 10), { ok: false, reason: 'not-a-file' });
      });
    }
  });

  describe('confined to the workspace', () => {
    function workspace() {
      const base = temporaryFolder();
      const root = path.join(base, 'ws');
      const outside = writeFile(path.join(base, 'outside', 'secret.json'), '{"planId":"secret-plan"}');
      writeFile(path.join(root, 'offer', 'media', 'logo.png'), 'inside');
      symlink(outside, path.join(root, 'offer', 'media', 'out.png'));
      symlink(path.join(base, 'outside'), path.join(root, 'offer', 'linked-folder'));
      symlink(path.join(root, 'offer', 'media', 'logo.png'), path.join(root, 'offer', 'in.png'));
      fifo(path.join(root, 'offer', 'pipe.csv'));
      return { root, offerFolder: path.join(root, 'offer'), outside };
    }

    for (const form of ['sync', 'async'] as const) {
      const read = (folder: ConfinedFolder, relative: string, from: string) =>
        form === 'sync' ? Promise.resolve(folder.readSync(relative, 1024, { from })) : folder.read(relative, 1024, { from });

      it(`reads a file inside, also through a link that stays inside (${form})`, async () => {
        const { root, offerFolder } = workspace();
        const folder = new ConfinedFolder(root);
        for (const relative of ['media/logo.png', 'in.png']) {
          const result = await read(folder, relative, offerFolder);
          assert.ok(result.ok, relative);
          assert.strictEqual(Buffer.from(result.bytes).toString(), 'inside');
        }
      });

      it(`never reads outside: .., an absolute path, a link to a file or a folder outside, a NUL (${form})`, async () => {
        const { root, offerFolder, outside } = workspace();
        const folder = new ConfinedFolder(root);
        for (const relative of ['../../outside/secret.json', outside, 'media/out.png', 'linked-folder/secret.json', 'media/logo.png\0.txt']) {
          assert.deepStrictEqual(await read(folder, relative, offerFolder), { ok: false, reason: 'outside' }, JSON.stringify(relative));
        }
      });

      it(`refuses a FIFO inside the workspace without blocking (${form})`, async () => {
        const { root, offerFolder } = workspace();
        assert.deepStrictEqual(await read(new ConfinedFolder(root), 'pipe.csv', offerFolder), { ok: false, reason: 'not-a-file' });
      });
    }

    it('resolves a workspace that is itself reached through a link', () => {
      const { root, offerFolder } = workspace();
      const alias = symlink(root, path.join(temporaryFolder(), 'alias'));
      const folder = new ConfinedFolder(alias);
      const result = folder.readSync('offer/media/logo.png', 100);
      assert.ok(result.ok);
      assert.deepStrictEqual(folder.readSync('offer/media/out.png', 100), { ok: false, reason: 'outside' });
      assert.ok(fs.existsSync(offerFolder));
    });
  });
});
