import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportPlan } from '../../server/src/arm/exportPlan';
import { importTemplate, TemplateImportError } from '../../server/src/arm/importTemplate';
import {
  MANAGED_SERVICES_API_VERSION,
  REGISTRATION_ASSIGNMENTS,
  REGISTRATION_DEFINITIONS,
  RESOURCE_GROUP_DEPLOYMENT_SCHEMA,
  SUBSCRIPTION_DEPLOYMENT_SCHEMA,
} from '../../server/src/arm/lighthouseTemplate';
import { OfferDocument } from '@core/model/offerDocument';
import { check, EXAMPLE_DIR, EXAMPLE_OFFER_TEXT, exampleOffer, printed, REPO_ROOT } from '../support/offerHarness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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
      /Parameter 't' has no value/,
    );
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
