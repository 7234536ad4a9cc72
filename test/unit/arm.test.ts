import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportPlan } from '../../server/src/arm/exportPlan';
import { ArmJsonFile, parseArmJson } from '../../server/src/arm/armFile';
import { importTemplate as importArmFiles, TemplateImportError } from '../../server/src/arm/importTemplate';
import {
  MANAGED_SERVICES_API_VERSION,
  REGISTRATION_ASSIGNMENTS,
  REGISTRATION_DEFINITIONS,
  RESOURCE_GROUP_DEPLOYMENT_SCHEMA,
  SUBSCRIPTION_DEPLOYMENT_SCHEMA,
} from '../../server/src/arm/lighthouseTemplate';
import { OfferDocument } from '@core/model/offerDocument';
import { check, EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, exampleOffer, printed, REPO_ROOT } from '../support/offerHarness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- templates are read as loose JSON, as a deployment tool reads them

function exported(text: string, planId: string, scope: 'subscription' | 'resourceGroup' = 'subscription') {
  const result = exportPlan(OfferDocument.fromText(text), check(text), planId, scope);
  assert.ok(result.ok, JSON.stringify(result));
  return result.exported as { template: Json; parameters: Json };
}

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
function cli(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('export of a plan as a Lighthouse onboarding template', () => {
  const offer = exampleOffer();
  const plan = offer.plans[0];

  it('declares the registration definition and assignment at subscription scope', () => {
    const { template } = exported(EXAMPLE_OFFER_TEXT, 'gold');
    assert.strictEqual(template.$schema, SUBSCRIPTION_DEPLOYMENT_SCHEMA);
    assert.deepStrictEqual(template.resources.map((r: Json) => r.type), [REGISTRATION_DEFINITIONS, REGISTRATION_ASSIGNMENTS]);
    assert.ok(template.resources.every((r: Json) => r.apiVersion === MANAGED_SERVICES_API_VERSION));
    const definition = template.resources[0].properties;
    assert.strictEqual(definition.managedByTenantId, "[parameters('managedByTenantId')]");
    assert.strictEqual(definition.authorizations, "[parameters('authorizations')]");
    assert.strictEqual(definition.eligibleAuthorizations, "[parameters('eligibleAuthorizations')]");
    assert.deepStrictEqual(Object.keys(template.parameters), ['mspOfferName', 'mspOfferDescription', 'managedByTenantId', 'authorizations', 'eligibleAuthorizations']);
  });

  it('fills the parameters file from the offer', () => {
    const { parameters } = exported(EXAMPLE_OFFER_TEXT, 'gold');
    const values = parameters.parameters;
    assert.strictEqual(values.mspOfferName.value, 'Contoso Sentinel Operations - gold');
    assert.strictEqual(values.mspOfferDescription.value, plan.listing.description);
    assert.strictEqual(values.managedByTenantId.value, plan.technicalConfiguration.tenantId);
    assert.deepStrictEqual(values.authorizations.value, plan.technicalConfiguration.authorizations);
    assert.deepStrictEqual(values.eligibleAuthorizations.value, plan.technicalConfiguration.eligibleAuthorizations);
    assert.strictEqual(values.rgName, undefined);
  });

  it('assigns through a nested resource-group deployment at resourceGroup scope, with rgName', () => {
    const { template, parameters } = exported(EXAMPLE_OFFER_TEXT, 'gold', 'resourceGroup');
    assert.strictEqual(template.$schema, SUBSCRIPTION_DEPLOYMENT_SCHEMA);
    const nested = template.resources.find((r: Json) => r.type === 'Microsoft.Resources/deployments');
    assert.strictEqual(nested.resourceGroup, "[parameters('rgName')]");
    assert.strictEqual(nested.properties.template.$schema, RESOURCE_GROUP_DEPLOYMENT_SCHEMA);
    assert.strictEqual(nested.properties.template.resources[0].type, REGISTRATION_ASSIGNMENTS);
    assert.ok('rgName' in template.parameters);
    assert.ok('rgName' in parameters.parameters);
  });

  it('leaves eligible authorizations out when the plan has none', () => {
    const withoutEligible = exampleOffer();
    delete withoutEligible.plans[0].technicalConfiguration.eligibleAuthorizations;
    const { template, parameters } = exported(printed(withoutEligible), 'gold');
    assert.ok(!('eligibleAuthorizations' in template.parameters));
    assert.ok(!('eligibleAuthorizations' in template.resources[0].properties));
    assert.ok(!('eligibleAuthorizations' in parameters.parameters));
  });

  it('refuses a plan whose technical configuration has errors, and lists them', () => {
    const broken = exampleOffer();
    broken.plans[0].technicalConfiguration.tenantId = 'not-a-guid';
    const text = printed(broken);
    const result = exportPlan(OfferDocument.fromText(text), check(text), 'gold', 'subscription');
    assert.ok(!result.ok);
    assert.strictEqual(result.reason, 'plan-has-errors');
    assert.ok(result.problems.some((d) => d.path === '/plans/0/technicalConfiguration/tenantId'), JSON.stringify(result.problems));
  });

  it('names the plans when asked for one that does not exist', () => {
    const result = exportPlan(OfferDocument.fromText(EXAMPLE_OFFER_TEXT), [], 'silver', 'subscription');
    assert.ok(!result.ok);
    assert.strictEqual(result.message, "The offer has no plan 'silver': its plans are gold.");
  });
});

/** The import of in-memory files, named as the user would see them. */
function importTemplate(template: Json, parameters?: Json) {
  const file = (json: Json, name: string): ArmJsonFile => ({ name, json });
  return importArmFiles(file(template, 'gold.template.json'), parameters && file(parameters, 'gold.parameters.json'));
}

describe('import of an onboarding template as a technical configuration', () => {
  it('gives back the same tenant and authorizations after an export (round trip)', () => {
    const { template, parameters } = exported(EXAMPLE_OFFER_TEXT, 'gold');
    const configuration = importTemplate(template, parameters);
    const original = exampleOffer().plans[0].technicalConfiguration;
    assert.strictEqual(configuration.tenantId, original.tenantId);
    assert.deepStrictEqual(configuration.authorizations, original.authorizations);
    assert.deepStrictEqual(configuration.eligibleAuthorizations, original.eligibleAuthorizations);
  });

  it('round-trips the resource-group template too', () => {
    const { template, parameters } = exported(EXAMPLE_OFFER_TEXT, 'gold', 'resourceGroup');
    assert.deepStrictEqual(importTemplate(template, parameters).authorizations, exampleOffer().plans[0].technicalConfiguration.authorizations);
  });

  it("falls back to the template's default values when no parameters file is given", () => {
    const template = {
      resources: [
        {
          type: 'Microsoft.ManagedServices/registrationDefinitions',
          properties: { managedByTenantId: "[parameters('tenant')]", authorizations: "[parameters('auths')]" },
        },
      ],
      parameters: {
        tenant: { type: 'string', defaultValue: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
        auths: { type: 'array', defaultValue: [{ principalId: 'p', roleDefinitionId: 'r' }] },
      },
    };
    const configuration = importTemplate(template);
    assert.deepStrictEqual(configuration, {
      version: '1.0.0',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      authorizations: [{ principalId: 'p', roleDefinitionId: 'r' }],
    });
  });

  it('finds the definition after 200,000 nested deployments that hold none, in the last one', () => {
    const deployments = 200_000;
    const nested = (resources: Json[]): Json => ({ type: 'Microsoft.Resources/deployments', properties: { template: { resources } } });
    const definition = {
      type: 'Microsoft.ManagedServices/registrationDefinitions',
      properties: { managedByTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', authorizations: [{ principalId: 'p', roleDefinitionId: 'r' }] },
    };
    const resources = Array.from({ length: deployments - 1 }, () => nested([]));
    resources.push(nested([definition]));
    assert.deepStrictEqual(importTemplate({ resources }), {
      version: '1.0.0',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      authorizations: [{ principalId: 'p', roleDefinitionId: 'r' }],
    });
  });

  it('refuses what is not an onboarding template, and expressions it cannot resolve', () => {
    assert.throws(() => importTemplate({ resources: [{ type: 'Microsoft.Storage/storageAccounts' }] }), TemplateImportError);
    assert.throws(
      () =>
        importTemplate({
          resources: [{ type: 'Microsoft.ManagedServices/registrationDefinitions', properties: { managedByTenantId: "[subscription().tenantId]", authorizations: [] } }],
        }),
      /subscription\(\)\.tenantId.*can't be resolved/,
    );
    assert.throws(
      () => importTemplate({ resources: [{ type: 'Microsoft.ManagedServices/registrationDefinitions', properties: { managedByTenantId: "[parameters('t')]", authorizations: [] } }], parameters: { t: { type: 'string' } } }),
      /gold\.template\.json: \/parameters\/t has no defaultValue and no parameters file sets parameter 't'/,
    );
  });
});

describe('import of a malformed template or parameters file', () => {
  const DEFINITION = 'Microsoft.ManagedServices/registrationDefinitions';
  const AUTHORIZATION = { principalId: 'p', roleDefinitionId: 'r', principalIdDisplayName: 'Tier 1' };
  /** A template whose definition takes everything from parameters, as an export writes it. */
  const byParameters = () => exported(EXAMPLE_OFFER_TEXT, 'gold').template;
  const parametersWith = (parameters: Json) => ({ $schema: 'x', parameters });
  const literal = (properties: Json) => ({ resources: [{ type: DEFINITION, properties }] });

  /** Each case: the files, and the error the user reads: the file, the JSON path, what is wrong. */
  const cases: { what: string; template: Json; parameters?: Json; error: string }[] = [
    {
      what: 'a parameter value that is not an object',
      template: byParameters(),
      parameters: parametersWith({ managedByTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' }),
      error: 'gold.parameters.json: /parameters/managedByTenantId is a string; it must be an object.',
    },
    { what: 'parameters that are not an object', template: byParameters(), parameters: parametersWith([]), error: 'gold.parameters.json: /parameters is an array; it must be an object.' },
    { what: 'a parameters file without parameters', template: byParameters(), parameters: { contentVersion: '1.0.0.0' }, error: 'gold.parameters.json: /parameters is missing; it must be an object.' },
    { what: 'a parameter with neither value nor reference', template: byParameters(), parameters: parametersWith({ managedByTenantId: { value: 't' }, authorizations: { values: [] } }), error: 'gold.parameters.json: /parameters/authorizations has no "value".' },
    {
      what: 'authorizations of the wrong type',
      template: byParameters(),
      parameters: parametersWith({ mspOfferName: { value: 'x' }, managedByTenantId: { value: 't' }, authorizations: { value: 'all' } }),
      error: 'gold.parameters.json: /parameters/authorizations/value is a string; it must be an array.',
    },
    {
      what: 'an authorization that is not an object',
      template: literal({ managedByTenantId: 't', authorizations: [AUTHORIZATION, 42] }),
      error: 'gold.template.json: /resources/0/properties/authorizations/1 is a number; it must be an object.',
    },
    {
      what: 'a principal id of the wrong type',
      template: literal({ managedByTenantId: 't', authorizations: [{ ...AUTHORIZATION, principalId: 7 }] }),
      error: 'gold.template.json: /resources/0/properties/authorizations/0/principalId is a number; it must be a string.',
    },
    {
      what: 'a missing role',
      template: literal({ managedByTenantId: 't', authorizations: [{ principalId: 'p' }] }),
      error: 'gold.template.json: /resources/0/properties/authorizations/0/roleDefinitionId is missing; it must be a string.',
    },
    {
      what: 'delegated roles that are not strings',
      template: literal({ managedByTenantId: 't', authorizations: [{ ...AUTHORIZATION, delegatedRoleDefinitionIds: ['a', null] }] }),
      error: 'gold.template.json: /resources/0/properties/authorizations/0/delegatedRoleDefinitionIds/1 is null; it must be a string.',
    },
    {
      what: 'a just-in-time policy that is not an object',
      template: literal({ managedByTenantId: 't', authorizations: [AUTHORIZATION], eligibleAuthorizations: [{ ...AUTHORIZATION, justInTimeAccessPolicy: 'PT8H' }] }),
      error: 'gold.template.json: /resources/0/properties/eligibleAuthorizations/0/justInTimeAccessPolicy is a string; it must be an object.',
    },
    { what: 'a tenant that is not a string', template: literal({ managedByTenantId: ['t'], authorizations: [] }), error: 'gold.template.json: /resources/0/properties/managedByTenantId is an array; it must be a string.' },
    { what: 'missing resources', template: { parameters: {} }, error: 'gold.template.json: /resources is missing: an onboarding template lists its resources, among them a Microsoft.ManagedServices/registrationDefinitions.' },
    { what: 'resources that are not an array', template: { resources: { type: DEFINITION } }, error: 'gold.template.json: /resources is an object; it must be an array.' },
    { what: 'a resource that is not an object', template: { resources: ['storage'] }, error: 'gold.template.json: /resources/0 is a string; it must be an object.' },
    { what: 'a definition without properties', template: { resources: [{ type: DEFINITION }] }, error: 'gold.template.json: /resources/0/properties is missing; it must be an object.' },
    {
      what: 'declared parameters that are not an object',
      template: { ...literal({ managedByTenantId: 't', authorizations: [] }), parameters: 'none' },
      error: 'gold.template.json: /parameters is a string; it must be an object.',
    },
    {
      what: 'a parameter named after an inherited property',
      template: literal({ managedByTenantId: "[parameters('constructor')]", authorizations: [] }),
      error: "gold.template.json: /resources/0/properties/managedByTenantId refers to parameter 'constructor', which the template does not declare.",
    },
    {
      what: 'a Key Vault reference',
      template: byParameters(),
      parameters: parametersWith({ mspOfferName: { value: 'x' }, managedByTenantId: { reference: { keyVault: { id: 'v' }, secretName: 's' } } }),
      error: "gold.parameters.json: /parameters/managedByTenantId is a Key Vault reference: parameter 'managedByTenantId' can't be read here.",
    },
  ];

  for (const { what, template, parameters, error } of cases) {
    it(`names the file and the JSON path for ${what}`, () => {
      assert.throws(
        () => importTemplate(template, parameters),
        (thrown: unknown) => thrown instanceof TemplateImportError && thrown.message === error,
      );
    });
  }

  it('accepts a byte order mark, and says where the JSON breaks otherwise', () => {
    const text = JSON.stringify(exported(EXAMPLE_OFFER_TEXT, 'gold').template);
    assert.strictEqual(parseArmJson('\uFEFF' + text, 'gold.template.json').json.$schema, JSON.parse(text).$schema);
    assert.throws(() => parseArmJson('{ "resources": [ }', 'gold.template.json'), /gold\.template\.json is not valid JSON: ValueExpected at offset 17\.$/);
    assert.throws(() => parseArmJson('[1]', 'gold.template.json'), /gold\.template\.json is not a JSON object/);
    assert.throws(() => parseArmJson('['.repeat(100_000), 'deep.json'), TemplateImportError);
  });
});

describe('export-arm and import-arm on the command line', () => {
  let out: string;
  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-arm-'));
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes <planId>.template.json and <planId>.parameters.json, and import-arm prints the configuration', () => {
    const result = cli(['export-arm', path.join(EXAMPLE_DIR, 'offer.json'), '--plan', 'gold', '--out', out, '--root', EXAMPLE_DIR]);
    assert.strictEqual(result.code, 0, result.stderr);
    assert.ok(fs.existsSync(path.join(out, 'gold.template.json')));
    const imported = cli(['import-arm', path.join(out, 'gold.template.json'), path.join(out, 'gold.parameters.json')]);
    assert.strictEqual(imported.code, 0, imported.stderr);
    assert.deepStrictEqual(JSON.parse(imported.stdout).authorizations, exampleOffer().plans[0].technicalConfiguration.authorizations);
  });

  it('exits 1 with the problems for a plan with errors, 2 for an unknown plan or scope', () => {
    const broken = path.join(out, 'broken.offer.json');
    fs.writeFileSync(broken, EXAMPLE_OFFER_TEXT.replace('"72f988bf-86f1-41af-91ab-2d7cd011db47"', '"contoso.onmicrosoft.com"'));
    const refused = cli(['export-arm', broken, '--plan', 'gold', '--out', out, '--root', out]);
    assert.strictEqual(refused.code, 1);
    assert.match(refused.stderr, /Plan 'gold' can't be exported/);
    assert.match(refused.stdout, /tenant-id-format/);
    assert.strictEqual(cli(['export-arm', broken, '--plan', 'silver', '--out', out]).code, 2);
    assert.strictEqual(cli(['export-arm', broken, '--plan', 'gold', '--scope', 'tenant', '--out', out]).code, 2);
    assert.strictEqual(cli(['export-arm', broken, '--out', out]).code, 2);
  });

  it('exits 1 with a message for a file that is not a template, 2 for a missing file', () => {
    const notTemplate = path.join(out, 'not-template.json');
    fs.writeFileSync(notTemplate, '{ "resources": [] }');
    const result = cli(['import-arm', notTemplate]);
    assert.strictEqual(result.code, 1);
    assert.match(result.stderr, /not an Azure Lighthouse onboarding template/);
    assert.strictEqual(cli(['import-arm', path.join(out, 'missing.json')]).code, 2);
  });
});
