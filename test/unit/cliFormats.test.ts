/**
 * The checker's CI formats (issue 17, item 1): `--format sarif` is a SARIF 2.1.0 log valid against
 * the standard's JSON Schema, `--format github` is one workflow command per problem, and both name
 * the same problems at the same lines and columns as the text format.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { artifactPath } from '../../server/src/cli/formats/artifactPath';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import { ruleDescriptions } from '../../server/src/cli/formats/ruleCatalog';
import { brokenExampleOffer } from '../support/brokenOffer';
import { EXAMPLE_DIR, REPO_ROOT } from '../support/offerHarness';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // The schema's `language` pattern is not valid as a unicode regular expression; formats are
  // checked as strictly as GitHub reads them: a URI parses, a reference has no blanks.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  // eslint-disable-next-line no-control-regex -- a URI reference may hold no control character: this finds them
  ajv.addFormat('uri-reference', (value: string) => !/[\s\x00-\x1f]/.test(value) && URL.canParse(value, 'file:///root/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

function parseText(output: string): Problem[] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^(.*):(\d+):(\d+): (error|warning|info) (\S+) (.*)$/.exec(line);
      assert.ok(match, line);
      return { file: match[1], line: Number(match[2]), column: Number(match[3]), severity: match[4], code: match[5], message: match[6] };
    });
}

/** GitHub's reading of a workflow command: `::name key=value,…::message`, escapes undone. */
function parseWorkflowCommand(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, line);
  const unescape = (text: string) =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = new Map(
    match[2].split(',').map((pair) => {
      const equals = pair.indexOf('=');
      return [pair.slice(0, equals), unescape(pair.slice(equals + 1))] as const;
    }),
  );
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('the checker for CI: --format sarif and --format github', () => {
  let workspace: string;
  let broken: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-ci-'));
    // A folder with a blank in its name: the SARIF URI encodes it, GitHub's file= keeps it.
    const folder = path.join(workspace, 'sub dir');
    fs.cpSync(EXAMPLE_DIR, folder, { recursive: true });
    broken = path.join(folder, 'broken.offer.json');
    fs.writeFileSync(broken, JSON.stringify(brokenExampleOffer(), null, 2));
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('writes a SARIF 2.1.0 log that the standard schema accepts, for a broken and for a clean offer', () => {
    const validate = sarifValidator();
    for (const [args, exitCode] of [
      [['--format', 'sarif', '--root', workspace, broken], 1],
      [['--format=sarif', 'examples/contoso-sentinel/offer.json'], 0],
    ] as const) {
      const result = run([...args]);
      assert.strictEqual(result.code, exitCode, result.stderr);
      const log = JSON.parse(result.stdout) as Sarif.Log;
      assert.strictEqual(log.version, '2.1.0');
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    }
    // The validator does refuse what the standard does not allow: a result level of 'info'.
    const log = JSON.parse(run(['--format', 'sarif', '--root', workspace, broken]).stdout) as Sarif.Log;
    (log.runs[0].results ?? [])[0].level = 'info' as Sarif.Result.level;
    assert.strictEqual(validate(log), false);
  });

  it('agrees with the text format problem for problem: rule, level, message, line and column', () => {
    const text = parseText(run(['--root', workspace, broken]).stdout);
    const log = JSON.parse(run(['--format', 'sarif', '--root', workspace, broken]).stdout) as Sarif.Log;
    const github = run(['--format', 'github', '--root', workspace, broken])
      .stdout.split('\n')
      .filter((line) => line !== '');

    assert.ok(text.length >= 15, `${text.length} problems`);
    assert.ok(new Set(text.map((p) => p.code)).size >= 15, 'many rules fire');
    assert.deepStrictEqual([...new Set(text.map((p) => p.severity))].sort(), ['error', 'info', 'warning']);

    const results = log.runs[0].results ?? [];
    const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;
    assert.deepStrictEqual(
      results.map((r) => {
        const region = r.locations?.[0].physicalLocation?.region;
        return [r.ruleId, r.level, r.message.text, region?.startLine, region?.startColumn];
      }),
      text.map((p) => [p.code, level[p.severity], p.message, p.line, p.column]),
    );
    const command = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
    assert.deepStrictEqual(
      github.map((line) => {
        const parsed = parseWorkflowCommand(line);
        return [
          parsed.properties.get('title'),
          parsed.command,
          parsed.message,
          Number(parsed.properties.get('line')),
          Number(parsed.properties.get('col')),
        ];
      }),
      text.map((p) => [p.code, command[p.severity], p.message, p.line, p.column]),
    );
  });

  it('names the file relative to --root: an encoded URI against %SRCROOT% in SARIF, a path in file=', () => {
    const log = JSON.parse(run(['--format', 'sarif', '--root', workspace, broken]).stdout) as Sarif.Log;
    const runLog = log.runs[0];
    assert.deepStrictEqual(
      runLog.artifacts?.map((a) => a.location),
      [{ uri: 'sub%20dir/broken.offer.json', uriBaseId: '%SRCROOT%' }],
    );
    assert.strictEqual(runLog.originalUriBaseIds?.['%SRCROOT%'].uri, pathToFileURL(workspace).href + '/');
    for (const result of runLog.results ?? []) {
      assert.deepStrictEqual(result.locations?.[0].physicalLocation?.artifactLocation, {
        uri: 'sub%20dir/broken.offer.json',
        uriBaseId: '%SRCROOT%',
        index: 0,
      });
    }
    const github = run(['--format', 'github', '--root', workspace, broken], workspace).stdout.trimEnd().split('\n');
    assert.ok(github.every((line) => parseWorkflowCommand(line).properties.get('file') === 'sub dir/broken.offer.json'));
    // Run from the folder itself with the default --root (the current folder), given a relative path.
    const fromFolder = run(['--format', 'github', 'broken.offer.json'], path.dirname(broken)).stdout.split('\n');
    assert.strictEqual(parseWorkflowCommand(fromFolder[0]).properties.get('file'), 'broken.offer.json');
  });

  it('gives a file outside --root as an absolute file URI rather than a path that climbs out', () => {
    const log = JSON.parse(run(['--format', 'sarif', '--root', path.join(workspace, 'elsewhere'), broken]).stdout) as Sarif.Log;
    const location = log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation;
    assert.deepStrictEqual(location, { uri: pathToFileURL(broken).href, index: 0 });
  });

  it('describes every rule in tool.driver, with its help from the rule docs and its default level', () => {
    const log = JSON.parse(run(['--format', 'sarif', 'examples/contoso-sentinel/offer.json']).stdout) as Sarif.Log;
    const driver = log.runs[0].tool.driver;
    assert.strictEqual(driver.name, 'offer-lint');
    const descriptions = ruleDescriptions();
    assert.ok(descriptions.length > 60, `${descriptions.length} rules`);
    assert.deepStrictEqual(
      driver.rules?.map((rule) => [rule.id, rule.help?.text, rule.defaultConfiguration?.level]),
      descriptions.map((rule) => [rule.code, rule.docs, rule.severity === 'info' ? 'note' : rule.severity]),
    );
    assert.ok(driver.rules?.every((rule) => rule.shortDescription && rule.shortDescription.text.length > 10));
    const broken = JSON.parse(
      run(['--format', 'sarif', '--root', workspace, path.join(workspace, 'sub dir', 'broken.offer.json')]).stdout,
    ) as Sarif.Log;
    for (const result of broken.runs[0].results ?? []) {
      assert.strictEqual(broken.runs[0].tool.driver.rules?.[result.ruleIndex ?? -1].id, result.ruleId);
    }
  });

  it('escapes GitHub workflow commands as the runner reads them: % CR LF in data, and : , in properties', () => {
    assert.strictEqual(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.strictEqual(escapeProperty('a:b,c%d\ne'), 'a%3Ab%2Cc%25d%0Ae');
    const output = formatGithub(
      [
        {
          file: path.join(workspace, 'odd:name,1%.json'),
          code: 'schema',
          severity: 'info',
          message: 'line one\nline two: 50%, done',
          path: '',
          range: { start: { line: 2, character: 4 }, end: { line: 3, character: 0 } },
        },
      ],
      { root: workspace, cwd: workspace },
    );
    assert.strictEqual(
      output,
      '::notice file=odd%3Aname%2C1%25.json,line=3,col=5,endLine=4,endColumn=1,title=schema::line one%0Aline two: 50%25, done',
    );
    const parsed = parseWorkflowCommand(output);
    assert.strictEqual(parsed.properties.get('file'), 'odd:name,1%.json');
    assert.strictEqual(parsed.message, 'line one\nline two: 50%, done');
  });

  it('refuses an unknown format with the list of formats (exit 2)', () => {
    const result = run(['--format', 'toString', 'examples/contoso-sentinel/offer.json']);
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /Unknown format 'toString': use text, json, sarif, github\./);
  });
});

