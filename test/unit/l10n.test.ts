/**
 * Korean (issue 7, item 3): every user-facing string exists in English and Korean, and the
 * checker and the language server speak Korean when asked to. The CLI and LSP parts run
 * `dist/cli.js` and `dist/server.js`, so they need `npm run build` first (npm test does it).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { CONTRIBUTOR_ROLE_ID, OWNER_ROLE_ID } from '@core/catalog/roleCatalog';
import { LspTestClient } from '../support/lspClient';
import { EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, REPO_ROOT } from '../support/offerHarness';

type Bundle = Record<string, string>;

function readJson(relativePath: string): Bundle {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8')) as Bundle;
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * English strings whose Korean is the English itself, on purpose: usage lines that are pure
 * syntax, the extension's product name, a label that is only an abbreviation and a code span, and
 * the JSON literal `null`.
 */
const KEPT_AS_IS = new Set([
  '       offer-lint export-arm OFFER --plan ID [--scope subscription|resourceGroup] --out DIR [--root DIR] [--force]',
  '       offer-lint import-arm TEMPLATE [PARAMETERS]',
  '       offer-lint readiness OFFER [--format text|json] [--root DIR]',
  '       offer-lint handoff OFFER [--format markdown|json] [--root DIR]',
  'Marketplace Offer',
  'ID: `{0}`',
  'null',
]);

/** Manifest keys whose Korean is the extension's name, which stays English like other product names. */
const MANIFEST_KEPT_AS_IS = new Set(['extension.displayName', 'category', 'configuration.title']);

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

/**
 * What a translation must carry over unchanged: code spans, quoted values without spaces ('gold',
 * "logos", '${env:NAME}'), dotted property paths and host names (listing.description, youtube.com)
 * and URL beginnings (https://).
 */
function literals(text: string): string[] {
  const pattern = /`[^`]+`|'[^'\s]+'|"[^"\s]+"|\b[A-Za-z][\w-]+(?:\.[A-Za-z][\w-]+)+\b|https?:\/\//g;
  return [...new Set(text.match(pattern) ?? [])];
}

/** The strings of the sources, as the extractor (an ES module) finds them. */
function extractedStrings(): Bundle {
  const extractor = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'l10n-extract.mjs')).href;
  const program = `import { extractStrings } from ${JSON.stringify(extractor)}; process.stdout.write(JSON.stringify(extractStrings()));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Bundle;
}

describe('Korean: the bundles', () => {
  const english = readJson('l10n/bundle.l10n.json');
  const korean = readJson('l10n/bundle.l10n.ko.json');

  it('l10n/bundle.l10n.json holds exactly the strings of the sources (npm run l10n:extract)', () => {
    const sources = extractedStrings();
    const added = Object.keys(sources).filter((key) => !(key in english));
    const gone = Object.keys(english).filter((key) => !(key in sources));
    assert.deepStrictEqual({ added, gone }, { added: [], gone: [] }, 'run npm run l10n:extract, then translate the new strings');
    assert.deepStrictEqual(english, sources);
  });

  it('the extractor agrees that the bundle is up to date (l10n-extract.mjs --check)', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'l10n-extract.mjs'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(result.status, 0, result.stderr);
  });

  it('every English string has a Korean one, and the Korean bundle has no other key', () => {
    const untranslated = Object.keys(english).filter((key) => typeof korean[key] !== 'string' || korean[key].trim() === '');
    const unknown = Object.keys(korean).filter((key) => !(key in english));
    assert.deepStrictEqual({ untranslated, unknown }, { untranslated: [], unknown: [] });
  });

  it('every Korean string has the same {n} placeholders as its English one', () => {
    const mismatched = Object.keys(english)
      .filter((key) => key in korean && placeholders(key).join() !== placeholders(korean[key]).join())
      .map((key) => `${key} → ${korean[key]}`);
    assert.deepStrictEqual(mismatched, []);
  });

  it('every Korean string keeps the code, quoted values, property paths and URLs of its English one', () => {
    const altered = Object.keys(english)
      .filter((key) => key in korean)
      .flatMap((key) => literals(key).filter((literal) => !korean[key].includes(literal)).map((literal) => `${literal} in ${korean[key]}`));
    assert.deepStrictEqual(altered, []);
  });

  it('every Korean string is written in Hangul, except the few kept as they are', () => {
    const notKorean = Object.keys(english).filter((key) => key in korean && !KEPT_AS_IS.has(key) && !HANGUL.test(korean[key]));
    assert.deepStrictEqual(notKorean, []);
    for (const key of KEPT_AS_IS) {
      if (key in english) {
        assert.strictEqual(korean[key], key, `${JSON.stringify(key)} is kept as it is`);
      }
    }
  });

  it('keeps terms as Korean Azure documentation writes them', () => {
    assert.strictEqual(korean['Eligible authorizations'], '적격 권한 부여');
    assert.strictEqual(korean['Preview audience'], '미리 보기 대상 그룹');
    assert.strictEqual(korean['Terms and conditions'], '사용 약관');
    assert.strictEqual(korean['Managing tenant ID: the GUID of the Microsoft Entra tenant your people sign in to.'], '관리 테넌트 ID: 직원이 로그인하는 Microsoft Entra 테넌트의 GUID입니다.');
    assert.strictEqual(korean['Supported by Azure Lighthouse.'], 'Azure Lighthouse에서 지원됩니다.');
  });
});

