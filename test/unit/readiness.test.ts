/**
 * `offer-lint readiness` (issue 17, item 2): Partner Center's "Review and publish" sections in
 * order, each with its state and errors, the same as the editor's Publish readiness tree; exit 0
 * only when the offer is ready.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { errorCount } from '@core/text/counts';
import { buildOfferTree, TreeNodeModel } from '../../server/src/features/planTree';
import { checkFile } from '../../server/src/cli/check';
import { sectionStateLabel } from '../../server/src/features/publishStatus';
import { OfferLanguageService } from '../../server/src/languageService';
import { brokenExampleOffer } from '../support/brokenOffer';
import { EXAMPLE_DIR, exampleOffer, REPO_ROOT } from '../support/offerHarness';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonSection {
  id: string;
  name: string;
  state: 'notStarted' | 'incomplete' | 'complete';
  problems: { file: string; code: string; severity: string; path: string; message: string; range: { start: { line: number } } }[];
}

interface JsonReport {
  ready: boolean;
  sections: JsonSection[];
  problems: JsonSection['problems'];
}

/** The Publish readiness node of the plans tree, for the same file and the same diagnostics. */
function treeReadiness(file: string, root: string): TreeNodeModel {
  const checked = checkFile(file, root, new OfferLanguageService());
  const tree = buildOfferTree(checked.document, checked.diagnostics, { catalog: RoleCatalog.builtin() });
  const readiness = tree.children.find((node) => node.kind === 'readiness');
  assert.ok(readiness, tree.children.map((node) => node.kind).join());
  return readiness;
}

describe('offer-lint readiness', () => {
  let workspace: string;
  /** The broken example, and a second plan that is fine. */
  let broken: string;
  let unreadable: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-readiness-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    const offer = brokenExampleOffer();
    offer.plans.push({ ...exampleOffer().plans[0], planId: 'silver', name: 'silver' });
    broken = path.join(workspace, 'broken.offer.json');
    fs.writeFileSync(broken, JSON.stringify(offer, null, 2));
    unreadable = path.join(workspace, 'unreadable.offer.json');
    fs.writeFileSync(unreadable, '{ "offerId": "contoso" "alias": "Contoso" }');
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('prints every section Complete and exits 0 for the example offer', () => {
    const text = run(['readiness', 'examples/contoso-sentinel/offer.json']);
    assert.strictEqual(text.code, 0, text.stdout + text.stderr);
    assert.strictEqual(
      text.stdout,
      [
        'Offer setup: Complete',
        'Properties: Complete',
        'Offer listing: Complete',
        'Preview audience: Complete',
        'Plan overview: Complete',
        'Plan "gold": Complete',
        'Offer: ready to publish',
        '',
      ].join('\n'),
    );
    const json = run(['readiness', '--format', 'json', 'examples/contoso-sentinel/offer.json']);
    assert.strictEqual(json.code, 0);
    const report = JSON.parse(json.stdout) as JsonReport;
    assert.strictEqual(report.ready, true);
    assert.ok(report.sections.every((section) => section.state === 'complete' && section.problems.length === 0));
  });

  it("lists Partner Center's sections in order with their states and errors, and exits 1", () => {
    const result = run(['readiness', '--format', 'json', '--root', workspace, broken]);
    assert.strictEqual(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.strictEqual(report.ready, false);
    assert.deepStrictEqual(
      report.sections.map((s) => [s.id, s.name, s.state, s.problems.map((p) => p.code)]),
      [
        ['offerSetup', 'Offer setup', 'incomplete', ['offer-id-format']],
        ['properties', 'Properties', 'incomplete', ['categories-count', 'category-unknown']],
        ['listing', 'Offer listing', 'incomplete', ['listing-name-length', 'url-format', 'video-host']],
        // No preview audience at all: nothing of the section is written, and its rule is an error.
        ['previewAudience', 'Preview audience', 'notStarted', ['preview-audience-empty']],
        ['plans', 'Plan overview', 'complete', []],
        [
          'plan:0',
          'Plan "gold"',
          'incomplete',
          ['pricing-byol', 'principal-id-format', 'principal-id-format', 'role-owner', 'jit-duration', 'jit-mfa'],
        ],
        ['plan:1', 'Plan "silver"', 'complete', []],
      ],
    );
    // Only errors: a warning (secret-in-offer…) does not hold a section back.
    assert.ok(report.sections.every((s) => s.problems.every((p) => p.severity === 'error' && p.file === broken)));
    assert.deepStrictEqual(report.problems, []);
  });

  it('agrees with the Publish readiness tree of the editor, section by section', () => {
    for (const file of [broken, path.join(workspace, 'offer.json'), unreadable]) {
      const readiness = treeReadiness(file, workspace);
      const report = JSON.parse(run(['readiness', '--format', 'json', '--root', workspace, file]).stdout) as JsonReport;
      assert.deepStrictEqual(
        report.sections.map((s) => [
          s.name,
          s.problems.length > 0 ? `${sectionStateLabel(s.state)} — ${errorCount(s.problems.length)}` : sectionStateLabel(s.state),
        ]),
        readiness.children.map((node) => [node.label, node.description]),
        file,
      );
      const blocking = report.sections.reduce((sum, s) => sum + s.problems.length, report.problems.length);
      assert.strictEqual(
        readiness.description,
        report.ready ? 'ready to publish' : blocking === 1 ? '1 blocking problem' : `${blocking} blocking problems`,
      );
    }
  });

  it('prints the text form: each section, its errors indented as the checker prints them, then the summary', () => {
    const result = run(['readiness', '--root', workspace, broken]);
    assert.strictEqual(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.strictEqual(lines[0], 'Offer setup: Incomplete');
    assert.match(lines[1], new RegExp(`^  ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: error offer-id-format Offer ID `));
    assert.ok(lines.includes('Preview audience: Not started'));
    assert.ok(lines.includes('Plan "silver": Complete'));
    assert.strictEqual(lines[lines.length - 1], 'Offer: 13 errors — 5 sections incomplete');
  });

  it('shows errors that belong to no section (a syntax error) and is then not ready', () => {
    const result = run(['readiness', '--root', workspace, unreadable]);
    assert.strictEqual(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    const outside = lines.indexOf('Outside every section:');
    assert.ok(outside > 0, result.stdout);
    assert.match(lines[outside + 1], /^ {2}.*unreadable\.offer\.json:1:\d+: error schema /);
    const report = JSON.parse(run(['readiness', '--format', 'json', '--root', workspace, unreadable]).stdout) as JsonReport;
    assert.strictEqual(report.ready, false);
    assert.ok(report.problems.length > 0 && report.problems.every((p) => p.code === 'schema'));
  });

  it('speaks Korean with --locale ko', () => {
    const result = run(['--locale', 'ko', 'readiness', '--root', workspace, broken]);
    assert.strictEqual(result.code, 1);
    assert.ok(result.stdout.startsWith('제품 설정: 미완료\n'), result.stdout);
    assert.ok(result.stdout.includes('미리 보기 대상 그룹: 시작되지 않음\n'), result.stdout);
  });

  it('refuses bad usage with exit 2', () => {
    for (const args of [['readiness'], ['readiness', 'a.json', 'b.json'], ['readiness', '--format', 'sarif', 'offer.json']]) {
      const result = run(args);
      assert.strictEqual(result.code, 2, args.join(' '));
      assert.match(result.stderr, /^offer-lint: /);
    }
  });
});