/** The fenced block of the README whose first lines hold `marker`. */
function readmeBlock(marker: string): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  const block = blocks.find((text) => text.includes(marker));
  assert.ok(block, `README has a block with ${marker}`);
  return block;
}

describe('where a checked file is, for CI', () => {
  const root = path.resolve('/work/repo');
  it('is relative to --root for a file inside it, a folder named "..x" included', () => {
    assert.deepStrictEqual(artifactPath('offers/..x/offer.json', root, root), {
      path: 'offers/..x/offer.json',
      underRoot: true,
      absolutePath: path.join(root, 'offers', '..x', 'offer.json'),
    });
    assert.strictEqual(artifactPath('..x/offer.json', root, root).path, '..x/offer.json');
  });

  it('is absolute for a file outside --root, and for the root itself', () => {
    const outside = artifactPath('../other/offer.json', root, root);
    assert.deepStrictEqual(outside, { path: path.resolve('/work/other/offer.json'), underRoot: false, absolutePath: path.resolve('/work/other/offer.json') });
    assert.strictEqual(artifactPath('.', root, root).underRoot, false);
  });
});

describe("the README's pre-commit hooks", () => {
  let repository: string;

  before(() => {
    repository = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-hook-'));
    const git = (...args: string[]) => {
      const result = spawnSync('git', args, { cwd: repository, encoding: 'utf8' });
      assert.strictEqual(result.status, 0, result.stderr);
    };
    git('init', '--quiet');
    git('config', 'user.email', 'publisher@example.com');
    git('config', 'user.name', 'Publisher');
    // As the README says: the checker copied into the repository as tools/offer-lint.js.
    fs.mkdirSync(path.join(repository, 'tools'));
    fs.copyFileSync(CLI, path.join(repository, 'tools', 'offer-lint.js'));
    fs.cpSync(EXAMPLE_DIR, path.join(repository, 'offers', 'contoso'), { recursive: true });
    const hook = path.join(repository, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, readmeBlock('.git/hooks/pre-commit'));
    fs.chmodSync(hook, 0o755);
  });

  after(() => fs.rmSync(repository, { recursive: true, force: true }));

  function commit(message: string) {
    spawnSync('git', ['add', '-A'], { cwd: repository });
    return spawnSync('git', ['commit', '--quiet', '-m', message], { cwd: repository, encoding: 'utf8' });
  }

  it('the git hook refuses a commit while a staged offer has an error, and lets a clean one through', () => {
    const offer = path.join(repository, 'offers', 'contoso', 'offer.json');
    const clean = fs.readFileSync(offer, 'utf8');
    fs.writeFileSync(offer, clean.replace('"contoso-sentinel-ops"', '"Contoso Sentinel"'));
    const refused = commit('broken');
    assert.notStrictEqual(refused.status, 0);
    // git shows a hook's output on its standard error.
    assert.match(refused.stderr, /offers\/contoso\/offer\.json:\d+:\d+: error offer-id-format /);
    fs.writeFileSync(offer, clean);
    const accepted = commit('clean');
    assert.strictEqual(accepted.status, 0, accepted.stdout + accepted.stderr);
    // A commit without any offer in it runs no check at all.
    fs.writeFileSync(path.join(repository, 'notes.txt'), 'no offer here');
    assert.strictEqual(commit('notes').status, 0);
  });

  it("the pre-commit framework's pattern picks offer.json and *.offer.json files, and no other", () => {
    const pattern = /files: (.*)$/m.exec(readmeBlock('id: offer-lint'))?.[1];
    assert.ok(pattern);
    const matches = (name: string) => new RegExp(pattern).test(name);
    assert.deepStrictEqual(
      ['offer.json', 'a/offer.json', 'a/b/gold.offer.json', 'gold.offer.json', 'myoffer.json', 'offer.json.bak', 'a/offer.jsonc'].map(
        matches,
      ),
      [true, true, true, true, false, false, false],
    );
  });
});
