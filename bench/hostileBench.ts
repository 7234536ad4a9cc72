/**
 * The hostile inputs of test/unit/hostile/hostileOffers.ts, timed: each at a tenth of its size and
 * at its full size (20,000 and 200,000 characters; 600 and 6,000 authorizations…), with the growth
 * between the two (about 10 when the cost is linear, 100 when it is quadratic). The inputs of the
 * issue's table are also sent to the real server over stdio: the time to its diagnostics, then to
 * a completion and a hover inside the hostile value, and the server's peak memory.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../server/src/features/codeActions';
import { OfferLanguageService, type OfferLocation } from '../server/src/languageService';
import { toLspDiagnostic } from '../server/src/lsp/lspDiagnostics';
import { LspTestClient } from '../test/support/lspClient';
import { EXAMPLE_DIR, makeHost, OFFER_PATH, WORKSPACE } from '../test/support/offerHarness';
import { arrayPaths, FILLERS, objectPaths, offerWithArray, offerWithKeys, offerWithString, stringFieldPaths, TABLE_CASES, type HostileText } from '../test/unit/hostile/hostileOffers';
import { memoryOf, ms, table, timed, timedAsync } from './stats';

const LOCATION: OfferLocation = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };

interface FeatureTimes {
  diagnostics: number;
  completion: number;
  hover: number;
  /** Quick fixes, fix-all, outline, folding, formatting, selection, inlay hints together. */
  rest: number;
}

const total = (times: FeatureTimes) => times.diagnostics + times.completion + times.hover + times.rest;

/** Every feature once on a new document, the way an editor opens it and the user points into it. */
function everyFeature(hostile: HostileText & { files?: Record<string, string> }): FeatureTimes {
  const service = new OfferLanguageService({ fileHost: makeHost({ files: hostile.files }) });
  const document = TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 1, hostile.text);
  const positions = hostile.at.map((offset) => document.positionAt(offset));
  const diagnostics = timed(() => service.validate(document, LOCATION));
  const completion = timed(() => positions.forEach((position) => service.complete(document, position, LOCATION)));
  const hover = timed(() => positions.forEach((position) => service.hover(document, position, LOCATION)));
  const rest = timed(() => {
    service.codeActions(document, { diagnostics: diagnostics.result.slice(0, 1000).map(toLspDiagnostic), triggerKind: 1 }, LOCATION);
    service.codeActions(document, { diagnostics: [], only: [FIX_ALL_KIND] }, LOCATION);
    service.symbols(document);
    service.foldingRanges(document);
    service.format(document, { tabSize: 2, insertSpaces: true });
    service.selectionRanges(document, positions);
    service.inlayHints(document);
  });
  return { diagnostics: diagnostics.ms, completion: completion.ms, hover: hover.ms, rest: rest.ms };
}

function growth(small: number, large: number): string {
  return `${(large / Math.max(small, 0.01)).toFixed(1)}×`;
}

function tableCaseRows(): string[][] {
  const rows = [['input (a tenth → full size)', 'diagnostics', 'completion', 'hover', 'the rest', 'all, tenth', 'all, full', 'growth']];
  for (const hostileCase of TABLE_CASES) {
    const small = everyFeature(hostileCase.build(0.1));
    const large = everyFeature(hostileCase.build(1));
    rows.push([
      hostileCase.name,
      ms(large.diagnostics),
      ms(large.completion),
      ms(large.hover),
      ms(large.rest),
      ms(total(small)),
      ms(total(large)),
      growth(total(small), total(large)),
    ]);
  }
  return rows;
}

