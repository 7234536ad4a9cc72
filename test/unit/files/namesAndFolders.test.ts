/**
 * The small shared answers about paths the server and the extension both need: which names are
 * offer files, the path a `file:` URI names, and which workspace folder holds a path.
 */
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { isOfferFileName } from '@core/files/fileNames';
import { pathOfFileUri } from '@core/files/fileUri';
import { workspaceFolderOf } from '@core/files/insideFolder';

describe('file layer: names and folders', () => {
  it('knows offer files by name, in any case', () => {
    assert.deepStrictEqual(
      ['offer.json', 'Offer.JSON', 'gold.offer.json', 'a.Offer.Json', 'offer.json.bak', 'myoffer.json', 'offer.jsonc', '.offer.json'].map(isOfferFileName),
      [true, true, true, true, false, false, false, true],
    );
  });

  it('gives the path of a file URI, and nothing for another scheme or a URI that names no path', () => {
    const file = path.resolve('/ws/my offer/offer.json');
    assert.strictEqual(pathOfFileUri(pathToFileURL(file).toString()), file);
    assert.strictEqual(pathOfFileUri('untitled:Untitled-1'), undefined);
    assert.strictEqual(pathOfFileUri('file:///%'), undefined);
    assert.strictEqual(pathOfFileUri('file://server/share/offer.json'), process.platform === 'win32' ? '\\\\server\\share\\offer.json' : undefined);
  });

  it('finds the innermost workspace folder that holds a path, also in a folder whose name starts with two dots', () => {
    const [outer, inner, sibling] = ['/ws', '/ws/nested', '/ws-other'].map((folder) => path.resolve(folder));
    const folders = [outer, inner, sibling];
    assert.strictEqual(workspaceFolderOf(path.join(inner, 'offer.json'), folders), inner);
    assert.strictEqual(workspaceFolderOf(path.join(outer, 'offer.json'), folders), outer);
    assert.strictEqual(workspaceFolderOf(path.join(outer, '..x', 'offer.json'), folders), outer);
    assert.strictEqual(workspaceFolderOf(path.join(sibling, 'offer.json'), [outer, inner]), undefined);
    assert.strictEqual(workspaceFolderOf(path.resolve('/elsewhere/offer.json'), folders), undefined);
    assert.strictEqual(workspaceFolderOf(outer, folders), outer);
  });
});
