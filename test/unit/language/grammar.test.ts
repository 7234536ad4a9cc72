import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from '../../support/offerHarness';

/** Tokenizes lines with the extension's real grammar, as VS Code does, and returns [text, scopes]. */
async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => {
      const file = path.join(REPO_ROOT, 'syntaxes', 'marketplace-offer.tmLanguage.json');
      return vsctm.parseRawGrammar(await fs.promises.readFile(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('source.marketplace-offer');
  assert.ok(grammar);
  return grammar;
}

function tokenize(grammar: vsctm.IGrammar, text: string): { text: string; scopes: string[] }[] {
  let state = vsctm.INITIAL;
  const tokens: { text: string; scopes: string[] }[] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  }
  return tokens;
}

function scopesOf(tokens: { text: string; scopes: string[] }[], text: string): string[] {
  const token = tokens.find((t) => t.text === text);
  assert.ok(token, `no token '${text}' in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

describe('the TextMate grammar', () => {
  let grammar: vsctm.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('is declared for the marketplace-offer language in the manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const contribution = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'marketplace-offer');
    assert.strictEqual(contribution.scopeName, 'source.marketplace-offer');
    assert.ok(fs.existsSync(path.join(REPO_ROOT, contribution.path)));
  });

  it('scopes a role id so that themes can colour it', () => {
    const tokens = tokenize(grammar, '{ "roleDefinitionId": "b24988ac-6180-42a0-ab88-20f7382dd24c" }');
    assert.ok(scopesOf(tokens, 'b24988ac-6180-42a0-ab88-20f7382dd24c').includes('constant.other.guid.role.marketplace-offer'));
    assert.ok(scopesOf(tokens, 'roleDefinitionId').includes('support.type.property-name.marketplace-offer'));
  });

  it('scopes delegated role ids inside their array', () => {
    const tokens = tokenize(grammar, '{ "delegatedRoleDefinitionIds": [\n  "acdd72a7-3385-48ef-bd42-f606fba81ae7" // Reader\n] }');
    assert.ok(scopesOf(tokens, 'acdd72a7-3385-48ef-bd42-f606fba81ae7').includes('constant.other.guid.role.marketplace-offer'));
    assert.ok(scopesOf(tokens, ' Reader').some((s) => s.startsWith('comment.line')));
  });

  it('scopes principal and tenant ids apart from role ids', () => {
    const tokens = tokenize(grammar, '{ "principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47" }');
    assert.ok(scopesOf(tokens, '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f').includes('constant.other.guid.principal.marketplace-offer'));
    assert.ok(scopesOf(tokens, '72f988bf-86f1-41af-91ab-2d7cd011db47').includes('constant.other.guid.principal.marketplace-offer'));
  });

  it('scopes ${env:NAME} references inside strings', () => {
    const tokens = tokenize(grammar, '{ "storageAccountConnectionString": "${env:LEADS_STORAGE}" }');
    assert.ok(scopesOf(tokens, 'LEADS_STORAGE').includes('variable.other.environment.marketplace-offer'));
  });

  it('tells keys from string values and reads comments', () => {
    const tokens = tokenize(grammar, '{\n  // the alias\n  "alias": "Contoso: Ops", /* block */ "n": 1\n}');
    assert.ok(scopesOf(tokens, 'alias').includes('support.type.property-name.marketplace-offer'));
    assert.ok(!scopesOf(tokens, 'Contoso: Ops').includes('support.type.property-name.marketplace-offer'));
    assert.ok(scopesOf(tokens, 'Contoso: Ops').includes('string.quoted.double.marketplace-offer'));
    assert.ok(scopesOf(tokens, ' block ').some((s) => s.startsWith('comment.block')));
    assert.ok(scopesOf(tokens, '1').includes('constant.numeric.marketplace-offer'));
  });

  it('tokenizes the whole example offer without an unclosed scope at the end', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'contoso-sentinel', 'offer.json'), 'utf8');
    const tokens = tokenize(grammar, text.trimEnd());
    const last = tokens[tokens.length - 1];
    assert.deepStrictEqual(last.scopes, ['source.marketplace-offer', 'meta.structure.dictionary.marketplace-offer', 'punctuation.definition.dictionary.end.marketplace-offer']);
  });
});
