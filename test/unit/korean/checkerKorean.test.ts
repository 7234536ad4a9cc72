/**
 * A Korean user sees Korean: the checker (`dist/cli.js --locale ko`) runs on offers that make every
 * registered rule report, and the schema check on an offer that breaks every validation keyword of
 * the schema; no message may hold a word in Latin letters outside the allow-list below (each entry
 * with its reason). Needs `npm run build` first (npm test does it).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { setLocale } from '@core/l10n';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { RICH_TEXT_TAGS } from '@core/knowledge/richText';
import { OfferDocument } from '@core/model/offerDocument';
import { rules } from '../../../server/src/rules';
import { schemaDiagnostics } from '../../../server/src/validation/schemaValidation';
import { EXAMPLE_DIR, REPO_ROOT } from '../../support/offerHarness';
import { schemaOffer, writeBrokenOffers } from './brokenOffers';

interface CliDiagnostic {
  file: string;
  code: string;
  message: string;
  path: string;
}

/** Every key of every `properties` of the schema: the offer format's property names. */
function schemaPropertyNames(): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value && typeof value === 'object') {
          Object.keys(value).forEach((name) => names.add(name));
        }
        walk(value);
      }
    }
  };
  walk(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'offer.schema.json'), 'utf8')));
  return [...names];
}

/** The validation keywords the schema uses (annotations such as description left out). */
function schemaKeywords(): string[] {
  const validation = new Set(['type', 'required', 'additionalProperties', 'enum', 'const', 'pattern', 'format', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'oneOf', 'anyOf', 'allOf', 'not', 'if', 'contains', 'propertyNames', 'dependentRequired', 'minProperties', 'maxProperties', 'multipleOf']);
  const used = new Set<string>();
  const walk = (node: unknown, isMap = false): void => {
    if (Array.isArray(node)) {
      node.forEach((item) => walk(item));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (!isMap && validation.has(key)) {
          used.add(key);
        }
        walk(value, !isMap && (key === 'properties' || key === 'definitions' || key === 'patternProperties'));
      }
    }
  };
  walk(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'offer.schema.json'), 'utf8')));
  return [...used].sort();
}

/** Keywords the schema uses whose problems never reach a user, and why. */
const SILENT_KEYWORDS: Record<string, string> = {
  format: 'the validator does not check formats (validateFormats: false); url-format, contact-required and the lead rules check emails and URLs',
};

/** Latin-letter words a Korean message may hold, each list with its reason. */
const ALLOWED: { words: Iterable<string>; reason: string }[] = [
  {
    words: ['Azure', 'Lighthouse', 'Marketplace', 'Microsoft', 'Entra', 'Partner', 'Center', 'YouTube', 'Vimeo', 'Key', 'Vault', 'Dynamics', 'Salesforce', 'Marketo'],
    reason: "product names, which Microsoft's Korean documentation writes in English (Azure Lighthouse, Microsoft Entra ID, Key Vault…)",
  },
  {
    words: schemaPropertyNames().filter((name) => /[A-Z0-9]/.test(name)),
    reason: 'property names of the offer file that are identifiers (planId, delegatedRoleDefinitionIds…); a property named by a plain word (name, email, small) is quoted',
  },
  { words: rules.map((rule) => rule.code), reason: 'rule codes, as the Problems panel and --format json show them' },
  {
    words: ['ID', 'Id', 'GUID', 'JSON', 'CSV', 'PNG', 'HTML', 'URL', 'HTTPS', 'http', 'https', 'ISO', 'MiB', 'JIT', 'BYOL', 'DataActions'],
    reason: "abbreviations, formats and Azure's own terms that Korean technical writing keeps in Latin letters (Id is the audience CSV's column)",
  },
  { words: ['PT30M', 'PT8H', 'PT1H30M', 'PT9H'], reason: 'ISO 8601 durations: values as the file writes them' },
  { words: RICH_TEXT_TAGS, reason: "HTML element names of the rich-text editor's tag list (description-html names the ones allowed)" },
];

/** Azure role names are identifiers (the catalog, the portal's English and az use them): a message keeps them whole, and adds the Korean name on first mention. */
const ROLE_NAMES = RoleCatalog.builtin()
  .roles.map((role) => role.roleName)
  .sort((a, b) => b.length - a.length);

