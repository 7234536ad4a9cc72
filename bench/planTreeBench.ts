/**
 * `npm run bench:tree`: the plans tree of an offer with 6,000 empty authorizations (18,000
 * problems), the case that froze the extension host for 30 s when the extension built the tree
 * itself. Prints how long the real server takes to answer the tree request (after the offer's
 * diagnostics, as in the editor: built and sent over stdio), and how long the extension then takes
 * to turn the answer into tree items. Medians of BENCH_RUNS runs after BENCH_WARMUPS; asserts
 * nothing (the content is asserted by test/unit/views/offerRequests.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OfferTree, PlanTreeRequest } from '@core/protocol';
import type { PlanTreeNode, PlanTreeProvider } from '../client/src/tree/planTreeProvider';
import { LspTestClient } from '../test/support/lspClient';
import { EXAMPLE_DIR, exampleOffer } from '../test/support/offerHarness';
import { FakeEditor, loadWithFakeEditor, Uri } from '../test/unit/client/fakeVscode';
import { median, ms, sampleAsync, timedAsync, WARMUPS } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const AUTHORIZATIONS = 6000;

function offerText(name: string): string {
  const offer = exampleOffer();
  offer.listing.name = name;
  offer.plans[0].technicalConfiguration.authorizations = Array.from({ length: AUTHORIZATIONS }, () => ({}));
  return JSON.stringify(offer);
}

/** The extension's side: every node of the answer as VS Code asks for it (children, then items). */
function treeItemsOf(provider: PlanTreeProvider, root: PlanTreeNode): Promise<number> {
  let items = 0;
  const visit = async (node: PlanTreeNode): Promise<void> => {
    provider.getTreeItem(node);
    items++;
    for (const child of await provider.getChildren(node)) {
      await visit(child);
    }
  };
  return visit(root).then(() => items);
}

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-tree-bench-'));
  fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  const offerPath = path.join(workspace, 'offer.json');
  const client = await LspTestClient.start({ rootPath: workspace });
  const uri = client.uriOf(offerPath);
  try {
    const first = offerText('Contoso Sentinel Operations');
    const diagnostics = await timedAsync(() => client.open(offerPath, first));
    const cold = await timedAsync(() => client.request<OfferTree>(PlanTreeRequest.method, { uri }));
    const tree = cold.result;
    const bytes = JSON.stringify(tree).length;

    // Each run: a new version (its diagnostics published first, as the editor gets them), then the tree.
    const server = await sampleAsync(
      RUNS,
      () => client.request<OfferTree>(PlanTreeRequest.method, { uri }),
      WARMUPS,
      (run) => client.change(offerPath, offerText(`Contoso ${run}`)),
    );

    // The extension's side, in the stand-in editor: wrap the answer's nodes into tree items.
    const editor = new FakeEditor();
    const { PlanTreeProvider: Provider } = loadWithFakeEditor<{ PlanTreeProvider: new (...args: unknown[]) => PlanTreeProvider }>(
      path.resolve(__dirname, '..', 'client', 'src', 'tree', 'planTreeProvider.js'),
      editor,
    );
    const offers = { onDidChangeOffer: () => ({ dispose() {} }), activeOfferDocument: () => undefined, findOffers: () => Promise.resolve([]) };
    const stubServer = { onDidStart: () => ({ dispose() {} }) };
    const provider = new Provider(offers, stubServer);
    const root = { model: tree.root, uri: Uri.file(offerPath), parent: undefined } as unknown as PlanTreeNode;
    let count = 0;
    const items = await sampleAsync(RUNS, async () => {
      count = await treeItemsOf(provider, root);
    });
    const total = median(server) + median(items);
    console.log(`Plans tree of ${AUTHORIZATIONS} empty authorizations (${(first.length / 1024).toFixed(0)} KiB offer, ${diagnostics.result.length} diagnostics, ${count} tree nodes, answer ${(bytes / 1024).toFixed(0)} KiB)`);
    console.log('');
    console.log(`| | time |`);
    console.log(`| --- | --- |`);
    console.log(`| first tree request of a fresh server (after its diagnostics) | ${ms(cold.ms)} |`);
    console.log(`| tree request after a change (median: build in the server + stdio) | ${ms(median(server))} |`);
    console.log(`| the extension's tree items for every node (median) | ${ms(median(items))} |`);
    console.log(`| total, extension host and server (median) | ${ms(total)} |`);
  } finally {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
