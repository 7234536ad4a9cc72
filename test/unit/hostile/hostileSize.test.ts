/**
 * The hostile-size suite: every string field of the example at 200,000 characters (plain, mixed,
 * and in runs of each kind), every array at thousands of items, and each input of issue "Bounded
 * cost"'s table, through every feature of the language service (everyFeature.ts) and through the
 * checker. It asserts answers, not times (`npm run bench` times the same inputs): the answers are
 * well-formed, the messages short and clean, and what is found at 200,000 characters is what is
 * found at 20,000 (no check gives up, or finds other things, because a value is long).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import { runCli } from '../../../server/src/cli/main';
import { OfferLanguageService } from '../../../server/src/languageService';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import { EXAMPLE_DIR, makeHost } from '../../support/offerHarness';
import { askEveryFeature, documentOf, LOCATION } from './everyFeature';
import { arrayPaths, filler, offerWithArray, offerWithKeys, offerWithString, stringFieldPaths, TABLE_CASES, type HostileText, type JsonPath } from './hostileOffers';

const LONG = 200_000;
const SHORTER = 20_000;
/** Arrays are made this long. */
const ITEMS = 5000;

/** What was found, without the counts and lengths that messages quote: `code severity path` sorted, indices as #. */
function findings(diagnostics: OfferDiagnostic[], collapseIndices = false): string[] {
  const shown = diagnostics.map((d) => `${d.code} ${d.severity} ${collapseIndices ? d.path.replace(/\/\d+(?=\/|$)/g, '/#') : d.path}`);
  return [...new Set(shown)].sort();
}

function validate(text: string): OfferDiagnostic[] {
  return new OfferLanguageService({ fileHost: makeHost() }).validate(documentOf(text), LOCATION);
}

/** The checker on a file of the workspace: its exit code and output, which must be short, clean lines. */
function runChecker(workspace: string, text: string, files: Record<string, string> = {}): { code: number; lines: string[] } {
  const file = path.join(workspace, 'offer.json');
  fs.writeFileSync(file, text);
  const written = Object.entries(files).map(([name, content]) => {
    const target = path.join(workspace, name);
    const before = fs.readFileSync(target);
    fs.writeFileSync(target, content);
    return () => fs.writeFileSync(target, before);
  });
  try {
    let stdout = '';
    let stderr = '';
    const code = runCli(['--root', workspace, file], { stdout: (out) => (stdout += out + '\n'), stderr: (err) => (stderr += err), cwd: workspace });
    assert.strictEqual(stderr, '', 'the checker complained');
    const lines = stdout.split('\n').filter((line) => line !== '');
    for (const line of lines) {
      assert.ok(line.length <= 1000, `a checker line of ${line.length} characters`);
      // eslint-disable-next-line no-control-regex -- it finds raw control characters, which no checker line may hold
      assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f]/, `a raw control character in ${JSON.stringify(line.slice(0, 200))}`);
    }
    return { code, lines };
  } finally {
    written.forEach((restore) => restore());
  }
}

/** The checker reports what the language service does (its lines end with the messages). */
function assertCheckerAgrees(workspace: string, hostile: HostileText, diagnostics: OfferDiagnostic[], files?: Record<string, string>): void {
  const { code, lines } = runChecker(workspace, hostile.text, files);
  assert.strictEqual(code, diagnostics.some((d) => d.severity === 'error') ? 1 : 0, 'exit code');
  assert.deepStrictEqual(
    lines.map((line) => / (?:error|warning|info) (\S+) /.exec(line)?.[1]).sort(),
    diagnostics.map((d) => d.code).sort(),
  );
}

function named(fieldPath: JsonPath): string {
  return fieldPath.length === 0 ? 'the root' : '/' + fieldPath.join('/');
}