const ALLOWED_WORDS = new Set([...ALLOWED.flatMap((entry) => [...entry.words])].filter((word) => /[A-Za-z]/.test(word)));

/**
 * The Latin-letter words of a message that are prose: quoted values ('…', "…", `…`), HTML tags,
 * ${env:…} references, URLs, paths and file names are what the user wrote or must write, as they are.
 */
export function latinWords(message: string): string[] {
  let withoutRoles = message;
  for (const name of ROLE_NAMES) {
    withoutRoles = withoutRoles.split(name).join(' ');
  }
  const prose = withoutRoles
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\$\{[^}]*\}/g, ' ')
    .replace(/\S*\[\d+\]\S*/g, ' ') // JSON paths such as authorizations[2]
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ') // role and principal IDs
    .replace(/\S*(?:[./\\]\S*[A-Za-z]|[A-Za-z]\S*[./\\])\S*/g, (token) => (/[./\\]/.test(token.replace(/[.:,)]+$/, '')) ? ' ' : token))
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' '); // environment variable names
  return (prose.match(/[A-Za-z][A-Za-z0-9+#-]*/g) ?? []).map((word) => word.replace(/-+$/, '')).filter((word) => !ALLOWED_WORDS.has(word));
}

describe('Korean: no English in the checker\'s messages (dist/cli.js --locale ko)', () => {
  let workspace: string;
  let diagnostics: CliDiagnostic[];
  let schemaMessages: { keyword: string; path: string; message: string }[];

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-korean-'));
    fs.cpSync(EXAMPLE_DIR, path.join(workspace, 'offer'), { recursive: true });
    const files = writeBrokenOffers(path.join(workspace, 'offer'));
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--locale', 'ko', '--format', 'json', '--root', workspace, ...files], {
      encoding: 'utf8',
    });
    assert.strictEqual(result.status, 1, result.stderr);
    diagnostics = JSON.parse(result.stdout) as CliDiagnostic[];
    setLocale('ko');
    try {
      const { offer, expected } = schemaOffer();
      const found = schemaDiagnostics(OfferDocument.fromText(JSON.stringify(offer, null, 2)));
      schemaMessages = Object.entries(expected).map(([keyword, pointer]) => ({
        keyword,
        path: pointer,
        message: found.find((diagnostic) => diagnostic.path === pointer)?.message ?? '(nothing reported)',
      }));
    } finally {
      setLocale('en');
    }
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('runs offers that make every registered rule report', () => {
    const reported = new Set(diagnostics.map((diagnostic) => diagnostic.code));
    assert.deepStrictEqual(
      rules.map((rule) => rule.code).filter((code) => !reported.has(code)),
      [],
    );
    assert.ok(reported.has('schema'), 'schema problems are among them');
  });

  it('breaks every validation keyword the schema uses, each reported in Korean at its place', () => {
    const covered = new Set([...schemaMessages.map((entry) => entry.keyword), ...Object.keys(SILENT_KEYWORDS)]);
    assert.deepStrictEqual(
      schemaKeywords().filter((keyword) => !covered.has(keyword)),
      [],
    );
    for (const { keyword, path: pointer, message } of schemaMessages) {
      assert.ok(/[\uac00-\ud7a3]/.test(message), `${keyword} at ${pointer}: ${message}`);
    }
  });

  it('holds no Latin-letter word outside the allow-list, in any message', () => {
    const messages = [...diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`), ...schemaMessages.map((s) => `schema ${s.keyword}: ${s.message}`)];
    const leaks = messages
      .map((line) => ({ line, words: latinWords(line.slice(line.indexOf(': ') + 2)) }))
      .filter(({ words }) => words.length > 0)
      .map(({ line, words }) => `${words.join(', ')} ← ${line}`);
    assert.deepStrictEqual(leaks, []);
  });

  it('finds English where there is some (the check can fail)', () => {
    assert.deepStrictEqual(latinWords('값이 유효하지 않습니다: must NOT have duplicate items'), ['must', 'NOT', 'have', 'duplicate', 'items']);
    assert.deepStrictEqual(latinWords("'PT9H'은(는) 9 h입니다"), ['h']);
    assert.deepStrictEqual(latinWords("'PT9H'은(는) 9시간입니다. Contributor(기여자), offer.json, ${env:KEY}, \"Some English\""), []);
  });
});