describe('Korean: the manifest (package.nls.ko.json)', () => {
  const manifest = readJson('package.json') as unknown as object;
  const english = readJson('package.nls.json');
  const korean = readJson('package.nls.ko.json');

  it('every %key% that package.json uses is in package.nls.json', () => {
    const used = [...new Set(JSON.stringify(manifest).match(/%[\w.-]+%/g) ?? [])].map((key) => key.slice(1, -1));
    assert.ok(used.length > 10, `package.json uses %keys% (found ${used.length})`);
    assert.deepStrictEqual(
      used.filter((key) => !(key in english)),
      [],
    );
  });

  it('every key of package.nls.json has a Korean string, and package.nls.ko.json has no other key', () => {
    const untranslated = Object.keys(english).filter((key) => typeof korean[key] !== 'string' || korean[key].trim() === '');
    const unknown = Object.keys(korean).filter((key) => !(key in english));
    assert.deepStrictEqual({ untranslated, unknown }, { untranslated: [], unknown: [] });
  });

  it('the Korean manifest strings are in Hangul (except the extension name) and keep their command links', () => {
    const notKorean = Object.keys(english).filter((key) => !MANIFEST_KEPT_AS_IS.has(key) && !HANGUL.test(korean[key] ?? ''));
    assert.deepStrictEqual(notKorean, []);
    for (const key of MANIFEST_KEPT_AS_IS) {
      assert.strictEqual(korean[key], english[key], `${key} is the extension's name`);
    }
    for (const key of Object.keys(english)) {
      const links = (text: string) => text.match(/\(command:[\w.]+\)|`[^`]+`/g) ?? [];
      assert.deepStrictEqual(links(korean[key] ?? ''), links(english[key]), key);
    }
    assert.strictEqual(korean['command.exportArm'], '플랜을 Azure Lighthouse 온보딩 템플릿으로 내보내기');
  });

  // VS Code shows `<name>.nls.<language>.md` instead of a walkthrough step's `<name>.md` when it exists.
  it('every walkthrough step has a Korean page (<name>.nls.ko.md) with the same code', () => {
    const walkthroughs = (manifest as { contributes?: { walkthroughs?: { steps: { media?: { markdown?: string } }[] }[] } }).contributes?.walkthroughs ?? [];
    const pages = walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.media?.markdown)).filter((page): page is string => !!page);
    assert.ok(pages.length >= 5, `the walkthrough has its steps (found ${pages.length})`);
    const codeSpans = (text: string) => (text.match(/`[^`]+`/g) ?? []).sort();
    for (const page of pages) {
      const koreanPage = path.join(REPO_ROOT, page.replace(/\.md$/, '.nls.ko.md'));
      assert.ok(fs.existsSync(koreanPage), `${path.relative(REPO_ROOT, koreanPage)} exists`);
      const englishText = fs.readFileSync(path.join(REPO_ROOT, page), 'utf8');
      const koreanText = fs.readFileSync(koreanPage, 'utf8');
      assert.ok(HANGUL.test(koreanText), `${page} in Korean`);
      assert.deepStrictEqual(codeSpans(koreanText), codeSpans(englishText), page);
    }
  });
});

/** The example offer with its first authorization (Contributor) given Owner instead. */
function offerWithOwner(): string {
  const contributorLine = `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}" // Contributor`;
  assert.strictEqual(EXAMPLE_OFFER_TEXT.split(contributorLine).length, 2, 'the example has one Contributor authorization');
  return EXAMPLE_OFFER_TEXT.replace(contributorLine, `"roleDefinitionId": "${OWNER_ROLE_ID}" // Owner`);
}

const OWNER_KO =
  'Azure Lighthouse는 Owner(소유자) 역할을 지원하지 않습니다. Contributor(기여자)를 사용하고, 이 보안 주체가 역할을 할당해야 한다면 delegatedRoleDefinitionIds와 함께 User Access Administrator(사용자 액세스 관리자)를 추가하세요.';
const OWNER_EN =
  'Azure Lighthouse does not support the Owner role: use Contributor, and add User Access Administrator with delegatedRoleDefinitionIds if this principal must assign roles.';

