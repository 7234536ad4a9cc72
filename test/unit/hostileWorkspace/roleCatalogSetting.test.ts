/**
 * `marketplaceOffer.roleCatalogPath` naming what is no catalog file, through the real language
 * server: a FIFO (reading it would wait for a writer forever), `/dev/zero` (it never ends) and a
 * 200 MiB file. The server says so once, keeps the shipped catalog, and keeps answering.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONTRIBUTOR_ROLE_ID } from '@core/catalog/roleCatalog';
import { LspTestClient } from '../../support/lspClient';
import { EXAMPLE_DIR, REPO_ROOT } from '../../support/offerHarness';
import { cleanUpTemporaryFolders, ENDLESS_DEVICE, fifo, temporaryFolder } from '../../support/hostileFiles';

describe('hostile workspace: the role catalog setting', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  let offerPath: string;
  let text: string;
  let workspace: string;
  const warnings: string[] = [];

  before(async () => {
    workspace = temporaryFolder();
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    offerPath = path.join(workspace, 'offer.json');
    text = fs.readFileSync(offerPath, 'utf8');
    client = await LspTestClient.start({ rootPath: workspace });
    client.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => warnings.push(params.message));
    await client.open(offerPath, text);
  });

  after(async () => {
    await client.stop();
    cleanUpTemporaryFolders();
  });

  async function hoverOnContributor(): Promise<string> {
    const offset = text.indexOf(CONTRIBUTOR_ROLE_ID) + 3;
    const position = TextDocument.create('file:///x', 'json', 1, text).positionAt(offset);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uriOf(offerPath) }, position });
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
  }

  const large = () => {
    const file = path.join(workspace, 'large-roles.json');
    fs.writeFileSync(file, '[');
    fs.truncateSync(file, 200 * 1024 * 1024);
    return file;
  };

  const cases: { what: string; file: () => string; warning: RegExp }[] = [
    { what: 'a FIFO', file: () => fifo(path.join(workspace, 'roles.fifo')), warning: /could not be read: it is not a regular file \(a folder, a pipe or a device is never read\)/ },
    { what: '/dev/zero', file: () => ENDLESS_DEVICE, warning: /\/dev\/zero could not be read: it is not a regular file/ },
    { what: 'a 200 MiB file', file: large, warning: /is larger than 64 MiB: it is not a role catalog\./ },
  ];

  for (const { what, file, warning } of cases) {
    it(`refuses ${what} at once, says so, and keeps answering with the shipped roles`, async () => {
      const before = warnings.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { marketplaceOffer: { roleCatalogPath: file() } } });
      assert.match(await hoverOnContributor(), /Contributor/);
      assert.strictEqual(warnings.length, before + 1, warnings.join('\n'));
      assert.match(warnings.at(-1)!, warning);
      assert.ok(warnings.at(-1)!.endsWith('The built-in role catalog is used instead.'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { marketplaceOffer: { roleCatalogPath: '' } } });
      assert.ok(client.isAlive());
    });
  }

  it("withholds a workspace's own value until the workspace is trusted (the manifest restricts the setting)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('marketplaceOffer.roleCatalogPath'));
    assert.strictEqual(manifest.contributes.configuration.properties['marketplaceOffer.roleCatalogPath'].scope, 'machine-overridable');
  });
});
