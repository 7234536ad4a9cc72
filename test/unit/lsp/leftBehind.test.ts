/**
 * Requests that can be left behind: a cancelled request is answered `RequestCancelled` and its
 * work stops; a check yields, so other requests are answered while it runs; one version of a
 * document is checked once however many pulls ask, and a pull whose document changed under it is
 * answered `ServerCancelled`; the server ends when its client's process is gone, even in the middle
 * of a long check. In-process (startServer over in-memory streams), except the last test, which
 * runs the built server as VS Code does.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentDiagnosticReport, Hover } from 'vscode-languageserver-protocol';
import { ListingPreviewData, OfferReadiness, OfferTree, PlanTreeRequest, PreviewRequest, ReadinessRequest } from '@core/protocol';
import { OfferLanguageService } from '../../../server/src/languageService';
import { WorkAbandoned } from '../../../server/src/validation/steps';
import type { ServerOptions } from '../../../server/src/lsp/startServer';
import { LspTestClient } from '../../support/lspClient';
import { EXAMPLE_OFFER_TEXT, exampleOffer, examplePlans, makeHost, OFFER_PATH, printed, WORKSPACE } from '../../support/offerHarness';

const REQUEST_CANCELLED = -32800;
const SERVER_CANCELLED = -32802;

/** An offer whose check takes a good many slices of the event loop: 2,000 plans (4.7 MB). */
let largeText: string | undefined;
function largeOffer(): string {
  if (!largeText) {
    const offer = exampleOffer();
    offer.plans = examplePlans(2000);
    largeText = printed(offer);
  }
  return largeText;
}

/** How each check the server started ended, seen from inside its language service. */
interface CheckLog {
  started: number;
  outcomes: ('finished' | 'cancelled' | 'superseded')[];
  /** Checks run to the end at once, blocking the event loop (`validate`). */
  blocking: number;
  /** Resolves when the next check starts. */
  nextStart(): Promise<void>;
}

function watchedService(): { service: OfferLanguageService; log: CheckLog } {
  const service = new OfferLanguageService({ fileHost: makeHost() });
  let onStart: (() => void) | undefined;
  const log: CheckLog = {
    started: 0,
    outcomes: [],
    blocking: 0,
    nextStart: () => new Promise((resolve) => (onStart = resolve)),
  };
  const validateYielding = service.validateYielding.bind(service);
  service.validateYielding = (...args) => {
    log.started++;
    onStart?.();
    const running = validateYielding(...args);
    running.then(
      () => log.outcomes.push('finished'),
      (error) => log.outcomes.push(error instanceof WorkAbandoned ? error.reason : 'finished'),
    );
    return running;
  };
  const validate = service.validate.bind(service);
  service.validate = (...args) => {
    log.blocking++;
    return validate(...args);
  };
  return { service, log };
}

async function startClient(options: { pull?: boolean; serverOptions?: ServerOptions; processId?: number | null } = {}) {
  const { service, log } = watchedService();
  const client = await LspTestClient.start({
    rootPath: WORKSPACE,
    inProcess: true,
    pullDiagnostics: options.pull ?? true,
    processId: options.processId ?? null,
    serverOptions: { service, ...options.serverOptions },
  });
  return { client, log, uri: client.uriOf(OFFER_PATH) };
}