describe('Korean: the checker (dist/cli.js --locale)', () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  let workspace: string;
  let offerPath: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-l10n-cli-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    offerPath = path.join(workspace, 'offer.json');
    fs.writeFileSync(offerPath, offerWithOwner());
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  function run(args: string[]) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: workspace, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function ownerProblems(stdout: string): { code: string; severity: string; message: string; path: string }[] {
    return (JSON.parse(stdout) as { code: string; severity: string; message: string; path: string }[]).filter((d) => d.code === 'role-owner');
  }

  it('--locale ko --format json gives the Korean message for role-owner', () => {
    const result = run(['--locale', 'ko', '--format', 'json', offerPath]);
    assert.strictEqual(result.code, 1, result.stderr);
    const owner = ownerProblems(result.stdout);
    assert.deepStrictEqual(
      owner.map((d) => [d.severity, d.path, d.message]),
      [['error', '/plans/0/technicalConfiguration/authorizations/0/roleDefinitionId', OWNER_KO]],
    );
  });

  it('--locale en (and no --locale) gives the English message', () => {
    for (const args of [['--locale', 'en'], ['--locale=en-US'], []]) {
      const owner = ownerProblems(run([...args, '--format', 'json', offerPath]).stdout);
      assert.deepStrictEqual(owner.map((d) => d.message), [OWNER_EN], args.join(' '));
    }
  });

  it('--locale ko-KR works too, in the text format', () => {
    const result = run(['--locale=ko-KR', offerPath]);
    assert.ok(result.stdout.includes(`error role-owner ${OWNER_KO}`), result.stdout);
  });

  it('--locale ko speaks Korean in usage errors, whatever the order of the options', () => {
    const result = run(['--format', 'xml', '--locale', 'ko', offerPath]);
    assert.strictEqual(result.code, 2);
    assert.ok(result.stderr.startsWith("offer-lint: 알 수 없는 형식 'xml'입니다. text, json, sarif, github 중 하나를 사용하세요.\n사용법: offer-lint "), result.stderr);
  });
});

describe('Korean: the language server (initializationOptions.locale)', () => {
  let workspace: string;
  let offerPath: string;
  let text: string;
  let client: LspTestClient;
  let diagnostics: Diagnostic[];

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-l10n-lsp-'));
    fs.cpSync(EXAMPLE_DIR, workspace, { recursive: true });
    offerPath = path.join(workspace, 'offer.json');
    text = offerWithOwner().replace('"contoso-sentinel-ops"', '"Contoso-Sentinel-Ops"');
    client = await LspTestClient.start({ rootPath: workspace, locale: 'ko' });
    diagnostics = await client.open(offerPath, text);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const position = (offset: number) => TextDocument.create('file:///x', 'json', 1, text).positionAt(offset);

  it('publishes the diagnostics of a broken offer in Korean', () => {
    const messages = Object.fromEntries(diagnostics.map((d) => [String(d.code), d.message]));
    assert.strictEqual(messages['role-owner'], OWNER_KO);
    assert.strictEqual(messages['offer-id-format'], "제품 ID 'Contoso-Sentinel-Ops'은(는) 소문자여야 합니다. 'contoso-sentinel-ops'을(를) 사용하세요.");
    for (const diagnostic of diagnostics) {
      assert.ok(HANGUL.test(diagnostic.message), `${String(diagnostic.code)}: ${diagnostic.message}`);
    }
  });

  it('titles the quick fix in Korean', async () => {
    const diagnostic = diagnostics.find((d) => d.code === 'offer-id-format')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uriOf(offerPath) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    assert.deepStrictEqual(actions.map((a) => a.title), ["제품 ID를 'contoso-sentinel-ops'(으)로 변경"]);
  });

  it('shows a role hover in Korean', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: client.uriOf(offerPath) },
      position: position(text.indexOf(CONTRIBUTOR_ROLE_ID) + 4),
    });
    assert.ok(hover, 'no hover');
    const value = (hover.contents as MarkupContent).value;
    // The field's description (the schema's, in Korean), then the role's facts, its name with the Korean portal's.
    assert.ok(/^[^\n]*기본 제공 역할의 ID/.test(value), value);
    assert.ok(value.includes('\n\n---\n\n**Contributor** (기여자)'), value);
    assert.ok(value.includes('범주: '), value);
    assert.ok(value.includes('✓ Azure Lighthouse에서 지원됩니다.'), value);
  });

  it('gives completion details in Korean', async () => {
    const emptyPath = path.join(workspace, 'empty.offer.json');
    const emptyText = '{\n  \n}\n';
    await client.open(emptyPath, emptyText);
    const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: client.uriOf(emptyPath) },
      position: { line: 1, character: 2 },
    });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const offerId = items.find((item) => item.label === 'offerId');
    assert.ok(offerId, `offerId is offered; got ${items.map((item) => item.label).join(', ')}`);
    assert.strictEqual(offerId.detail, '필수');
  });
});
