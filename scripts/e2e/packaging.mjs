// What the .vsix holds: the product's files and nothing else (no sources, tests, maps,
// node_modules, examples). `vsce ls` lists exactly what `vsce package` puts in, from .vscodeignore.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './workspace.mjs';
import { runToEnd } from './processes.mjs';

const REQUIRED = [
  'package.json',
  'package.nls.json',
  'dist/client.js',
  'dist/server.js',
  'dist/cli.js',
  'schemas/offer.schema.json',
  'syntaxes/marketplace-offer.tmLanguage.json',
  'language-configuration.json',
  'l10n/bundle.l10n.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];

const ALLOWED = [
  /^package(\.nls(\.[a-z-]+)?)?\.json$/,
  /^dist\/(client|server|cli)\.js$/,
  /^schemas\/[^/]+\.json$/,
  /^syntaxes\/[^/]+\.json$/,
  /^language-configuration\.json$/,
  /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
  /^resources\/[^/]+\.(svg|png)$/,
  /^media\/[^/]+\.(css|js|svg|png)$/,
  /^walkthrough\/[^/]+\.(md|svg|png)$/,
  /^(README\.md|CHANGELOG\.md|LICENSE)$/,
];

export async function checkPackageContents() {
  const name = 'package: the .vsix holds the product files and nothing else';
  try {
    const listing = await runToEnd('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: REPO_ROOT, quiet: true });
    const files = listing.split('\n').map((line) => line.trim()).filter(Boolean);
    const missing = [...REQUIRED, ...filesTheManifestNames()].filter((file) => !files.includes(file));
    const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
    if (missing.length > 0 || unexpected.length > 0) {
      throw new Error(`missing: ${JSON.stringify(missing)}; not allowed: ${JSON.stringify(unexpected)}`);
    }
    return { name, passed: true, note: `${files.length} files` };
  } catch (error) {
    return { name, passed: false, error: error?.stack ?? String(error) };
  }
}

/**
 * Files the manifest points at (grammar, language configuration, schema, icons, walkthrough
 * pages, the main bundle): each must be in the package, or the installed extension is broken.
 */
function filesTheManifestNames() {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const found = new Set();
  const visit = (value) => {
    if (typeof value === 'string') {
      const relative = value.replace(/^\.\//, '');
      if (/^[\w-]+(\/[\w.-]+)*\.(json|md|svg|png|js|css)$/.test(relative) && fs.existsSync(path.join(REPO_ROOT, relative))) {
        found.add(relative);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit({ main: manifest.main, icon: manifest.icon, contributes: manifest.contributes });
  return [...found];
}
