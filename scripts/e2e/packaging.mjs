// What the .vsix holds: the product's files and nothing else (no sources, tests, maps,
// node_modules, examples), and that its bundles are the minified ones `npm run package` makes.
// `vsce ls` lists exactly what `vsce package` puts in, from .vscodeignore.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './workspace.mjs';
import { runToEnd } from './processes.mjs';

const REQUIRED = [
  'package.json',
  'package.nls.json',
  'dist/client.js',
  'dist/server.js',
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
  /^dist\/(client|server)\.js$/,
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
    const bundles = ['dist/client.js', 'dist/server.js'].map((file) => ({ file, ...shapeOf(path.join(REPO_ROOT, file)) }));
    const readable = bundles.filter((bundle) => bundle.bytes / bundle.lines < 500);
    if (readable.length > 0) {
      throw new Error(`not minified: ${readable.map((bundle) => `${bundle.file} (${bundle.lines} lines)`).join(', ')}`);
    }
    return { name, passed: true, note: `${files.length} files; ${bundles.map((bundle) => `${bundle.file} ${Math.round(bundle.bytes / 1024)} KiB`).join(', ')}` };
  } catch (error) {
    return { name, passed: false, error: error?.stack ?? String(error) };
  }
}

/** A bundle's size and lines: a minified one has few, long lines. */
function shapeOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  return { bytes: Buffer.byteLength(text), lines: text.split('\n').length };
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
