/**
 * `npm run bench`: how fast the offer language service answers on a large offer, directly and
 * through the real server over stdio, next to VS Code's JSON language service on the same text
 * and schema, and next to a bare jsonc-parser parse. It prints figures and asserts nothing.
 *
 * Runs: BENCH_RUNS (default 101) timed runs per figure, after BENCH_WARMUPS (default 20) untimed
 * warm-up runs; each figure is the median. Completion and hover are asked at 100 positions spread over the document.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseTree, Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { OfferLanguageService, OfferLocation } from '../server/src/languageService';
import { nodeFileHost } from '../server/src/workspace/fileHost';
import { LspTestClient } from '../test/support/lspClient';
import { CountingFileHost } from './countingFileHost';
import { runHostileBench } from './hostileBench';
import { jsonOfferValidator } from './jsonService';
import { writeBenchWorkspace } from './largeOffer';
import { median, memoryOf, ms, percentile, sample, sampleAsync, table, timed, timedAsync, WARMUPS } from './stats';

/**
 * A keystroke takes a few milliseconds and an opening some twenty: one garbage collection moves a
 * median of 15 by a third, so every figure is timed a hundred times for ratios that hold from run
 * to run (the whole bench still takes about a minute).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 101);
/** Node's options for our server: those the extension starts it with, unless BENCH_SERVER_NODE_ARGS says otherwise ('' for none). */
const SERVER_NODE_ARGUMENTS = process.env.BENCH_SERVER_NODE_ARGS === undefined ? undefined : process.env.BENCH_SERVER_NODE_ARGS.split(' ').filter(Boolean);
const POSITIONS = 100;

/** `text` with one character of a plan description changed: a keystroke in the middle of the file. */
function withOneCharacterChanged(text: string): { text: string; offset: number } {
  const offset = text.indexOf('"description": "', Math.floor(text.length / 2)) + '"description": "'.length;
  const replacement = text[offset] === 'X' ? 'Y' : 'X';
  return { text: text.slice(0, offset) + replacement + text.slice(offset + 1), offset };
}

/** Positions spread evenly over the document's strings (keys and values), just inside the quote. */
function positionsToAsk(document: TextDocument, count: number): Position[] {
  const strings: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === 'string') {
      strings.push(node);
    }
    node.children?.forEach(visit);
  };
  const root = parseTree(document.getText());
  if (root) {
    visit(root);
  }
  const step = strings.length / count;
  return Array.from({ length: count }, (_, i) => document.positionAt(strings[Math.floor(i * step)].offset + 1));
}

function ratio(ours: number, theirs: number): string {
  return `${(ours / theirs).toFixed(2)}×`;
}

function verdict(value: number, target: number): string {
  return value <= target ? `meets ≤ ${target}` : `MISSES ≤ ${target}`;
}

interface DirectFigures {
  coldOpen: number;
  open: number[];
  change: number[];
  coldReads: number;
  changeReads: number;
  changeStats: number;
  diagnostics: string[];
  completion: number[];
  hover: number[];
}

function measureDirect(offerText: string, location: OfferLocation): DirectFigures {
  const host = new CountingFileHost(nodeFileHost);
  // Configured as the server runs it: answers about files are reused between keystrokes.
  const service = new OfferLanguageService({ fileHost: host, rememberFilesForMs: 2000 });
  const uri = 'file://' + location.offerPath;

  const cold = timed(() => service.validate(TextDocument.create(uri, 'marketplace-offer', 1, offerText), location));
  const coldReads = host.reads;

  // Opening: a document the service has not parsed yet (the files beside it are cached).
  const open = sample(RUNS, (run) => {
    const document = TextDocument.create(`${uri}#open-${run}`, 'marketplace-offer', 1, offerText);
    service.validate(document, location);
    service.forget(document.uri);
  });

  // A keystroke: alternate between the text and the text with one character changed.
  const changed = withOneCharacterChanged(offerText).text;
  let version = 1;
  host.reset();
  const change = sample(RUNS, () => {
    version++;
    service.validate(TextDocument.create(uri, 'marketplace-offer', version, version % 2 ? offerText : changed), location);
  });
  const changeReads = host.reads;
  const changeStats = host.stats;

  const document = TextDocument.create(uri, 'marketplace-offer', ++version, offerText);
  const diagnostics = service.validate(document, location).map((d) => `${d.code} ${d.path}`);
  const positions = positionsToAsk(document, POSITIONS);
  const completion = positions.map((position) => timed(() => service.complete(document, position, location)).ms);
  const hover = positions.map((position) => timed(() => service.hover(document, position, location)).ms);
  return { coldOpen: cold.ms, open, change, coldReads, changeReads, changeStats, diagnostics, completion, hover };
}

async function measureJsonLanguageService(offerText: string): Promise<{ samples: number[]; diagnostics: number }> {
  const validate = jsonOfferValidator();
  let diagnostics = 0;
  const samples = await sampleAsync(RUNS, async (run) => {
    diagnostics = (await validate(TextDocument.create(`file:///bench/offer-${run}.json`, 'json', 1, offerText))).length;
  });
  return { samples, diagnostics };
}

