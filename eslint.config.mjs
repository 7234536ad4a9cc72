// ESLint (flat config) with typescript-eslint. `npm run lint` runs it with no warning allowed;
// .ci/run runs it before the tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * An `eslint-disable` comment must say why, after ` -- ` (ESLint's own place for a reason): a
 * rule is turned off where a reader can see that it is right to.
 */
const disableNeedsReason = {
  meta: { type: 'suggestion', docs: { description: 'eslint-disable comments give a reason' }, messages: { reason: 'Say why the rule is off here, after " -- ".' }, schema: [] },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (/^\s*eslint-disable/.test(comment.value) && !/ -- \S/.test(comment.value)) {
            context.report({ loc: comment.loc, messageId: 'reason' });
          }
        }
      },
    };
  },
};
const project = { rules: { 'disable-needs-reason': disableNeedsReason } };

/** The TypeScript of the project: the shared core, the server and checker, the extension. */
const SOURCES = ['core/src/**/*.ts', 'server/src/**/*.ts', 'client/src/**/*.ts'];
/** Tests, their support and the benchmark, compiled with the same settings. */
const TESTS = ['test/**/*.ts', 'bench/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.cache/**', 'scratch/**', 'test-results/**', 'test/e2e-workspace/**'],
  },
  {
    files: [...SOURCES, ...TESTS],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` says "given, on purpose not used" (a callback's signature, a rest sibling).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Everywhere: a disable comment that is not needed is an error, one that is needed says why.
    plugins: { project },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'project/disable-needs-reason': 'error' },
  },
  {
    // The extension is the one process that must stay thin: it talks to the server over LSP and
    // imports only the shared core (test/unit/client/layering.test.ts checks the same).
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server'],
              message: 'The extension imports nothing of the server: ask it over LSP (core/src/protocol.ts) or move the shared part to core/src.',
            },
          ],
        },
      ],
    },
  },
  {
    // The tests build offers as `any` on purpose (exampleOffer(), parsed JSON, fake VS Code objects)
    // to write broken, hostile and partial offers that no type would allow; what they assert is
    // checked by the assertions, not by the types. The rest of the type-aware rules stay on.
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Build, packaging and e2e scripts: plain JavaScript modules run by Node.
    files: ['scripts/**/*.mjs', 'eslint.config.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The UI checks hand functions to the browser (`page.evaluate`), which run there.
    files: ['scripts/e2e/ui-checks.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // CommonJS helpers (the test path registration, the reporter, the integration runner).
    files: ['bin/**/*.js', 'test/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.mocha } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    // The listing preview's script, run in the webview.
    files: ['media/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
);