/** For each filler, the string field that took longest at 200,000 characters, and its growth from 20,000. */
function fillerRows(): string[][] {
  const rows = [['string fields filled with', 'slowest field at 200,000', 'at 20,000', 'at 200,000', 'growth', 'all fields at 200,000']];
  const fields = stringFieldPaths();
  for (const filler of FILLERS) {
    let slowest = { field: '', small: 0, large: 0 };
    let sum = 0;
    for (const field of fields) {
      const large = total(everyFeature(offerWithString(field, filler.fill(200_000))));
      sum += large;
      if (large > slowest.large) {
        slowest = { field: '/' + field.join('/'), small: total(everyFeature(offerWithString(field, filler.fill(20_000)))), large };
      }
    }
    rows.push([filler.name, slowest.field, ms(slowest.small), ms(slowest.large), growth(slowest.small, slowest.large), ms(sum)]);
  }
  return rows;
}

function arrayRows(): string[][] {
  const rows = [['array (500 → 5,000 items; plans 200 → 2,000)', 'at a tenth', 'full', 'growth']];
  for (const arrayPath of arrayPaths()) {
    const count = arrayPath.join('/') === 'plans' ? 2000 : 5000;
    const small = total(everyFeature(offerWithArray(arrayPath, count / 10)));
    const large = total(everyFeature(offerWithArray(arrayPath, count)));
    rows.push(['/' + arrayPath.join('/'), ms(small), ms(large), growth(small, large)]);
  }
  return rows;
}

function keyRows(): string[][] {
  const rows = [['object with unknown keys (500 → 5,000)', 'at a tenth', 'full', 'growth']];
  for (const objectPath of objectPaths()) {
    const small = total(everyFeature(offerWithKeys(objectPath, 500)));
    const large = total(everyFeature(offerWithKeys(objectPath, 5000)));
    rows.push([objectPath.length === 0 ? '(the root)' : '/' + objectPath.join('/'), ms(small), ms(large), growth(small, large)]);
  }
  return rows;
}

/** Each input of the table through the real server: diagnostics on open, then a completion and a hover in the hostile value. */
async function lspRows(): Promise<string[][]> {
  const rows = [['input, full size, over LSP (stdio)', 'open → diagnostics', 'completion', 'hover', 'fix-all', 'server peak memory']];
  for (const hostileCase of TABLE_CASES) {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-bench-hostile-'));
    try {
      fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
      const hostile = hostileCase.build(1);
      for (const [name, content] of Object.entries(hostile.files ?? {})) {
        fs.writeFileSync(path.join(workspace, name), content);
      }
      const offerPath = path.join(workspace, 'offer.json');
      fs.writeFileSync(offerPath, hostile.text);
      const client = await LspTestClient.start({ rootPath: workspace });
      try {
        const uri = client.uriOf(offerPath);
        const document = TextDocument.create(uri, 'marketplace-offer', 1, hostile.text);
        const position = document.positionAt(hostile.at[0] ?? 0);
        const open = await timedAsync(() => client.open(offerPath, hostile.text));
        const completion = await timedAsync(() => client.request('textDocument/completion', { textDocument: { uri }, position }));
        const hover = await timedAsync(() => client.request('textDocument/hover', { textDocument: { uri }, position }));
        const range = { start: position, end: position };
        const fixAll = await timedAsync(() => client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: [FIX_ALL_KIND] } }));
        rows.push([hostileCase.name, ms(open.ms), ms(completion.ms), ms(hover.ms), ms(fixAll.ms), memoryOf(client.pid).peak]);
      } finally {
        await client.stop();
      }
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
  return rows;
}

export async function runHostileBench(): Promise<void> {
  console.log('Hostile inputs, each feature once on a fresh document (language service in this process):\n');
  // One untimed pass, so that the first case is not the one that pays for compiling the code.
  everyFeature(TABLE_CASES[0].build(0.1));
  console.log(table(tableCaseRows()));
  console.log();
  console.log(table(await lspRows()));
  console.log();
  if (process.env.BENCH_HOSTILE_FIELDS !== '0') {
    console.log(table(fillerRows()));
    console.log();
    console.log(table(arrayRows()));
    console.log();
    console.log(table(keyRows()));
    console.log();
  }
}
