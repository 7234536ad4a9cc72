// Collects every user-facing string of the client and the server into l10n/bundle.l10n.json, the
// English bundle that translators start from. It finds the calls the code uses for them:
// `t('…')` (the server's l10n module), `l10n.t('…')` and `vscode.l10n.t('…')`.
// `node scripts/l10n-extract.mjs --check` fails when the bundle is out of date instead of writing it.
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sourceFolders = ['core/src', 'client/src', 'server/src'];

function* typeScriptFiles(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      yield* typeScriptFiles(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

function isLocalisationCall(callee) {
  if (ts.isIdentifier(callee)) {
    return callee.text === 't';
  }
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText());
}

export function extractStrings() {
  const strings = new Map();
  for (const folder of sourceFolders) {
    for (const file of typeScriptFiles(path.join(root, folder))) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node) => {
        if (ts.isCallExpression(node) && isLocalisationCall(node.expression)) {
          const [first] = node.arguments;
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
            strings.set(first.text, first.text);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return Object.fromEntries([...strings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const bundlePath = path.join(root, 'l10n', 'bundle.l10n.json');
  const text = JSON.stringify(extractStrings(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(bundlePath) ? fs.readFileSync(bundlePath, 'utf8') : '';
    if (current !== text) {
      console.error('l10n/bundle.l10n.json is out of date: run npm run l10n:extract');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(bundlePath, text);
    console.log(`${Object.keys(JSON.parse(text)).length} strings written to ${path.relative(root, bundlePath)}`);
  }
}