function pull(client: LspTestClient, uri: string, token?: CancellationTokenSource, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  const params = { textDocument: { uri }, previousResultId };
  // Without a token: a trailing undefined would be sent as a second, positional parameter.
  return token ? client.connection.sendRequest('textDocument/diagnostic', params, token.token) : client.connection.sendRequest('textDocument/diagnostic', params);
}

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a response error: ${String(error)}`);
    return error;
  }
  assert.fail('the request was answered, not refused');
}

function offerIdHover(client: LspTestClient, uri: string, text: string): Promise<Hover | null> {
  const position = TextDocument.create(uri, 'marketplace-offer', 1, text).positionAt(text.indexOf('"contoso-sentinel-ops"') + 3);
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
}

describe('requests that can be left behind (LSP, in-process)', function () {
  this.timeout(60_000);
  const clients: LspTestClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
  });

  it('answers RequestCancelled to every kind of request cancelled before it started', async () => {
    const { client, uri } = await startClient();
    clients.push(client);
    await client.open(OFFER_PATH, EXAMPLE_OFFER_TEXT);
    const textDocument = { uri };
    const position = { line: 3, character: 5 };
    const range = { start: position, end: { line: 9, character: 0 } };
    const requests: [string, unknown][] = [
      ['textDocument/completion', { textDocument, position }],
      ['completionItem/resolve', { label: 'Reader', data: { roleId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' } }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/inlayHint', { textDocument, range }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/selectionRange', { textDocument, positions: [position] }],
      ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/diagnostic', { textDocument }],
    ];
    for (const [method, params] of requests) {
      const source = new CancellationTokenSource();
      const answer = client.connection.sendRequest(method, params, source.token);
      source.cancel();
      assert.strictEqual((await rejection(answer)).code, REQUEST_CANCELLED, method);
    }
    assert.ok(await offerIdHover(client, uri, EXAMPLE_OFFER_TEXT), 'no hover after the cancelled requests');
  });

  it('stops a long check when its pull is cancelled, and answers RequestCancelled', async () => {
    const { client, log, uri } = await startClient();
    clients.push(client);
    await client.open(OFFER_PATH, largeOffer());
    const source = new CancellationTokenSource();
    const started = log.nextStart();
    const report = pull(client, uri, source);
    await started;
    source.cancel();
    assert.strictEqual((await rejection(report)).code, REQUEST_CANCELLED);
    await waitFor(() => log.outcomes.length === 1);
    assert.deepStrictEqual(log.outcomes, ['cancelled'], 'the check went on after its only request was cancelled');
  });

  it('answers a hover while a long check is under way', async () => {
    const { client, uri } = await startClient();
    clients.push(client);
    const text = largeOffer();
    await client.open(OFFER_PATH, text);
    const order: string[] = [];
    const report = pull(client, uri).then((r) => (order.push('diagnostics'), r));
    const hover = offerIdHover(client, uri, text).then((h) => (order.push('hover'), h));
    const [answered] = await Promise.all([report, hover]);
    assert.deepStrictEqual(order, ['hover', 'diagnostics']);
    assert.strictEqual(answered.kind, 'full');
  });

  it("checks a version once however many pulls ask, and answers 'unchanged' to a pull that has the current result", async () => {
    const { client, log, uri } = await startClient();
    clients.push(client);
    const text = EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel"');
    await client.open(OFFER_PATH, text);
    const [first, second] = await Promise.all([pull(client, uri), pull(client, uri)]);
    assert.strictEqual(log.started, 1);
    assert.ok(first.kind === 'full' && second.kind === 'full');
    assert.deepStrictEqual(
      first.items.map((d) => d.code),
      ['offer-id-format'],
    );
    assert.deepStrictEqual(second.items, first.items);
    const again = await pull(client, uri, undefined, first.resultId);
    assert.deepStrictEqual(again, { kind: 'unchanged', resultId: first.resultId });
    assert.strictEqual(log.started, 1);
  });

  it('answers ServerCancelled to a pull whose document changed while it was checked, then checks the new version', async () => {
    const { client, log, uri } = await startClient();
    clients.push(client);
    await client.open(OFFER_PATH, largeOffer());
    const started = log.nextStart();
    const outdated = pull(client, uri);
    await started;
    const changed = EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel"');
    await client.change(OFFER_PATH, changed);
    const refused = await rejection(outdated);
    assert.strictEqual(refused.code, SERVER_CANCELLED);
    assert.deepStrictEqual(refused.data, { retriggerRequest: true });
    const fresh = await pull(client, uri);
    assert.ok(fresh.kind === 'full');
    assert.deepStrictEqual(
      fresh.items.map((d) => d.code),
      ['offer-id-format'],
    );
    await waitFor(() => log.outcomes.length === 2);
    assert.deepStrictEqual(log.outcomes, ['superseded', 'finished'], 'the outdated version was checked to the end');
  });

  it('stops a long check when its document is closed meanwhile', async () => {
    const { client, log, uri } = await startClient();
    clients.push(client);
    await client.open(OFFER_PATH, largeOffer());
    const started = log.nextStart();
    const report = pull(client, uri);
    await started;
    client.close(OFFER_PATH);
    assert.strictEqual((await rejection(report)).code, SERVER_CANCELLED);
    await waitFor(() => log.outcomes.length === 1);
    assert.deepStrictEqual(log.outcomes, ['superseded'], 'the check of a closed document went on');
  });

  it("gives the tree, readiness and preview of a version from the check the Problems panel waits for, not a check of their own", async () => {
    const { client, log, uri } = await startClient();
    clients.push(client);
    await client.open(OFFER_PATH, largeOffer().replace('"contoso-sentinel-ops"', '"Contoso Sentinel"'));
    const started = log.nextStart();
    const report = pull(client, uri);
    await started;
    // Asked while the check of the version is under way, as the extension does after a change.
    const [tree, readiness, preview, pulled] = await Promise.all([
      client.request<OfferTree>(PlanTreeRequest.method, { uri }),
      client.request<OfferReadiness>(ReadinessRequest.method, { uri }),
      client.request<ListingPreviewData>(PreviewRequest.method, { uri }),
      report,
    ]);
    assert.deepStrictEqual([log.started, log.blocking], [1, 0], 'one check, and none run again at once');
    assert.ok(pulled.kind === 'full');
    const errors = pulled.items.filter((d) => d.severity === 1).length;
    assert.deepStrictEqual(pulled.items.map((d) => d.code), ['offer-id-format']);
    assert.deepStrictEqual([tree.version, tree.root.problems.errors, errors], [1, 1, 1]);
    assert.strictEqual(readiness.status.summary, 'Offer: 1 error — 1 section incomplete');
    assert.deepStrictEqual(preview.status, readiness.status, 'one readiness for the version');
  });

  it('answers a tree request whose document changed while its check ran with the tree of the new version', async () => {
    const { client, log, uri } = await startClient();
    clients.push(client);
    await client.open(OFFER_PATH, largeOffer());
    const started = log.nextStart();
    const outdated = client.request<OfferTree>(PlanTreeRequest.method, { uri });
    await started;
    await client.change(OFFER_PATH, EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel"'));
    const tree = await outdated;
    assert.deepStrictEqual([tree.version, tree.root.problems.errors, tree.root.children.length > 0], [2, 1, true]);
    assert.deepStrictEqual(log.outcomes, ['superseded', 'finished']);
    assert.strictEqual(log.blocking, 0);
  });

  it("ends when the client's process (initialize's processId) is gone", async () => {
    const gone = 2 ** 22 + 17;
    const { client } = await startClient({
      processId: gone,
      serverOptions: { isProcessAlive: (pid) => pid !== gone, clientWatchIntervalMs: 20 },
    });
    clients.push(client);
    assert.strictEqual(await client.exited, 1);
  });

  it("ends in the middle of a long check when its client's process is gone", async () => {
    let clientAlive = true;
    const { client, log, uri } = await startClient({
      processId: 4242,
      serverOptions: { isProcessAlive: () => clientAlive, clientWatchIntervalMs: 20 },
    });
    clients.push(client);
    await client.open(OFFER_PATH, largeOffer());
    const started = log.nextStart();
    const report = pull(client, uri).then(
      () => 'answered',
      () => 'refused',
    );
    await started;
    clientAlive = false;
    const ended = await Promise.race([client.exited.then(() => 'exited'), report]);
    assert.strictEqual(ended, 'exited', 'the check ran to its end before the watchdog could run');
  });
});

describe('the built server and its client process (stdio)', function () {
  this.timeout(60_000);

  it('exits by itself when the process --clientProcessId names is gone, even while checking a large offer', async () => {
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const client = await LspTestClient.start({ rootPath: WORKSPACE, processId: null, serverArguments: ['--clientProcessId', String(parent.pid)] });
    try {
      void client.open(OFFER_PATH, largeOffer()).catch(() => undefined);
      parent.kill();
      assert.strictEqual(await client.exited, 1);
    } finally {
      parent.kill();
      await client.stop();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
