/**
 * What the checker (`node dist/cli.js`, needs `npm run build`) writes to a terminal or a pipe:
 * nothing from the offer or the command line reaches it raw (an ESC, a BEL or a CR in a value or
 * a file name would drive the terminal), no line is longer than 1,000 characters, and
 * `| head -1` ends it quietly.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_DIR, exampleOffer, examplePlans, printed, REPO_ROOT } from '../../support/offerHarness';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
/** C0 controls but the line feed that ends each line, DEL and the C1 controls (CSI is U+009B). */
// eslint-disable-next-line no-control-regex -- it finds raw control characters, which no output line may hold
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The example with terminal escapes, a bell, carriage returns and a C1 CSI in values that rules quote. */
function offerWithControlCharacters(): string {
  const offer = exampleOffer();
  offer.offerId = 'x\u001b[31mred\u001b[0m';
  offer.plans[0].planId = 'Gold\u0007';
  offer.listing.privacyPolicyUrl = 'contoso.com/\r\u001b[2Jprivacy';
  offer.listing.screenshots[0].path = 'media/\u009b31mshot.png';
  offer.properties.categories[0] = 'Security\u001b]0;title\u0007';
  return printed(offer);
}

describe('hostile input: what the checker prints', function () {
  this.timeout(60_000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-cli-output-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('escapes the control characters of values and of the file name, in text and in JSON', () => {
    const file = path.join(workspace, 'e\u001b[31mvil\r.offer.json');
    fs.writeFileSync(file, offerWithControlCharacters());
    const text = run(['--root', workspace, file], workspace);
    assert.strictEqual(text.code, 1);
    const lines = text.stdout.trimEnd().split('\n');
    for (const code of ['offer-id-format', 'plan-id-format', 'url-format', 'image-not-found', 'category-unknown']) {
      assert.ok(lines.some((line) => line.includes(` ${code} `)), `no ${code} in:\n${text.stdout}`);
    }
    assert.doesNotMatch(text.stdout + text.stderr, RAW_CONTROL);
    assert.ok(lines.every((line) => line.startsWith(path.join(workspace, 'e\\u001b[31mvil\\r.offer.json:'))), lines[0]);
    assert.ok(lines.some((line) => line.includes("Offer ID 'x\\u001b[31mred\\u001b[0m'")), text.stdout);

    const json = run(['--format', 'json', '--root', workspace, file], workspace);
    assert.doesNotMatch(json.stdout, RAW_CONTROL);
    const parsed = JSON.parse(json.stdout) as { file: string; code: string; message: string }[];
    assert.strictEqual(parsed[0].file, file, 'the JSON keeps the file name exact');
    assert.ok(parsed.some((d) => d.code === 'image-not-found' && d.message.includes('media/\\u009b31mshot.png')), json.stdout);
  });

  it('escapes a plan ID and an offer key with ESC, C1 and direction characters in readiness, SARIF, GitHub and hand-off output', () => {
    const offer = exampleOffer();
    offer.plans[0].planId = 'Gold\u001b[31m\u009b\u202e';
    offer['key\u202e\u0085'] = 1;
    const file = path.join(workspace, 'bidi\u202e\u001b.offer.json');
    fs.writeFileSync(file, printed(offer));
    const outputs = {
      readinessText: run(['readiness', '--root', workspace, file], workspace),
      readinessJson: run(['readiness', '--format', 'json', '--root', workspace, file], workspace),
      sarif: run(['--format', 'sarif', '--root', workspace, file], workspace),
      github: run(['--format', 'github', '--root', workspace, file], workspace),
      handoffJson: run(['handoff', '--format', 'json', '--root', workspace, file], workspace),
    };
    for (const [name, output] of Object.entries(outputs)) {
      assert.strictEqual(output.code, 1, `${name}: ${output.stderr}`);
      assert.doesNotMatch(output.stdout + output.stderr, RAW_CONTROL, name);
      assert.doesNotMatch(output.stdout + output.stderr, /[\u202e\u0085]/, name);
    }
    const shownPlan = 'Plan "Gold\\u001b[31m\\u009b\\u202e"';
    assert.ok(outputs.readinessText.stdout.split('\n').includes(`${shownPlan}: Incomplete`), outputs.readinessText.stdout);
    // The JSON outputs give back the exact text once parsed.
    const readiness = JSON.parse(outputs.readinessJson.stdout) as { sections: { id: string; name: string; problems: { path: string }[] }[] };
    assert.strictEqual(readiness.sections.find((section) => section.id === 'plan:0')?.name, shownPlan);
    const sarif = JSON.parse(outputs.sarif.stdout) as { runs: { results: { locations: { logicalLocations?: { fullyQualifiedName: string }[] }[] }[] }[] };
    const names = sarif.runs[0].results.flatMap((result) => result.locations.flatMap((where) => where.logicalLocations ?? []));
    assert.ok(names.some((where) => where.fullyQualifiedName === '/key\u202e\u0085'), JSON.stringify(names));
    const handoff = JSON.parse(outputs.handoffJson.stdout) as { pages: { sections: { fields: { pointer: string; value?: string }[] }[] }[] };
    const planId = handoff.pages.flatMap((page) => page.sections.flatMap((section) => section.fields)).find((field) => field.pointer === '/plans/0/planId');
    assert.strictEqual(planId?.value, 'Gold\u001b[31m\u009b\u202e');
    assert.ok(outputs.github.stdout.trimEnd().split('\n').every((line) => line.includes('file=bidi\\u202e\\u001b.offer.json')), outputs.github.stdout);
  });

  it('escapes what it writes to stderr about an unreadable file', () => {
    const missing = path.join(workspace, 'gone\u001b[2J\u0007.offer.json');
    const result = run(['--root', workspace, missing], workspace);
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /^offer-lint: /);
    assert.ok(result.stderr.includes('gone\\u001b[2J\\u0007.offer.json'), result.stderr);
    assert.doesNotMatch(result.stderr, RAW_CONTROL);
  });

  it('prints no line longer than 1,000 characters, whatever the values and however long the file name', () => {
    const offer = exampleOffer();
    const long = 'ab/<b> 한😀\\--'.repeat(20_000);
    // Values that rules quote, in every part of the offer.
    offer.offerId = long;
    offer.alias = long;
    offer.listing.name = long;
    offer.listing.privacyPolicyUrl = long;
    offer.listing.logos.small = long;
    offer.listing.supportContact.email = long;
    offer.properties.categories = [long, long];
    offer.plans = examplePlans(2);
    offer.plans[1].planId = long;
    offer.plans[1].technicalConfiguration.authorizations[0].principalId = long;
    offer.plans[1].technicalConfiguration.authorizations[1].roleDefinitionId = long;
    offer.plans[1].technicalConfiguration.eligibleAuthorizations[0].justInTimeAccessPolicy.maximumActivationDuration = long;
    offer[long] = 1;
    // A file name of about 3,000 characters, in folders of 250.
    let folder = workspace;
    for (let i = 0; i < 12; i++) {
      folder = path.join(folder, String(i).padEnd(250, 'd'));
    }
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'offer.json');
    fs.writeFileSync(file, printed(offer));
    const result = run(['--root', workspace, file], workspace);
    assert.strictEqual(result.code, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 12, result.stdout);
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    assert.ok(longest.length <= 1000, `a line of ${longest.length} characters: ${longest.slice(0, 300)}…`);
    // The file is still named by its start and its end.
    assert.ok(lines.every((line) => line.startsWith(workspace) && line.includes('…') && line.includes('/offer.json:')), lines[0]);
  });

  it('ends quietly, with no EPIPE, when its output is piped into head', () => {
    const offer = exampleOffer();
    offer.plans[0].technicalConfiguration.authorizations = Array.from({ length: 6000 }, () => ({}));
    const file = path.join(workspace, 'many-problems.offer.json');
    fs.writeFileSync(file, printed(offer));
    for (const format of ['text', 'json']) {
      const shell = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format ${format} --root "${workspace}" "${file}" | head -1`], {
        cwd: workspace,
        encoding: 'utf8',
      });
      assert.strictEqual(shell.stderr, '', `${format}: ${shell.stderr}`);
      assert.strictEqual(shell.stdout.split('\n').filter(Boolean).length, 1, shell.stdout);
    }
  });
});
