import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rules } from '../../../server/src/rules';
import { REPO_ROOT } from '../../support/offerHarness';

/** `| `code` | where | rule | severity |` rows of the format's rule table (`a` / `b` rows name two codes). */
function specRules(): { code: string; severity: string }[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'offer-format.md'), 'utf8');
  const table = text.slice(text.indexOf('| code | where | rule | severity |'), text.indexOf('## Marketplace categories'));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const severity = cells[cells.length - 2];
      return [...cells[1].matchAll(/`([a-z0-9-]+)`/g)].map((match) => ({ code: match[1], severity }));
    });
}

describe('the rule table', () => {
  const spec = specRules();

  it('reads the whole table of the format', () => {
    assert.ok(spec.length >= 60, `only ${spec.length} codes read`);
  });

  it('has a rule for every code of the format, with exactly its severity', () => {
    const registered = new Map(rules.map((rule) => [rule.code, rule.severity]));
    const mismatches = spec
      .filter(({ code }) => code !== 'schema')
      .filter(({ code, severity }) => registered.get(code) !== severity)
      .map(({ code, severity }) => `${code}: spec ${severity}, registered ${registered.get(code) ?? 'nothing'}`);
    assert.deepStrictEqual(mismatches, []);
  });

  it('registers each code once, and every rule documents what it checks', () => {
    const codes = rules.map((rule) => rule.code);
    assert.deepStrictEqual(codes.filter((code, i) => codes.indexOf(code) !== i), []);
    for (const rule of rules) {
      assert.ok(rule.docs.length > 30, `${rule.code}: docs too short`);
    }
  });

  it('adds no code beyond the format but the ones the README documents', () => {
    const specCodes = new Set(spec.map(({ code }) => code));
    const extra = rules.filter((rule) => !specCodes.has(rule.code)).map((rule) => `${rule.code} (${rule.severity})`);
    assert.deepStrictEqual(extra, ['screenshot-caption-length (error)', 'audience-csv-not-found (error)', 'eligible-service-principal (info)']);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const code of extra) {
      assert.ok(readme.includes(`\`${code.replace(' (', '` (')}`), `the README names ${code}`);
    }
  });
});