describe('hostile size: every string field at 200,000 characters, through every feature and the checker', function () {
  this.timeout(120_000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-hostile-size-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  for (const fieldPath of stringFieldPaths()) {
    it(`${named(fieldPath)}: plain, mixed and in runs`, () => {
      for (const kind of ['plain', 'mixed', 'runs']) {
        const { fill } = filler(kind);
        const hostile = offerWithString(fieldPath, fill(LONG));
        const { diagnostics } = askEveryFeature(hostile.text, { at: hostile.at, quickFixes: 20 });
        assert.deepStrictEqual(findings(diagnostics), findings(validate(offerWithString(fieldPath, fill(SHORTER)).text)), `${kind}: other findings at 200,000 characters than at 20,000`);
        if (kind === 'runs') {
          assertCheckerAgrees(workspace, hostile, diagnostics);
        }
      }
    });
  }
});

describe('hostile size: every array at thousands of items, through every feature and the checker', function () {
  this.timeout(120_000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-hostile-arrays-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  // The plans array is the table's "2,000 plans" below.
  for (const arrayPath of arrayPaths().filter((candidate) => candidate.join('/') !== 'plans')) {
    it(`${named(arrayPath)} with ${ITEMS.toLocaleString('en')} items`, () => {
      const count = ITEMS;
      const hostile = offerWithArray(arrayPath, count);
      const { diagnostics } = askEveryFeature(hostile.text, { at: hostile.at, quickFixes: 20 });
      const fewer = validate(offerWithArray(arrayPath, count / 10).text);
      assert.deepStrictEqual(findings(diagnostics, true), findings(fewer, true), 'other findings with ten times the items');
      assertCheckerAgrees(workspace, hostile, diagnostics);
    });
  }
});

describe('hostile size: objects with thousands of keys the schema does not know, through every feature and the checker', function () {
  this.timeout(120_000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-hostile-keys-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const keyCount = 5000;
  // The root, the listing, a plan, an authorization and a just-in-time policy: each kind of place.
  const places: JsonPath[] = [[], ['listing'], ['plans', 0], ['plans', 0, 'technicalConfiguration', 'authorizations', 0], ['plans', 0, 'technicalConfiguration', 'eligibleAuthorizations', 0, 'justInTimeAccessPolicy']];
  for (const place of places) {
    it(`${named(place)} with ${keyCount.toLocaleString('en')} unknown keys: one diagnostic each, with its quick fixes`, () => {
      const hostile = offerWithKeys(place, keyCount);
      const { diagnostics, actions } = askEveryFeature(hostile.text, { at: hostile.at, quickFixes: keyCount, appliedActions: 100 });
      const unknown = diagnostics.filter((d) => d.code === 'schema' && /\/unknownKey\d+$/.test(d.path));
      assert.strictEqual(unknown.length, keyCount);
      assert.strictEqual(actions.filter((action) => action.title.startsWith("Remove property 'unknownKey")).length, keyCount);
      const collapsed = (found: OfferDiagnostic[]) => findings(found).map((line) => line.replace(/unknownKey\d+/, 'unknownKey#'));
      assert.deepStrictEqual([...new Set(collapsed(diagnostics))], [...new Set(collapsed(validate(offerWithKeys(place, keyCount / 10).text)))]);
      assertCheckerAgrees(workspace, hostile, diagnostics);
    });
  }
});

describe("hostile size: the inputs of the issue's table", function () {
  this.timeout(120_000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-hostile-table-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const tableCase = (name: string) => TABLE_CASES.find((candidate) => candidate.name.startsWith(name))!;

  /** Every feature, then the checker; the diagnostics and fix-all's text for the case's own expectations. */
  function throughEverything(name: string): { diagnostics: OfferDiagnostic[]; fixedAll?: string } {
    const hostile = tableCase(name).build(1);
    const service = new OfferLanguageService({ fileHost: makeHost({ files: hostile.files }) });
    const answers = askEveryFeature(hostile.text, { at: hostile.at, fixAll: true, service });
    assertCheckerAgrees(workspace, hostile, answers.diagnostics, hostile.files);
    return answers;
  }

  const errorsAndWarnings = (diagnostics: OfferDiagnostic[]) =>
    diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => `${d.code} ${d.path}`)
      .sort();

  it('a listing name of 200,000 characters: its length and its emoji, each said once and briefly', () => {
    const { diagnostics, fixedAll } = throughEverything('listing.name');
    assert.deepStrictEqual(errorsAndWarnings(diagnostics), ['listing-name-emoji /listing/name', 'listing-name-length /listing/name']);
    const emoji = diagnostics.find((d) => d.code === 'listing-name-emoji')!;
    assert.strictEqual(emoji.message, 'The offer name contains the emoji 😀: remove it (only ™, ® and © are allowed).');
    assert.match(diagnostics.find((d) => d.code === 'listing-name-length')!.message, /^The offer name has 183334 characters; the limit is \d+\.$/);
    // Fix-all takes the emoji out of the name, and leaves its length to the author.
    assert.ok(fixedAll !== undefined);
    const name = (parse(fixedAll) as { listing: { name: string } }).listing.name;
    assert.ok(!name.includes('😀') && name.includes('a/<b> 한\\--'), name.slice(0, 50));
  });

  it('an image path of 200 KB with many slashes: not found, named briefly', () => {
    const { diagnostics } = throughEverything('an image path');
    assert.deepStrictEqual(errorsAndWarnings(diagnostics), ['image-not-found /listing/logos/small']);
    assert.match(diagnostics[0].message, /^The small logo 'a\/a\/a\/.{50,}… \(200000 characters\)' does not exist/);
  });

  it("ids of 'a', 200,000 dashes, 'a': too long, and fix-all shortens each to a valid id", () => {
    const { diagnostics, fixedAll } = throughEverything('offerId, planId');
    assert.deepStrictEqual(errorsAndWarnings(diagnostics), ['offer-id-format /offerId', 'plan-id-format /plans/0/name', 'plan-id-format /plans/0/planId']);
    assert.ok(fixedAll !== undefined);
    const after = validate(fixedAll);
    assert.deepStrictEqual(errorsAndWarnings(after), []);
    const fixed = parse(fixedAll) as { offerId: string; plans: { planId: string; name: string }[] };
    assert.strictEqual(fixed.offerId, 'a' + '-'.repeat(49));
    assert.strictEqual(fixed.plans[0].planId, fixed.offerId);
  });

  it('fix-all on 1,000 unknown keys and 64 links without a scheme: every link fixed in one action, the keys left to the author', () => {
    const { diagnostics, fixedAll } = throughEverything('fix-all');
    assert.strictEqual(diagnostics.filter((d) => d.code === 'url-format').length, 64);
    assert.strictEqual(diagnostics.filter((d) => d.code === 'schema' && d.path.startsWith('/unknownKey')).length, 1000);
    assert.ok(fixedAll !== undefined);
    const after = validate(fixedAll);
    assert.strictEqual(after.filter((d) => d.code === 'url-format').length, 0);
    assert.strictEqual(after.filter((d) => d.code === 'schema' && d.path.startsWith('/unknownKey')).length, 1000);
    const links = (parse(fixedAll) as { listing: { usefulLinks: { url: string }[] } }).listing.usefulLinks;
    assert.deepStrictEqual(
      links.map((link) => link.url),
      links.map((_, i) => `https://contoso.com/docs/${i}`),
    );
  });

  it('6,000 empty authorizations: each of their three missing properties, and the plan over its limit', () => {
    const { diagnostics } = throughEverything('6,000 empty');
    const missing = new Set(diagnostics.map((d) => d.path).filter((pointer) => /^\/plans\/0\/technicalConfiguration\/authorizations\/\d+\/(principalId|principalIdDisplayName|roleDefinitionId)$/.test(pointer)));
    assert.strictEqual(missing.size, 3 * 6000);
    assert.ok(diagnostics.some((d) => d.code === 'authorizations-limit'), JSON.stringify(findings(diagnostics)));
  });

  it('an audience CSV of 4 MiB of blank lines: read as an audience without ids, nothing else', () => {
    const { diagnostics } = throughEverything('an audience CSV');
    assert.deepStrictEqual(errorsAndWarnings(diagnostics), []);
  });

  it('2,000 plans: as clean as the example', () => {
    const { diagnostics } = throughEverything('2,000 plans');
    assert.deepStrictEqual(errorsAndWarnings(diagnostics), []);
  });

  it('a 200,000-character value that a rule quotes: quoted in 60 characters, with its length', () => {
    const { diagnostics } = throughEverything('a 200,000-character value');
    assert.deepStrictEqual(errorsAndWarnings(diagnostics), ['url-format /listing/privacyPolicyUrl']);
    // Lengths in characters as a person counts them: an emoji is one.
    assert.match(diagnostics[0].message, /^'contoso\.com\/a\/<b> 한😀\\--.*… \(183346 characters\)' is not an absolute URL: use 'https:\/\/contoso\.com\/.*… \(183354 characters\)'\.$/);
    assert.ok(diagnostics[0].message.length < 250, diagnostics[0].message);
  });
});
