import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAudienceCsv } from '../../server/src/workspace/audienceCsv';
import { nodeFileHost } from '../../server/src/workspace/fileHost';
import { FileCache, MAX_CSV_BYTES, OfferFiles } from '../../server/src/workspace/offerFiles';
import { closestName } from '../../server/src/workspace/pathSuggestion';
import { RememberingFileHost } from '../../server/src/workspace/rememberingFileHost';
import { readPngHeader } from '../../server/src/workspace/png';
import { MemoryFileHost } from '../support/memoryFileHost';
import { makePng } from '../support/pngWriter';

const JPEG_START = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43]);
const GUID_A = '2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c';
const GUID_B = '3a4b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c7d';

describe('workspace layer', () => {
  describe('PNG header', () => {
    it('reads width and height of a real PNG, from its first 24 bytes only', () => {
      const png = makePng(255, 115);
      assert.deepStrictEqual(readPngHeader(png), { isPng: true, width: 255, height: 115 });
      assert.deepStrictEqual(readPngHeader(png.subarray(0, 24)), { isPng: true, width: 255, height: 115 });
    });

    it('reads sizes above 65535 (big-endian 32-bit)', () => {
      const png = Buffer.from(makePng(1, 1));
      png.writeUInt32BE(70000, 16);
      assert.deepStrictEqual(readPngHeader(png), { isPng: true, width: 70000, height: 1 });
    });

    it('calls a PNG cut inside its header truncated, not another format', () => {
      assert.deepStrictEqual(readPngHeader(makePng(40, 40).subarray(0, 20)), { isPng: false, reason: 'truncated' });
      assert.deepStrictEqual(readPngHeader(makePng(40, 40).subarray(0, 5)), { isPng: false, reason: 'truncated' });
    });

    it('refuses a PNG signature followed by something other than IHDR', () => {
      const png = Buffer.from(makePng(40, 40));
      png.write('IDAT', 12, 'ascii');
      assert.deepStrictEqual(readPngHeader(png), { isPng: false, reason: 'truncated' });
    });

    it('refuses JPEG bytes, text and an empty file by signature', () => {
      assert.deepStrictEqual(readPngHeader(JPEG_START), { isPng: false, reason: 'signature' });
      assert.deepStrictEqual(readPngHeader(Buffer.from('not an image at all, just some text')), { isPng: false, reason: 'signature' });
      assert.deepStrictEqual(readPngHeader(new Uint8Array(0)), { isPng: false, reason: 'signature' });
    });
  });

  describe('audience CSV', () => {
    it("reads Partner Center's template shape, skipping its header", () => {
      const text = `Type,Id,Description\nSubscriptionId,${GUID_A},Contoso test\nSubscriptionId,${GUID_B},Partner\n`;
      assert.deepStrictEqual(parseAudienceCsv(text), [
        { id: GUID_A, line: 2 },
        { id: GUID_B, line: 3 },
      ]);
    });

    it('reads a bare list, one id per line, trimming spaces', () => {
      assert.deepStrictEqual(parseAudienceCsv(`${GUID_A}\n  ${GUID_B}  \n`), [
        { id: GUID_A, line: 1 },
        { id: GUID_B, line: 2 },
      ]);
    });

    it('skips blank and whitespace-only lines but keeps the line numbers of the file', () => {
      const text = `Type,Id,Description\n\nSubscriptionId,${GUID_A},x\n   \n,,\nSubscriptionId,not-a-guid,y`;
      assert.deepStrictEqual(parseAudienceCsv(text), [
        { id: GUID_A, line: 3 },
        { id: 'not-a-guid', line: 6 },
      ]);
    });

    it('ignores a byte-order mark and reads CRLF and CR line ends', () => {
      const text = `\uFEFFType,Id,Description\r\nSubscriptionId,${GUID_A},x\r\n\r\nSubscriptionId,${GUID_B},y\rbroken`;
      assert.deepStrictEqual(parseAudienceCsv(text), [
        { id: GUID_A, line: 2 },
        { id: GUID_B, line: 4 },
        // In the template's shape a row without its Id column has an empty id (reported as such).
        { id: '', line: 5 },
      ]);
    });

    it('reads quoted fields with commas, doubled quotes and line breaks, numbering by the line a row starts on', () => {
      const text = `Type,Id,Description\n"SubscriptionId","${GUID_A}","Fabrikam, ""prod"""\nSubscriptionId,${GUID_B},"two\nlines"\nSubscriptionId,bad,z\n`;
      assert.deepStrictEqual(parseAudienceCsv(text), [
        { id: GUID_A, line: 2 },
        { id: GUID_B, line: 3 },
        { id: 'bad', line: 5 },
      ]);
    });

    it('reads template rows without the header, and keeps an empty Id cell as an empty id', () => {
      assert.deepStrictEqual(parseAudienceCsv(`SubscriptionId,${GUID_A},x\nSubscriptionId,,y\n`), [
        { id: GUID_A, line: 1 },
        { id: '', line: 2 },
      ]);
    });

    it('does not throw on an unclosed quote, and gives the raw line where it opens as an id to report', () => {
      assert.deepStrictEqual(parseAudienceCsv(`${GUID_B}\n"${GUID_A}\n`), [
        { id: GUID_B, line: 1 },
        { id: `"${GUID_A}`, line: 2 },
      ]);
    });

    it('reads an empty file as no ids', () => {
      assert.deepStrictEqual(parseAudienceCsv(''), []);
      assert.deepStrictEqual(parseAudienceCsv('Type,Id,Description\n'), []);
    });
  });

  describe('containment', () => {
    const root = path.resolve('/ws');
    const offerPath = path.join(root, 'offer', 'offer.json');
    function filesWith(host: MemoryFileHost): OfferFiles {
      return new OfferFiles(offerPath, root, host);
    }

    it('resolves paths relative to the offer folder, also through .. that stays inside', () => {
      const files = filesWith(new MemoryFileHost());
      assert.strictEqual(files.resolve('media/a.png'), path.join(root, 'offer', 'media', 'a.png'));
      assert.strictEqual(files.resolve('../shared/a.png'), path.join(root, 'shared', 'a.png'));
      assert.strictEqual(files.resolve('media/../a.png'), path.join(root, 'offer', 'a.png'));
      assert.strictEqual(files.resolve('..foo.png'), path.join(root, 'offer', '..foo.png'));
    });

    it('refuses .. that leaves the workspace, an absolute path outside it and a NUL byte', () => {
      const files = filesWith(new MemoryFileHost());
      assert.strictEqual(files.resolve('../../secret.png'), undefined);
      assert.strictEqual(files.resolve('../../ws-other/a.png'), undefined);
      assert.strictEqual(files.resolve(path.resolve('/etc/passwd')), undefined);
      assert.strictEqual(files.resolve('media/a.png\0.txt'), undefined);
      assert.strictEqual(files.resolve(path.join(root, 'offer', 'media', 'a.png')), path.join(root, 'offer', 'media', 'a.png'));
    });

    it('refuses a symbolic link that leads outside, for an existing file and a missing one, and never reads it', () => {
      const host = new MemoryFileHost({ [path.resolve('/outside/secret.png')]: makePng(40, 40) });
      host.links.set(path.join(root, 'offer', 'media'), path.resolve('/outside'));
      const files = filesWith(host);
      assert.strictEqual(files.resolve('media/secret.png'), undefined);
      assert.deepStrictEqual(files.png('media/secret.png'), { status: 'outside' });
      assert.strictEqual(host.reads.size, 0);
    });

    it('accepts a symbolic link that stays inside the workspace', () => {
      const host = new MemoryFileHost({ [path.join(root, 'assets', 'a.png')]: makePng(40, 40) });
      host.links.set(path.join(root, 'offer', 'media'), path.join(root, 'assets'));
      const lookup = filesWith(host).png('media/a.png');
      assert.strictEqual(lookup.status, 'ok');
    });
  });

  describe('the node file host on a real folder', () => {
    let temp: string;
    before(() => {
      temp = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-ws-'));
      fs.mkdirSync(path.join(temp, 'ws', 'offer'), { recursive: true });
      fs.mkdirSync(path.join(temp, 'outside'));
      fs.writeFileSync(path.join(temp, 'outside', 'logo.png'), makePng(40, 40));
      fs.writeFileSync(path.join(temp, 'ws', 'offer', 'logo.png'), makePng(90, 90));
      fs.symlinkSync(path.join(temp, 'outside'), path.join(temp, 'ws', 'offer', 'linked'));
    });
    after(() => fs.rmSync(temp, { recursive: true, force: true }));

    it('reads only the head of a file, and less when the file is shorter', () => {
      const file = path.join(temp, 'ws', 'offer', 'logo.png');
      assert.strictEqual(nodeFileHost.readHead(file, 24)?.length, 24);
      assert.strictEqual(nodeFileHost.readHead(file, 1_000_000)?.length, fs.statSync(file).size);
      assert.strictEqual(nodeFileHost.readHead(path.join(temp, 'missing.png'), 24), undefined);
    });

    it('does not follow a link found at a path it is asked to read (it is given real paths only)', () => {
      const link = path.join(temp, 'ws', 'offer', 'swapped.png');
      fs.symlinkSync(path.join(temp, 'outside', 'logo.png'), link);
      assert.strictEqual(nodeFileHost.readHead(link, 24), undefined);
      assert.strictEqual(nodeFileHost.readFile(link, 1_000_000), undefined);
      // The same file by its real path reads.
      assert.strictEqual(nodeFileHost.readHead(path.join(temp, 'outside', 'logo.png'), 24)?.length, 24);
      // An offer's link inside the workspace still reads: the offer's files are read by their real paths.
      fs.symlinkSync(path.join(temp, 'ws', 'offer', 'logo.png'), path.join(temp, 'ws', 'offer', 'alias.png'));
      const files = new OfferFiles(path.join(temp, 'ws', 'offer', 'offer.json'), path.join(temp, 'ws'), nodeFileHost);
      assert.deepStrictEqual(files.png('alias.png'), {
        status: 'ok',
        absolutePath: path.join(temp, 'ws', 'offer', 'alias.png'),
        result: { isPng: true, width: 90, height: 90 },
      });
    });

    it('gets a PNG size from disk and refuses a real symbolic link out of the workspace, even to a missing file', () => {
      const files = new OfferFiles(path.join(temp, 'ws', 'offer', 'offer.json'), path.join(temp, 'ws'), nodeFileHost);
      assert.deepStrictEqual(files.png('logo.png'), {
        status: 'ok',
        absolutePath: path.join(temp, 'ws', 'offer', 'logo.png'),
        result: { isPng: true, width: 90, height: 90 },
      });
      assert.deepStrictEqual(files.png('linked/logo.png'), { status: 'outside' });
      assert.deepStrictEqual(files.png('linked/nothing-here.png'), { status: 'outside' });
      assert.strictEqual(files.png('nothing.png').status, 'not-found');
    });
  });

  describe('path suggestions', () => {
    const names = ['logo-small.png', 'logo-medium.png', 'logo-large.png', 'logo-wide.png', 'Screenshot.PNG', 'a.png', 'b.png'];

    it('finds the same name in another case, and a name one or two keystrokes away', () => {
      assert.strictEqual(closestName('screenshot.png', names), 'Screenshot.PNG');
      assert.strictEqual(closestName('logo-smal.png', names), 'logo-small.png');
      assert.strictEqual(closestName('logo_medum.png', names), 'logo-medium.png');
    });

    it('gives no guess when nothing is close or two names are equally close', () => {
      assert.strictEqual(closestName('banner.png', names), undefined);
      assert.strictEqual(closestName('logo-xide.png', ['logo-wide.png', 'logo-side.png']), undefined);
      assert.strictEqual(closestName('c.png', names), undefined);
    });

    it('suggests a path only for a file that exists inside the workspace', () => {
      const root = path.resolve('/ws');
      const host = new MemoryFileHost({
        [path.join(root, 'offer', 'media', 'logo-small.png')]: makePng(40, 40),
        [path.join(root, 'offer', 'gold.csv')]: GUID_A,
        [path.resolve('/outside/logo-small.png')]: makePng(40, 40),
      });
      const files = new OfferFiles(path.join(root, 'offer', 'offer.json'), root, host);
      assert.strictEqual(files.suggestPath('media/Logo-Small.png'), 'media/logo-small.png');
      assert.strictEqual(files.suggestPath('media\\logo-small.png'), 'media/logo-small.png');
      assert.strictEqual(files.suggestPath('gold.cvs'), 'gold.csv');
      assert.strictEqual(files.suggestPath('../../outside/logo-smal.png'), undefined);
      assert.strictEqual(files.suggestPath('nothing/logo-smal.png'), undefined);
      assert.strictEqual(host.reads.size, 0);
    });
  });

  describe('file cache', () => {
    const root = path.resolve('/ws');
    const csvPath = path.join(root, 'offer', 'a.csv');

    it('reads a file once per stamp, and again when the stamp changes', () => {
      const host = new MemoryFileHost({ [csvPath]: `${GUID_A}\n` });
      const cache = new FileCache();
      const files = () => new OfferFiles(path.join(root, 'offer', 'offer.json'), root, host, cache);
      files().audienceCsv('a.csv');
      files().audienceCsv('a.csv');
      assert.strictEqual(host.reads.get(csvPath), 1);
      host.write(csvPath, `${GUID_A}\n${GUID_B}\n`, Date.now() + 1000);
      const lookup = files().audienceCsv('a.csv');
      assert.strictEqual(host.reads.get(csvPath), 2);
      assert.strictEqual(lookup.status === 'ok' && lookup.result.length, 2);
    });

    it('sees a changed file when the stamps it remembers are forgotten, or after their moment', () => {
      const host = new MemoryFileHost({ [csvPath]: `${GUID_A}\n` });
      let now = 1000;
      const remembering = new RememberingFileHost(host, 2000, () => now);
      const cache = new FileCache();
      const count = () => {
        const lookup = new OfferFiles(path.join(root, 'offer', 'offer.json'), root, remembering, cache).audienceCsv('a.csv');
        return lookup.status === 'ok' ? lookup.result.length : -1;
      };
      assert.strictEqual(count(), 1);
      host.write(csvPath, `${GUID_A}\n${GUID_B}\n`, Date.now() + 1000);
      now += 1999;
      assert.strictEqual(count(), 1, 'within the moment the remembered stamp is used');
      remembering.forget();
      assert.strictEqual(count(), 2, 'forgotten: the disk is asked again');
      host.write(csvPath, `${GUID_B}\n`, Date.now() + 2000);
      now += 2000;
      assert.strictEqual(count(), 1, 'after the moment the disk is asked again');
    });

    it('does not read an audience file over the size limit', () => {
      const host = new MemoryFileHost({ [csvPath]: new Uint8Array(MAX_CSV_BYTES + 1) });
      const lookup = new OfferFiles(path.join(root, 'offer', 'offer.json'), root, host).audienceCsv('a.csv');
      assert.deepStrictEqual(lookup, { status: 'unreadable', absolutePath: csvPath, reason: 'too-large' });
      assert.strictEqual(host.reads.get(csvPath), undefined);
    });
  });
});
