import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { readRoleCatalogFile, resolveCatalogPath, RoleCatalogFileError } from '@core/catalog/roleCatalogFile';
import { ENDLESS_DEVICE, fifo } from '../../support/hostileFiles';
import { azRoleDefinitions } from '../../support/azRoles';
import { REPO_ROOT } from '../../support/offerHarness';

const SHIPPED = path.join(REPO_ROOT, 'core', 'src', 'catalog', 'builtin-roles.json');

const temporaryDirectories: string[] = [];

function temporaryDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-roles-'));
  temporaryDirectories.push(directory);
  return directory;
}

function tempFile(name: string, content: string): string {
  const directory = temporaryDirectory();
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('role catalog file', () => {
  after(() => temporaryDirectories.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

  it('reads the output of az role definition list: built-in roles only, with category and DataActions', async () => {
    const catalog = await readRoleCatalogFile(tempFile('roles.json', JSON.stringify(azRoleDefinitions(), null, 2)));
    assert.deepStrictEqual(
      catalog.roles.map((role) => role.roleName),
      ['Contoso Future Operator', 'Owner', 'Reader', 'Storage Blob Data Contributor'],
    );
    const future = catalog.findByName('Contoso Future Operator')!;
    assert.deepStrictEqual(future, {
      roleName: 'Contoso Future Operator',
      id: '3d2a4f1e-5b6c-4d7e-8f90-a1b2c3d4e5f6',
      description: 'A role newer than the release.',
      category: 'Microsoft.Insights',
      hasDataActions: false,
    });
    assert.strictEqual(catalog.findByName('Owner')!.category, 'General');
    assert.strictEqual(catalog.findByName('Storage Blob Data Contributor')!.hasDataActions, true);
    assert.deepStrictEqual(catalog.supportedRoles().map((role) => role.roleName), ['Contoso Future Operator', 'Reader']);
  });

  it('reads the shape the package ships, with a byte-order mark', async () => {
    const catalog = await readRoleCatalogFile(tempFile('roles.json', '\uFEFF' + fs.readFileSync(SHIPPED, 'utf8')));
    assert.strictEqual(catalog.roles.length, RoleCatalog.builtin().roles.length);
  });

  it('says what is wrong with a file it cannot use', async () => {
    const cases: [string, RegExp][] = [
      [tempFile('roles.json', '{ "roles": [] }'), /is not a JSON array of role definitions: use the output of `az role definition list`\.$/],
      [tempFile('roles.json', '[{ "roleName": "x" }, 3]'), /holds no built-in role definitions/],
      [tempFile('roles.json', 'secret: hunter2'), /is not valid JSON: use the output of `az role definition list`\.$/],
      [path.join(os.tmpdir(), 'no-such-dir-offer', 'roles.json'), /could not be read: the file does not exist\.$/],
    ];
    for (const [file, expected] of cases) {
      await assert.rejects(
        readRoleCatalogFile(file),
        (error: unknown) => error instanceof RoleCatalogFileError && error.message.startsWith(`The role catalog ${file}`) && expected.test(error.message),
        file,
      );
    }
  });

  it('names a path holding control characters with them escaped', async () => {
    const file = path.join(os.tmpdir(), 'no-such-dir-offer', 'roles\u001b[31m\u0007.json');
    await assert.rejects(readRoleCatalogFile(file), (error: unknown) => {
      const message = (error as Error).message;
      return error instanceof RoleCatalogFileError && ![...message].some((c) => c.charCodeAt(0) < 0x20) && message.includes('roles\\u001b[31m\\u0007.json');
    });
  });

  it('refuses a file over 64 MiB, a FIFO, /dev/zero and a folder at once, never reading them', async () => {
    const folder = temporaryDirectory();
    const large = path.join(folder, 'large.json');
    fs.writeFileSync(large, '[');
    fs.truncateSync(large, 200 * 1024 * 1024); // sparse: 200 MiB said, nothing stored
    const cases: [string, RegExp][] = [
      [large, /is larger than 64 MiB: it is not a role catalog\.$/],
      [fifo(path.join(folder, 'roles.fifo')), /could not be read: it is not a regular file \(a folder, a pipe or a device is never read\)\.$/],
      [ENDLESS_DEVICE, /could not be read: it is not a regular file/],
      [folder, /could not be read: it is not a regular file/],
    ];
    for (const [file, expected] of cases) {
      await assert.rejects(readRoleCatalogFile(file), (error: unknown) => error instanceof RoleCatalogFileError && expected.test(error.message), file);
    }
    const catalog = await readRoleCatalogFile(tempFile('roles.json', JSON.stringify(azRoleDefinitions())));
    assert.strictEqual(catalog.roles.length, 4);
  });

  it('resolves the setting: absolute, relative to the workspace, ${workspaceFolder}, ~, or empty', () => {
    const folder = path.resolve('/work/project');
    assert.strictEqual(resolveCatalogPath('', [folder]), undefined);
    assert.strictEqual(resolveCatalogPath('   ', [folder]), undefined);
    assert.strictEqual(resolveCatalogPath(path.resolve('/data/roles.json'), [folder]), path.resolve('/data/roles.json'));
    assert.strictEqual(resolveCatalogPath('roles/az.json', [folder]), path.join(folder, 'roles', 'az.json'));
    assert.strictEqual(resolveCatalogPath('${workspaceFolder}/az.json', [folder]), path.join(folder, 'az.json'));
    assert.strictEqual(resolveCatalogPath('~/az.json', []), path.join(os.homedir(), 'az.json'));
    assert.strictEqual(resolveCatalogPath('az.json', []), undefined);
  });

  describe('npm run roles:update', () => {
    const script = path.join(REPO_ROOT, 'scripts', 'update-roles.mjs');

    it('regenerates the shipped catalog from az output with the product parser', async () => {
      const input = tempFile('az.json', JSON.stringify(azRoleDefinitions()));
      const out = path.join(path.dirname(input), 'builtin-roles.json');
      const run = spawnSync(process.execPath, [script, input, '--out', out], { encoding: 'utf8', cwd: REPO_ROOT });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.ok(run.stdout.includes('4 built-in roles (4 added, 0 removed)'), run.stdout);
      const written = fs.readFileSync(out, 'utf8');
      assert.deepStrictEqual(JSON.parse(written), (await readRoleCatalogFile(input)).roles);
      assert.ok(written.startsWith('[\n {\n  "roleName": "Contoso Future Operator",'), written.slice(0, 80));

      // A second run against the result reports what changed.
      const fewer = tempFile('az.json', JSON.stringify(azRoleDefinitions().slice(0, 2)));
      const second = spawnSync(process.execPath, [script, fewer, '--out', out], { encoding: 'utf8', cwd: REPO_ROOT });
      assert.strictEqual(second.status, 0, second.stderr);
      assert.ok(second.stdout.includes('2 built-in roles (0 added, 2 removed)'), second.stdout);
      assert.ok(second.stdout.includes('  - Contoso Future Operator'), second.stdout);
    });

    it('reproduces the shipped file byte for byte from the shipped data', () => {
      const out = path.join(temporaryDirectory(), 'builtin-roles.json');
      fs.copyFileSync(SHIPPED, out);
      const run = spawnSync(process.execPath, [script, SHIPPED, '--out', out], { encoding: 'utf8', cwd: REPO_ROOT });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.ok(fs.readFileSync(out).equals(fs.readFileSync(SHIPPED)));
    });

    it('refuses a file that is not role definitions, and leaves the catalog alone', () => {
      const input = tempFile('az.json', '{ "value": [] }');
      const out = path.join(path.dirname(input), 'builtin-roles.json');
      const run = spawnSync(process.execPath, [script, input, '--out', out], { encoding: 'utf8', cwd: REPO_ROOT });
      assert.strictEqual(run.status, 1);
      assert.ok(run.stderr.includes('expected a JSON array of role definitions'), run.stderr);
      assert.ok(!fs.existsSync(out));
      const usage = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: REPO_ROOT });
      assert.strictEqual(usage.status, 2);
      assert.ok(usage.stderr.includes('usage: npm run roles:update -- FILE'), usage.stderr);
    });
  });
});
