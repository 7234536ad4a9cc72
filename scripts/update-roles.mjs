// Regenerates the shipped role catalog from `az role definition list` output:
//
//   az role definition list > roles.json
//   npm run roles:update -- roles.json [--out core/src/catalog/builtin-roles.json]
//
// The roles are read by the product's own parser (core/src/catalog/roleCatalogParser.ts),
// bundled here with esbuild and loaded in memory, so the script and the language server can never
// read a role differently.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOut = path.join(repoRoot, 'core', 'src', 'catalog', 'builtin-roles.json');

function usage(message) {
  process.stderr.write(`${message}\nusage: npm run roles:update -- FILE [--out PATH]\n  FILE: the output of \`az role definition list\` (a JSON array)\n`);
  process.exit(2);
}

function parseArguments(argv) {
  let input;
  let out = defaultOut;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--out') {
      out = argv[++i];
      if (!out) usage('--out needs a path');
    } else if (argument === '--help' || argument === '-h') {
      usage('Regenerates the built-in role catalog.');
    } else if (argument.startsWith('-')) {
      usage(`unknown option ${argument}`);
    } else if (input) {
      usage('give one input file');
    } else {
      input = argument;
    }
  }
  if (!input) usage('no input file');
  return { input: path.resolve(input), out: path.resolve(out) };
}

/** Bundles the parser module alone and evaluates it as CommonJS, without touching the disk. */
async function loadParser() {
  const entry = path.join(repoRoot, 'core', 'src', 'catalog', 'roleCatalogParser.ts');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'error',
  });
  const module = { exports: {} };
  const require = createRequire(entry);
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

const { input, out } = parseArguments(process.argv.slice(2));
let json;
try {
  json = JSON.parse(fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, ''));
} catch (error) {
  process.stderr.write(`${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}\n`);
  process.exit(2);
}
const { parseRoleCatalog } = await loadParser();
let roles;
try {
  roles = parseRoleCatalog(json);
} catch (error) {
  process.stderr.write(`${input}: ${error.message} (expected the output of \`az role definition list\`)\n`);
  process.exit(1);
}

const previous = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : [];
const previousIds = new Set(previous.map((role) => role.id));
const currentIds = new Set(roles.map((role) => role.id));
const added = roles.filter((role) => !previousIds.has(role.id)).map((role) => role.roleName);
const removed = previous.filter((role) => !currentIds.has(role.id)).map((role) => role.roleName);

// The same layout as the file that ships (one-space indent, final newline) keeps diffs readable.
fs.writeFileSync(out, JSON.stringify(roles, null, 1) + '\n');
process.stdout.write(
  `${path.relative(process.cwd(), out) || out}: ${roles.length} built-in roles` +
    ` (${added.length} added, ${removed.length} removed)\n` +
    listed('+', added) +
    listed('-', removed),
);

/** Names one per line, at most 25 of them: a first run adds every role. */
function listed(sign, names) {
  const shown = names.slice(0, 25).map((name) => `  ${sign} ${name}\n`).join('');
  return names.length > 25 ? shown + `  ${sign} … and ${names.length - 25} more\n` : shown;
}