interface LspFigures {
  coldOpen: number;
  open: number[];
  change: number[];
  completion: number[];
  hover: number[];
  peak: string;
  current: string;
  diagnostics: number;
}

async function measureLsp(offerText: string, offerPath: string, root: string): Promise<LspFigures> {
  // Push mode, as VS Code's client runs it: diagnostics arrive right after didOpen.
  const client = await LspTestClient.start({ rootPath: root, nodeArguments: SERVER_NODE_ARGUMENTS });
  const uri = client.uriOf(offerPath);
  try {
    const cold = await timedAsync(() => client.open(offerPath, offerText));
    client.close(offerPath);
    const open = await sampleAsync(RUNS, async () => {
      await client.open(offerPath, offerText);
      client.close(offerPath);
    });
    const diagnostics = await client.open(offerPath, offerText);

    const document = TextDocument.create(uri, 'marketplace-offer', 1, offerText);
    const positions = positionsToAsk(document, POSITIONS);
    const completion: number[] = [];
    const hover: number[] = [];
    for (const position of positions) {
      completion.push((await timedAsync(() => client.request('textDocument/completion', { textDocument: { uri }, position }))).ms);
      hover.push((await timedAsync(() => client.request('textDocument/hover', { textDocument: { uri }, position }))).ms);
    }
    const change = await measureLspChange(offerText, offerPath, root);
    return { coldOpen: cold.ms, open, change: change.samples, completion, hover, ...memoryOf(client.pid), diagnostics: diagnostics.length };
  } finally {
    await client.stop();
  }
}

/**
 * A one-character change, sent as an incremental edit the way an editor sends a keystroke; the
 * diagnostics are pulled right after it (push mode would add the 200 ms typing debounce).
 */
async function measureLspChange(offerText: string, offerPath: string, root: string): Promise<{ samples: number[] }> {
  const client = await LspTestClient.start({ rootPath: root, pullDiagnostics: true, nodeArguments: SERVER_NODE_ARGUMENTS });
  const uri = client.uriOf(offerPath);
  try {
    await client.open(offerPath, offerText);
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const document = TextDocument.create(uri, 'marketplace-offer', 1, offerText);
    const { offset } = withOneCharacterChanged(offerText);
    const start = document.positionAt(offset);
    const range = { start, end: { line: start.line, character: start.character + 1 } };
    let version = 1;
    const samples = await sampleAsync(RUNS, async () => {
      version++;
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: version % 2 ? offerText[offset] : 'X' }],
      });
      await client.request('textDocument/diagnostic', { textDocument: { uri } });
    });
    return { samples };
  } finally {
    await client.stop();
  }
}

/** The reference server (bench/jsonServer.ts): VS Code's JSON language service with the offer schema, over stdio. */
const JSON_SERVER = path.join(__dirname, 'jsonServer.js');

/**
 * The same two moments as measureLsp and measureLspChange (open → pushed diagnostics, and a
 * one-character incremental change → pulled diagnostics), against the reference JSON server.
 */
async function measureJsonLsp(offerText: string, offerPath: string, root: string): Promise<{ open: number[]; change: number[] }> {
  const push = await LspTestClient.start({ rootPath: root, serverModule: JSON_SERVER });
  let open: number[];
  try {
    open = await sampleAsync(RUNS, async () => {
      await push.open(offerPath, offerText);
      push.close(offerPath);
    });
  } finally {
    await push.stop();
  }
  const pull = await LspTestClient.start({ rootPath: root, serverModule: JSON_SERVER, pullDiagnostics: true });
  try {
    const uri = pull.uriOf(offerPath);
    await pull.open(offerPath, offerText);
    await pull.request('textDocument/diagnostic', { textDocument: { uri } });
    const { offset } = withOneCharacterChanged(offerText);
    const start = TextDocument.create(uri, 'json', 1, offerText).positionAt(offset);
    const range = { start, end: { line: start.line, character: start.character + 1 } };
    let version = 1;
    const change = await sampleAsync(RUNS, async () => {
      version++;
      void pull.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: version % 2 ? offerText[offset] : 'X' }] });
      await pull.request('textDocument/diagnostic', { textDocument: { uri } });
    });
    return { open, change };
  } finally {
    await pull.stop();
  }
}

