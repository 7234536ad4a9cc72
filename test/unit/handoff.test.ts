/**
 * The hand-off sheet (issue 17, item 3): every Partner Center page in order, every value of the
 * offer with the exact text to type or the file to upload, ids that keep ticks, markdown that gives
 * each value back exactly, and never a secret.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import MarkdownIt from 'markdown-it';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { toPointer } from '@core/model/jsonPointer';
import { OfferDocument } from '@core/model/offerDocument';
import { handoffMarkdown, HandoffField, handoffSheet, HandoffSheet } from '../../server/src/features/handoff';
import { FileCache, OfferFiles } from '../../server/src/workspace/offerFiles';
import {
  EXAMPLE_DIR,
  EXAMPLE_OFFER_TEXT,
  exampleOffer,
  makeHost,
  Offer,
  OFFER_PATH,
  printed,
  REPO_ROOT,
  WORKSPACE,
} from '../support/offerHarness';

const catalog = RoleCatalog.builtin();

function sheetOf(offer: Offer, files?: OfferFiles): HandoffSheet {
  return handoffSheet(OfferDocument.fromText(typeof offer === 'string' ? offer : printed(offer)), catalog, files);
}

function fieldsOf(sheet: HandoffSheet): HandoffField[] {
  return sheet.pages.flatMap((page) => page.sections.flatMap((section) => section.fields));
}

/** Every leaf of a JSON value with its JSON pointer. */
function leaves(value: unknown, path: (string | number)[] = []): { pointer: string; value: string | number | boolean }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => leaves(item, [...path, index]));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [{ pointer: toPointer(path), value: value as string | number | boolean }];
}

/** Leaves of the example that no Partner Center field takes, and why. */
const LEFT_OUT: Record<string, string> = {
  '/$schema': "the editor's reference to the JSON Schema: nothing to enter in Partner Center",
  '/offerType': 'chosen by the menu item itself (+ New offer → Managed service), which the New offer section names',
};

