/**
 * Typing into a large offer through the real server: each keystroke sent as an editor sends it
 * (an incremental didChange), the diagnostics pulled after it. The server re-parses and re-checks
 * only what changed; what it answers must be what a full check of the same text answers.
 * Needs `npm run build` first.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { OfferLanguageService } from '../../../server/src/languageService';
import { toLspDiagnostic } from '../../../server/src/lsp/lspDiagnostics';
import { LspTestClient } from '../../support/lspClient';
import { EXAMPLE_DIR, exampleOffer, examplePlans, printed } from '../../support/offerHarness';

const SEED = Number(process.env.TYPING_SEED ?? 20261126);

/** Six plans, two of them with problems, so that what is kept per plan is shown and moved. */
function sixPlanOffer(): string {
  const offer = exampleOffer();
  offer.plans = examplePlans(6);
  offer.plans[1].technicalConfiguration.authorizations[0].roleDefinitionId = 'Reader';
  offer.plans[4].technicalConfiguration.authorizations[0].principalId = 'not-a-guid';
  return printed(offer);
}

const keystroke = fc.tuple(fc.nat({ max: 1_000_000 }), fc.nat({ max: 2 }), fc.constantFrom('', 'a', '7', ' ', '"', ',', '\n', '}', 'Reader'));

function sortedForUser(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.code, d.severity, d.message, d.range])).sort();
}

describe('typing over LSP', function () {
  this.timeout(120_000);
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-typing-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    client = await LspTestClient.start({ rootPath: workspace, pullDiagnostics: true });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('answers each keystroke with the diagnostics a full check of the text gives', async () => {
    const offerPath = path.join(workspace, 'offer.json');
    const uri = client.uriOf(offerPath);
    let text = sixPlanOffer();
    fs.writeFileSync(offerPath, text);
    await client.open(offerPath, text);
    const fullCheck = new OfferLanguageService();
    const location = { offerPath, workspaceRoot: workspace };
    const keystrokes = fc.sample(keystroke, { seed: SEED, numRuns: 40 });
    let version = 1;
    /** Sends one change as an editor does and checks the answer against a full check. */
    const type = async (start: number, end: number, typed: string) => {
      const mirror = TextDocument.create(uri, 'marketplace-offer', version, text);
      const range = { start: mirror.positionAt(start), end: mirror.positionAt(end) };
      text = text.slice(0, start) + typed + text.slice(end);
      version++;
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typed }] });
      const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      const expected = fullCheck.validate(TextDocument.create(`${uri}#${version}`, 'marketplace-offer', version, text), location).map(toLspDiagnostic);
      assert.deepStrictEqual(sortedForUser(report.items), sortedForUser(expected), `after typing ${JSON.stringify(typed)} at ${start}`);
    };
    for (const [at, removed, typed] of keystrokes) {
      // A keystroke, then its undo: the offer is well-formed before each keystroke, as it mostly
      // is while a publisher types, so each one takes the incremental path when it can.
      const start = at % (text.length + 1);
      const end = Math.min(text.length, start + removed);
      const replaced = text.slice(start, end);
      await type(start, end, typed);
      await type(start, start + typed.length, replaced);
    }
    assert.strictEqual(text, sixPlanOffer());
  });
});