/** The machine's load, printed before and after: figures from a busy machine say so. */
function load(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(`Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log(`Load average (1, 5, 15 min) at the start: ${load()}\n`);
  const part = process.env.BENCH_PART ?? 'all';
  if (part === 'all' || part === 'large') {
    await largeOfferBench();
  }
  if (part === 'all' || part === 'hostile') {
    await runHostileBench();
  }
  console.log(`Load average (1, 5, 15 min) at the end: ${load()}`);
}

async function largeOfferBench(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-bench-'));
  try {
    const workspace = writeBenchWorkspace(root);
    const { offerText, offerPath } = workspace;
    const location: OfferLocation = { offerPath, workspaceRoot: root };
    console.log(
      `Offer: ${(Buffer.byteLength(offerText) / 1024).toFixed(0)} KiB, ${offerText.split('\n').length} lines, 100 plans × 20 authorizations; ` +
        `${workspace.files.length} files beside it (10 PNGs, ${workspace.files.filter((f) => f.endsWith('.csv')).length} CSVs, one of 10,000 lines, the baseline). ` +
        `Medians of ${RUNS} runs after ${WARMUPS} warm-up runs.\n`,
    );

    const bareParse = sample(RUNS, () => parseTree(offerText, [], { allowTrailingComma: true }));
    const bareValueParse = sample(RUNS, () => parse(offerText, [], { allowTrailingComma: true }));
    const json = await measureJsonLanguageService(offerText);
    const direct = measureDirect(offerText, location);
    const lsp = await measureLsp(offerText, offerPath, root);
    const jsonLsp = await measureJsonLsp(offerText, offerPath, root);

    const ours = median(direct.change);
    const oursOpen = median(direct.open);
    console.log(
      table([
        ['what', 'median', 'notes'],
        ['jsonc-parser parseTree (bare parse)', ms(median(bareParse)), ''],
        ['jsonc-parser parse (values only)', ms(median(bareValueParse)), ''],
        ['JSON language service: parse + validate', ms(median(json.samples)), `${json.diagnostics} diagnostics`],
        ['direct: first validation (cold, reads files)', ms(direct.coldOpen), `${direct.coldReads} file reads`],
        ['direct: open → diagnostics', ms(oursOpen), `${direct.diagnostics.length} diagnostics`],
        ['direct: one-character change → diagnostics', ms(ours), `${direct.changeReads} file reads, ${direct.changeStats} stats in ${RUNS} runs`],
        ['LSP: first open → diagnostics (cold server)', ms(lsp.coldOpen), 'push'],
        ['LSP: open → diagnostics', ms(median(lsp.open)), `push, ${lsp.diagnostics} diagnostics`],
        ['LSP: one-character change → diagnostics', ms(median(lsp.change)), 'incremental didChange + pull'],
        ['JSON language server over LSP: open → diagnostics', ms(median(jsonLsp.open)), 'push (bench/jsonServer.ts)'],
        ['JSON language server over LSP: one-character change', ms(median(jsonLsp.change)), 'incremental didChange + pull'],
      ]),
    );
    console.log();
    console.log(
      table([
        ['latency at 100 positions', 'p50', 'p95', 'max', 'target p95 ≤ 10 ms'],
        ...(
          [
            ['direct completion', direct.completion],
            ['direct hover', direct.hover],
            ['LSP completion', lsp.completion],
            ['LSP hover', lsp.hover],
          ] as [string, number[]][]
        ).map(([name, samples]) => [name, ms(percentile(samples, 0.5)), ms(percentile(samples, 0.95)), ms(Math.max(...samples)), verdict(percentile(samples, 0.95), 10)]),
      ]),
    );
    console.log();
    // Both moments are judged: opening (a whole parse and check) and a keystroke (what a
    // publisher waits for while typing).
    const judged = (reference: number, openTarget: number, changeTarget: number) => [
      ratio(oursOpen, reference),
      verdict(oursOpen / reference, openTarget),
      ratio(ours, reference),
      verdict(ours / reference, changeTarget),
    ];
    // The targets of issue "Bounded cost": over LSP, opening no slower than the JSON language
    // server with our schema, a keystroke at most a quarter of its time.
    const lspOpen = median(lsp.open) / median(jsonLsp.open);
    const lspChange = median(lsp.change) / median(jsonLsp.change);
    console.log(
      table([
        ['ratio over LSP (our server ÷ JSON language server, same run)', 'ratio', 'target'],
        ['open → diagnostics', ratio(median(lsp.open), median(jsonLsp.open)), verdict(lspOpen, 1)],
        ['one-character change → diagnostics', ratio(median(lsp.change), median(jsonLsp.change)), verdict(lspChange, 0.25)],
      ]),
    );
    console.log();
    console.log(
      table([
        ['ratio (direct validation ÷ reference)', 'open', 'open target', 'change', 'change target'],
        ['÷ JSON language service', ...judged(median(json.samples), 1, 0.25)],
        ['÷ bare parseTree', ...judged(median(bareParse), 2, 2)],
        ['÷ bare parse (values)', ratio(oursOpen, median(bareValueParse)), '', ratio(ours, median(bareValueParse)), ''],
      ]),
    );
    console.log();
    console.log(`Server memory: peak RSS (VmHWM) ${lsp.peak}, RSS at the end ${lsp.current}.`);
    console.log(`Diagnostics of the large offer: ${direct.diagnostics.join('; ') || 'none'}.`);
    console.log();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  // The servers are stopped; exit now rather than wait on their closing pipes.
  () => process.exit(),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