describe('the hand-off sheet', () => {
  it('holds every value of the example offer, each in a field at its own pointer', () => {
    const fields = fieldsOf(sheetOf(EXAMPLE_OFFER_TEXT));
    const example = leaves(parse(EXAMPLE_OFFER_TEXT));
    assert.ok(example.length >= 60, `${example.length} leaves`);
    const missing = example
      .filter((leaf) => !(leaf.pointer in LEFT_OUT))
      .filter(
        (leaf) =>
          !fields.some(
            (field) => field.pointer === leaf.pointer && (field.value === String(leaf.value) || field.source === String(leaf.value)),
          ),
      )
      .map((leaf) => `${leaf.pointer} = ${JSON.stringify(leaf.value)}`);
    assert.deepStrictEqual(missing, []);
    // The list of what is left out names real leaves of the example, not stale ones.
    assert.deepStrictEqual(
      Object.keys(LEFT_OUT).filter((pointer) => !example.some((leaf) => leaf.pointer === pointer)),
      [],
    );
  });

  it("lists Partner Center's pages in order, then each plan's three pages, then Review and publish", () => {
    const offer = exampleOffer();
    offer.plans.push({ ...exampleOffer().plans[0], planId: 'silver', name: 'silver' });
    assert.deepStrictEqual(
      sheetOf(offer).pages.map((page) => (page.plan ? `${page.plan.title}: ${page.title}` : page.title)),
      [
        'Offer setup',
        'Properties',
        'Offer listing',
        'Preview audience',
        'Plan "gold": Plan listing',
        'Plan "gold": Pricing and availability',
        'Plan "gold": Technical configuration',
        'Plan "silver": Plan listing',
        'Plan "silver": Pricing and availability',
        'Plan "silver": Technical configuration',
        'Review and publish',
      ],
    );
  });

  it('gives each authorization its principal ID, display name, role name and role ID; eligible ones their policy', () => {
    const configuration = sheetOf(EXAMPLE_OFFER_TEXT).pages.find((page) => page.id === 'plan:gold/technicalConfiguration');
    assert.ok(configuration);
    const row = (sectionTitle: string) => {
      const section = configuration.sections.find((s) => s.title === sectionTitle);
      assert.ok(section, configuration.sections.map((s) => s.title).join(', '));
      return section.fields.map((field) => [field.label, field.value]);
    };
    assert.deepStrictEqual(row('Authorization 4: Access Managers'), [
      ['Principal ID', '9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f'],
      ['Display name', 'Access Managers'],
      ['Role', 'User Access Administrator'],
      ['Role ID', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'],
      ['Access type', 'Permanent'],
      ['Assignable role 1', 'Contributor'],
      ['Assignable role 1 ID', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
    ]);
    assert.deepStrictEqual(row('Eligible authorization 1: Break-glass engineers'), [
      ['Principal ID', '0d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a'],
      ['Display name', 'Break-glass engineers'],
      ['Role', 'Contributor'],
      ['Role ID', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
      ['Access type', 'Eligible'],
      ['Maximum duration', '8 hours'],
      ['Multifactor authentication', 'Azure'],
      ['Approver 1 principal ID', '1e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b'],
      ['Approver 1 display name', 'Approvers'],
    ]);
  });

  it('gives fields unique ids that survive edits elsewhere and plan reordering; a tick id changes only with its value', () => {
    const offer = exampleOffer();
    offer.plans.push({ ...exampleOffer().plans[0], planId: 'silver', name: 'silver' });
    const before = fieldsOf(sheetOf(offer));
    assert.strictEqual(new Set(before.map((f) => f.id)).size, before.length);
    assert.strictEqual(new Set(before.map((f) => f.tickId)).size, before.length);

    offer.alias = 'Contoso SOC';
    offer.plans.reverse();
    const after = fieldsOf(sheetOf(offer));
    const byId = new Map(after.map((field) => [field.id, field]));
    assert.deepStrictEqual([...byId.keys()].sort(), before.map((f) => f.id).sort());
    const changed = before.filter((field) => byId.get(field.id)?.tickId !== field.tickId).map((field) => field.id);
    assert.deepStrictEqual(changed, ['/alias']);
    // Pointers follow the plans to where they now are.
    assert.strictEqual(byId.get('/plans/silver/planId')?.pointer, '/plans/0/planId');
  });

  it('falls back to plan positions in ids when two plans share an ID, and still keeps every id unique', () => {
    const offer = exampleOffer();
    offer.plans.push(exampleOffer().plans[0]);
    const ids = fieldsOf(sheetOf(offer)).map((field) => field.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.ok(ids.includes('/plans/#0/planId') && ids.includes('/plans/#1/planId'));
  });

  it('numbers 20,000 repeats of one lead setting x, x~2, x~3… and steps over an id another key already has', () => {
    const repeats = 20_000;
    // The key "x/15" is the pointer /leadManagement/x~115, which the 115th "x" would otherwise get.
    const keys = ['"x/15": "slash"', ...Array.from({ length: repeats }, (_, index) => `"x": "${index + 1}"`)];
    const sheet = sheetOf(`{"leadManagement": {"destination": "email", ${keys.join(', ')}}}`);
    const leads = sheet.pages[0].sections.find((section) => section.id === 'offerSetup/leads');
    const unknown = (leads?.fields ?? []).filter((field) => field.pointer.startsWith('/leadManagement/x'));
    assert.strictEqual(unknown.length, repeats + 1);
    assert.deepStrictEqual(unknown.slice(0, 3).map((field) => [field.id, field.value]), [
      ['/leadManagement/x~115', 'slash'],
      ['/leadManagement/x', '1'],
      ['/leadManagement/x~2', '2'],
    ]);
    const byValue = new Map(unknown.map((field) => [field.value, field.id]));
    assert.strictEqual(byValue.get('114'), '/leadManagement/x~114');
    assert.strictEqual(byValue.get('115'), '/leadManagement/x~116');
    assert.strictEqual(byValue.get(String(repeats)), `/leadManagement/x~${repeats + 1}`);
    assert.strictEqual(new Set(unknown.map((field) => field.id)).size, unknown.length);
  });

  it('lists the required fields an offer does not have yet, without a value', () => {
    const fields = fieldsOf(sheetOf('{}'));
    const required = [
      'Offer ID',
      'Offer alias',
      'Lead destination',
      'Category 1',
      'Terms and conditions',
      'Name',
      'Privacy policy link',
      'Small logo (40×40 PNG)',
    ];
    for (const label of required) {
      const field = fields.find((f) => f.label === label);
      assert.ok(field, label);
      assert.strictEqual(field.value, undefined, label);
    }
    assert.ok(!fields.some((f) => f.label === 'Long summary'), 'an optional field the offer lacks is left out');
    assert.match(handoffMarkdown(sheetOf('{}')), /^- \[ \] Offer ID: \*not in the offer yet\*$/m);
  });

  it('is plain data: the same after a JSON round trip', () => {
    const sheet = sheetOf(EXAMPLE_OFFER_TEXT);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(sheet)), sheet);
  });

  it('never shows a secret: a lead endpoint with code= is hidden, with a note to paste the real value', () => {
    const offer = exampleOffer();
    const secret = 'Zm9vYmFyLXNlY3JldC1rZXktdmFsdWU';
    offer.leadManagement.httpsEndpointUrl = `https://leads.contoso.com/api/marketplace?code=${secret}&tenant=contoso`;
    const sheet = sheetOf(offer);
    const field = fieldsOf(sheet).find((f) => f.pointer === '/leadManagement/httpsEndpointUrl');
    assert.ok(field);
    assert.strictEqual(field.secret, true);
    assert.strictEqual(field.value, 'https://leads.contoso.com/api/marketplace?code=(hidden)&tenant=contoso');
    assert.deepStrictEqual(field.notes, ['This value holds a secret (code), hidden here: paste the real value from where you keep it.']);
    for (const output of [JSON.stringify(sheet), handoffMarkdown(sheet)]) {
      assert.ok(!output.includes(secret));
    }
    assert.match(
      handoffMarkdown(sheet),
      /^ {2}- This value holds a secret \(code\), hidden here: paste the real value from where you keep it\.$/m,
    );
  });

  it('names the environment variable of a ${env:NAME} setting', () => {
    const offer = exampleOffer();
    offer.leadManagement = { destination: 'azureTable', storageAccountConnectionString: '${env:LEADS_STORAGE}' };
    const fields = fieldsOf(sheetOf(offer));
    assert.deepStrictEqual(
      fields.filter((f) => f.pointer.startsWith('/leadManagement')).map((f) => [f.label, f.value, f.source, f.notes]),
      [
        ['Lead destination', 'Azure Table', 'azureTable', undefined],
        [
          'Storage account connection string',
          '${env:LEADS_STORAGE}',
          undefined,
          ['Paste the value of the environment variable LEADS_STORAGE.'],
        ],
      ],
    );
  });

  it('says, with the offer files, whether each upload exists and how many IDs a CSV holds', () => {
    const offer = exampleOffer();
    offer.listing.logos.wide = 'media/missing.png';
    offer.listing.logos.large = '../../outside.png';
    const files = new OfferFiles(OFFER_PATH, WORKSPACE, makeHost(), new FileCache());
    const fields = fieldsOf(sheetOf(offer, files));
    const byPointer = (pointer: string) => fields.find((f) => f.pointer === pointer);
    assert.deepStrictEqual(byPointer('/listing/logos/small')?.file, {
      status: 'ok',
      absolutePath: path.join(WORKSPACE, 'offer', 'media', 'logo-small.png'),
    });
    assert.deepStrictEqual(
      [byPointer('/listing/logos/wide')?.file?.status, byPointer('/listing/logos/wide')?.notes],
      ['not-found', ['The file does not exist.']],
    );
    assert.deepStrictEqual(byPointer('/listing/logos/large')?.file, { status: 'outside' });
    assert.deepStrictEqual(byPointer('/previewAudience/csv')?.notes, ['2 subscription IDs']);
  });
});

describe('the hand-off sheet as markdown', () => {
  /** What a CommonMark renderer shows as code, in order: inline spans and fenced blocks. */
  function renderedCode(markdown: string): string[] {
    const code: string[] = [];
    const visit = (tokens: ReturnType<MarkdownIt['parse']>) => {
      for (const token of tokens) {
        if (token.type === 'code_inline') {
          code.push(token.content);
        } else if (token.type === 'fence') {
          // A block's text ends with the newline of its last line.
          code.push(token.content.replace(/\n$/, ''));
        }
        visit(token.children ?? []);
      }
    };
    visit(new MarkdownIt().parse(markdown, {}));
    return code;
  }

  const awkward = [
    'a `tick` and ``two`` and a | pipe',
    '`starts with a backtick',
    'ends with a backtick`',
    ' padded on both sides ',
    '<script>alert(1)</script> **not bold** _nor this_ [a](link) \\ backslash',
    'line one\n```\nline three with ```` four\n\n  indented last line',
  ];

  it('gives every value back exactly, whatever backticks, pipes, markup or lines it holds', () => {
    const offer = exampleOffer();
    offer.alias = awkward[0];
    offer.listing.name = awkward[1];
    offer.listing.searchResultsSummary = awkward[2];
    offer.listing.longSummary = awkward[3];
    offer.listing.usefulLinks[0].name = awkward[4];
    offer.listing.description = awkward[5];
    offer.plans[0].technicalConfiguration.authorizations[0].principalIdDisplayName = '| Tier 2 | `Ops` |';
    const sheet = sheetOf(offer);
    const values = fieldsOf(sheet)
      .map((field) => field.value)
      .filter((value): value is string => value !== undefined && value !== '');
    assert.deepStrictEqual(renderedCode(handoffMarkdown(sheet)), values);
    for (const value of awkward) {
      assert.ok(values.includes(value), value);
    }
  });

  it('renders the example as a checklist per page with one item per field', () => {
    const markdown = handoffMarkdown(sheetOf(EXAMPLE_OFFER_TEXT));
    const lines = markdown.split('\n');
    assert.strictEqual(lines[0], '# Partner Center hand-off: Contoso Sentinel Operations');
    assert.strictEqual(lines.filter((line) => line.startsWith('- [ ] ')).length, fieldsOf(sheetOf(EXAMPLE_OFFER_TEXT)).length);
    assert.ok(lines.includes('- [ ] Role: pick `Managed Services Registration assignment Delete Role`'));
    assert.ok(lines.includes('- [ ] Small logo (40×40 PNG): upload `media/logo-small.png`'));
    assert.ok(lines.some((line) => line.startsWith('- [ ] Wide logo (255×115 PNG): ')));
    assert.ok(lines.some((line) => line.startsWith('- [ ] Screenshot 1 (1280×720 PNG): upload `')));
    assert.ok(lines.some((line) => line.startsWith('- [ ] Video 1 thumbnail (1280×720 PNG): upload `')));
    assert.ok(lines.includes('## Plan "gold": Technical configuration'));
    assert.ok(lines.includes('### Authorization 2: SOC Analysts'));
  });

  it('escapes markup in titles and shows control characters escaped, with a note', () => {
    const offer = exampleOffer();
    offer.plans[0].technicalConfiguration.authorizations[1].principalIdDisplayName = '*SOC* <b>Analysts</b>';
    offer.alias = 'Contoso\u001b[31m SOC';
    const markdown = handoffMarkdown(sheetOf(offer));
    const rendered = new MarkdownIt().render(markdown);
    assert.ok(rendered.includes('<h3>Authorization 2: *SOC* &lt;b&gt;Analysts&lt;/b&gt;</h3>'), rendered);
    assert.ok(!markdown.includes('\u001b'));
    assert.ok(markdown.includes('- [ ] Offer alias: `Contoso\\u001b[31m SOC`'));
    assert.ok(markdown.includes('  - It holds invisible or control characters, shown escaped here: type the value as the offer has it.'));
  });
});

describe('offer-lint handoff', () => {
  const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-handoff-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('prints the markdown sheet of the example and exits 0', () => {
    const result = run(['handoff', 'examples/contoso-sentinel/offer.json']);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stderr, '');
    assert.ok(result.stdout.startsWith('# Partner Center hand-off: Contoso Sentinel Operations\n'));
    // With the offer's files: the CSV to import is counted.
    assert.match(result.stdout, /- \[ \] Audience CSV file to import: upload `gold-customers\.csv`\n {2}- 2 subscription IDs\n/);
  });

  it('prints the sheet as JSON with --format json, the same as the function gives', () => {
    const result = run(['handoff', '--format', 'json', 'examples/contoso-sentinel/offer.json']);
    assert.strictEqual(result.status, 0, result.stderr);
    const sheet = JSON.parse(result.stdout) as HandoffSheet;
    const expected = sheetOf(EXAMPLE_OFFER_TEXT);
    assert.deepStrictEqual(
      fieldsOf(sheet).map((f) => [f.id, f.label, f.value]),
      fieldsOf(expected).map((f) => [f.id, f.label, f.value]),
    );
    assert.ok(
      fieldsOf(sheet)
        .filter((f) => f.kind === 'file')
        .every((f) => f.file?.status === 'ok'),
    );
  });

  it('still prints the sheet of an offer with errors, but exits 1 and says so on stderr', () => {
    const broken = path.join(workspace, 'broken.offer.json');
    fs.writeFileSync(broken, EXAMPLE_OFFER_TEXT.replace('"contoso-sentinel-ops"', '"Contoso Sentinel"'));
    const result = run(['handoff', '--root', workspace, broken]);
    assert.strictEqual(result.status, 1);
    assert.match(result.stdout, /- \[ \] Offer ID: `Contoso Sentinel`/);
    assert.strictEqual(result.stderr, `offer-lint: ${broken} has 1 error: Partner Center would refuse it as it is.\n`);
  });

  it('writes invisible characters of a value as \\u escapes in JSON, so nothing reaches the terminal raw', () => {
    const offer = path.join(workspace, 'invisible.offer.json');
    fs.writeFileSync(offer, EXAMPLE_OFFER_TEXT.replace('"Contoso Sentinel Operations",', '"Contoso \\u202eSOC\\u0085",'));
    const result = run(['handoff', '--format', 'json', '--root', workspace, offer]);
    assert.ok(!/[\u0085\u202e]/.test(result.stdout));
    assert.ok(result.stdout.includes('"value": "Contoso \\u202eSOC\\u0085"'), result.stdout.slice(0, 400));
    const alias = fieldsOf(JSON.parse(result.stdout) as HandoffSheet).find((f) => f.id === '/alias');
    assert.strictEqual(alias?.value, 'Contoso \u202eSOC\u0085');
  });

  it('speaks Korean with --locale ko', () => {
    const result = run(['--locale', 'ko', 'handoff', 'examples/contoso-sentinel/offer.json']);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^## 제품 설정$/m);
    assert.match(result.stdout, /^- \[ \] 제품 ID: `contoso-sentinel-ops`$/m);
  });

  it('refuses bad usage with exit 2', () => {
    for (const args of [['handoff'], ['handoff', '--format', 'text', 'examples/contoso-sentinel/offer.json']]) {
      const result = run(args);
      assert.strictEqual(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^offer-lint: /);
    }
  });
});
