import { Memo } from '@core/model/caching';
import * as assert from 'assert';
import { applyEdits, modify, parse, type JSONPath } from 'jsonc-parser';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { isAllowedIn } from '@core/knowledge/rolePolicy';
import { OfferDocument } from '@core/model/offerDocument';
import { plansOf } from '@core/model/offerStructure';
import type { OfferDiagnostic } from '../../../server/src/rules/diagnostic';
import { authorizationRules } from '../../../server/src/rules/authorizations';
import { PLACEHOLDER_PRINCIPAL_ID } from '../../../server/src/rules/authorizations/technicalConfigurationTarget';
import { parseIsoDuration } from '../../../server/src/rules/authorizations/isoDuration';
import { applyFix, fixesFor } from '../../support/fixHarness';
import {
  check,
  EXAMPLE_OFFER_TEXT,
  exampleOffer,
  examplePlans,
  expectNone,
  expectOne,
  printed,
  textAt,
  type Offer,
} from '../../support/offerHarness';

const TC = '/plans/0/technicalConfiguration';
const AUTH = `${TC}/authorizations`;
const ELIGIBLE = `${TC}/eligibleAuthorizations`;
const JIT = `${ELIGIBLE}/0/justInTimeAccessPolicy`;

const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const DELETE_ROLE = '91c1777a-f3dc-4fae-b103-61d183457e46';
const LOG_ANALYTICS_READER = '73c42c96-874c-492b-b04d-ab87d138a893';
const MONITORING_READER = '43d0d8ad-25c7-4714-9337-8ba259a9fe05';
const SECURITY_READER = '39bc4728-0917-49c7-9d2c-d95423bc2eb4';
/** A well-formed GUID that is no built-in role (as a custom role's id would be). */
const CUSTOM_ROLE = '11111111-2222-4333-8444-555555555555';

/**
 * The example's gold plan holds: [0] Contributor, [1] Reader, [2] Delete Role, [3] User Access
 * Administrator assigning Contributor; eligible [0] Contributor with a PT8H policy and one approver.
 */
function withConfiguration(change: (configuration: Offer) => void): string {
  const offer = exampleOffer();
  change(offer.plans[0].technicalConfiguration);
  return printed(offer);
}

/** The example's text (with its `//` comments) with one value changed, as an editor would. */
function editExample(path: JSONPath, value: unknown): string {
  const edits = modify(EXAMPLE_OFFER_TEXT, path, value, {
    formattingOptions: { tabSize: 2, insertSpaces: true, eol: '\n' },
  });
  return applyEdits(EXAMPLE_OFFER_TEXT, edits);
}

/** The example's User Access Administrator authorization, as written (with its comment). */
const UAA_LINES = `"roleDefinitionId": "${UAA}", // User Access Administrator\n            "delegatedRoleDefinitionIds": ["${CONTRIBUTOR}"]`;

const GOLD_AUTH: JSONPath = ['plans', 0, 'technicalConfiguration', 'authorizations'];

function authorization(principalId: string, roleDefinitionId: string, principalIdDisplayName = 'Operators'): Offer {
  return { principalId, principalIdDisplayName, roleDefinitionId };
}

function guid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Nothing but the diagnostics at or under a pointer. */
function under(diagnostics: OfferDiagnostic[], pointer: string): OfferDiagnostic[] {
  return diagnostics.filter((d) => d.path === pointer || d.path.startsWith(pointer + '/'));
}

/** Applies the only fix of a diagnostic and checks what every fix must keep. */
function applyOnlyFix(text: string, diagnostic: OfferDiagnostic): string {
  const fixes = fixesFor(text, diagnostic);
  assert.strictEqual(fixes.length, 1, JSON.stringify(fixes));
  const fixed = applyFix(text, fixes[0]);
  assert.strictEqual(OfferDocument.fromText(fixed).syntaxErrors.length, 0, fixed);
  assert.ok(fixed.includes('// A complete managed service offer'), 'the leading comment is kept');
  return fixed;
}

describe('authorization rules', () => {
  it('the example offer gets none of them, not even an info', () => {
    const codes = new Set(authorizationRules.map((rule) => rule.code));
    assert.deepStrictEqual(check(EXAMPLE_OFFER_TEXT).filter((d) => codes.has(d.code)), []);
  });

  describe('tenant-id-format', () => {
    it('reports a domain name where the tenant GUID belongs, once', () => {
      const text = withConfiguration((c) => (c.tenantId = 'contoso.onmicrosoft.com'));
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'tenant-id-format', `${TC}/tenantId`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "Tenant ID 'contoso.onmicrosoft.com' is not a GUID: give the GUID of your managing tenant (Microsoft Entra ID, Overview, Tenant ID), not its domain name.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"contoso.onmicrosoft.com"');
      assert.strictEqual(diagnostics.filter((d) => d.path === `${TC}/tenantId`).length, 1);
    });

    it('accepts an uppercase GUID but not one with a character missing', () => {
      expectNone(check(withConfiguration((c) => (c.tenantId = '72F988BF-86F1-41AF-91AB-2D7CD011DB47'))), 'tenant-id-format');
      expectOne(check(withConfiguration((c) => (c.tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db4'))), 'tenant-id-format');
    });

    it('says so when the tenant ID is empty', () => {
      const diagnostic = expectOne(check(withConfiguration((c) => (c.tenantId = ''))), 'tenant-id-format');
      assert.match(diagnostic.message, /^The tenant ID is empty/);
    });

    it('leaves a tenant ID of the wrong type to the schema', () => {
      const diagnostics = check(withConfiguration((c) => (c.tenantId = 42)));
      expectNone(diagnostics, 'tenant-id-format');
      expectOne(diagnostics, 'schema', `${TC}/tenantId`);
    });
  });

  describe('authorizations-required', () => {
    it('reports an empty list on the list', () => {
      const text = withConfiguration((c) => (c.authorizations = []));
      const diagnostic = expectOne(check(text), 'authorizations-required', AUTH);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "'authorizations' is empty: add at least one principal with a role, such as your operators' group with Contributor.",
      );
      assert.strictEqual(textAt(text, diagnostic), '[]');
    });

    it('reports a missing list on the technical configuration, instead of the schema', () => {
      const text = withConfiguration((c) => delete c.authorizations);
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'authorizations-required', AUTH);
      assert.strictEqual(textAt(text, diagnostic), '"technicalConfiguration"');
      assert.deepStrictEqual(diagnostics.filter((d) => d.path === AUTH).map((d) => d.code), ['authorizations-required']);
    });

    it('is silent with a single authorization', () => {
      const text = withConfiguration((c) => (c.authorizations = [authorization(guid(1), READER)]));
      expectNone(check(text), 'authorizations-required');
    });
  });

  describe('authorizations-limit', () => {
    function withAuthorizations(count: number): string {
      return withConfiguration((c) => {
        c.authorizations = [authorization(guid(0), DELETE_ROLE)];
        for (let i = 1; i < count; i++) {
          c.authorizations.push(authorization(guid(i), READER));
        }
      });
    }

    it('accepts 20 authorizations', () => {
      expectNone(check(withAuthorizations(20)), 'authorizations-limit');
    });

    it('refuses 21, on the list', () => {
      const text = withAuthorizations(21);
      const diagnostic = expectOne(check(text), 'authorizations-limit', AUTH);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        'This plan has 21 authorizations; the limit is 20: give roles to groups instead of individual users.',
      );
      assert.ok(textAt(text, diagnostic).startsWith('['));
    });
  });

  describe('principal-id-format', () => {
    it('reports a principal ID that is not a GUID', () => {
      const text = withConfiguration((c) => (c.authorizations[1].principalId = 'soc-analysts@contoso.com'));
      const diagnostic = expectOne(check(text), 'principal-id-format', `${AUTH}/1/principalId`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "Principal ID 'soc-analysts@contoso.com' is not a GUID: give the object ID of a user, group or service principal in your tenant (Microsoft Entra ID shows it as 'Object ID').",
      );
      assert.strictEqual(textAt(text, diagnostic), '"soc-analysts@contoso.com"');
    });

    it('checks eligible authorizations and their approvers too', () => {
      const diagnostics = check(
        withConfiguration((c) => {
          c.eligibleAuthorizations[0].principalId = 'break-glass';
          c.eligibleAuthorizations[0].justInTimeAccessPolicy.managedByTenantApprovers[0].principalId = '';
        }),
      );
      expectOne(diagnostics, 'principal-id-format', `${ELIGIBLE}/0/principalId`);
      const approver = expectOne(diagnostics, 'principal-id-format', `${JIT}/managedByTenantApprovers/0/principalId`);
      assert.match(approver.message, /^The principal ID is empty/);
    });

    it('accepts 36 characters of GUID, not 35', () => {
      expectNone(check(withConfiguration((c) => (c.authorizations[0].principalId = '6F1C2D3E-4A5B-4C6D-8E7F-9A0B1C2D3E4F'))), 'principal-id-format');
      expectOne(check(withConfiguration((c) => (c.authorizations[0].principalId = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4'))), 'principal-id-format');
    });
  });

  describe('display-name-required', () => {
    it('reports a missing display name on the authorization, instead of the schema', () => {
      const text = withConfiguration((c) => delete c.authorizations[0].principalIdDisplayName);
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'display-name-required', `${AUTH}/0/principalIdDisplayName`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "Principal '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' has no 'principalIdDisplayName': add the name customers will see for this user or group, such as 'Tier 2 Operators'.",
      );
      assert.strictEqual(textAt(text, diagnostic), '{');
      assert.strictEqual(diagnostics.filter((d) => d.path === `${AUTH}/0/principalIdDisplayName`).length, 1);
    });

    it('reports a blank display name of an eligible authorization', () => {
      const text = withConfiguration((c) => (c.eligibleAuthorizations[0].principalIdDisplayName = '   '));
      const diagnostic = expectOne(check(text), 'display-name-required', `${ELIGIBLE}/0/principalIdDisplayName`);
      assert.match(diagnostic.message, /^The display name of principal '0d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a' is empty/);
      assert.strictEqual(textAt(text, diagnostic), '"   "');
    });

    it('lets an approver leave the name out, but not write it empty', () => {
      const approvers = (c: Offer) => c.eligibleAuthorizations[0].justInTimeAccessPolicy.managedByTenantApprovers;
      expectNone(check(withConfiguration((c) => delete approvers(c)[0].principalIdDisplayName)), 'display-name-required');
      expectOne(
        check(withConfiguration((c) => (approvers(c)[0].principalIdDisplayName = ''))),
        'display-name-required',
        `${JIT}/managedByTenantApprovers/0/principalIdDisplayName`,
      );
    });

    it('accepts a one-letter name', () => {
      expectNone(check(withConfiguration((c) => (c.authorizations[0].principalIdDisplayName = 'X'))), 'display-name-required');
    });
  });

  describe('role-unknown', () => {
    it('reports a GUID that is no built-in role (a custom role)', () => {
      const text = withConfiguration((c) => (c.authorizations[0].roleDefinitionId = CUSTOM_ROLE));
      const diagnostic = expectOne(check(text), 'role-unknown', `${AUTH}/0/roleDefinitionId`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        `'${CUSTOM_ROLE}' is not the ID of an Azure built-in role: Azure Lighthouse does not support custom roles, so use a built-in role's ID.`,
      );
      assert.strictEqual(textAt(text, diagnostic), `"${CUSTOM_ROLE}"`);
    });

    it('tells to keep only the GUID of a role resource ID', () => {
      const resourceId = `/providers/Microsoft.Authorization/roleDefinitions/${READER}`;
      const diagnostic = expectOne(
        check(withConfiguration((c) => (c.authorizations[1].roleDefinitionId = resourceId))),
        'role-unknown',
      );
      assert.strictEqual(diagnostic.message, `'${resourceId.slice(0, 60)}… (${resourceId.length} characters)' is a resource ID: write only the role's GUID, '${READER}' (Reader).`);
    });

    it('reports text that is neither an ID nor a role name, in eligible authorizations too', () => {
      const diagnostic = expectOne(
        check(withConfiguration((c) => (c.eligibleAuthorizations[0].roleDefinitionId = 'Contributors'))),
        'role-unknown',
        `${ELIGIBLE}/0/roleDefinitionId`,
      );
      assert.strictEqual(diagnostic.message, `'Contributors' is not a role ID: give a built-in role's GUID, for example Reader's '${READER}'.`);
    });

    it('accepts a built-in role in capitals', () => {
      const diagnostics = check(withConfiguration((c) => (c.authorizations[1].roleDefinitionId = READER.toUpperCase())));
      expectNone(diagnostics, 'role-unknown');
      expectNone(diagnostics, 'reader-missing');
    });
  });

  describe('role-name-instead-of-id', () => {
    it('reports a role name in any case, with the ID to use', () => {
      const text = withConfiguration((c) => (c.authorizations[0].roleDefinitionId = 'contributor'));
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'role-name-instead-of-id', `${AUTH}/0/roleDefinitionId`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, `'contributor' is a role name, but an ID is needed here: use '${CONTRIBUTOR}' (Contributor).`);
      assert.strictEqual(textAt(text, diagnostic), '"contributor"');
      assert.strictEqual(diagnostic.data?.roleId, CONTRIBUTOR);
      expectNone(diagnostics, 'role-unknown');
    });

    it('fixes the value with the ID, keeping the comments', () => {
      const text = editExample([...GOLD_AUTH, 1, 'roleDefinitionId'], 'Reader');
      assert.ok(text.includes('"Reader" // Reader'));
      const diagnostic = expectOne(check(text), 'role-name-instead-of-id');
      const fixes = fixesFor(text, diagnostic);
      assert.strictEqual(fixes[0].title, `Use the ID of Reader ('${READER}')`);
      assert.strictEqual(fixes[0].isPreferred, true);
      const fixed = applyOnlyFix(text, diagnostic);
      assert.ok(fixed.includes(`"${READER}" // Reader`));
      assert.deepStrictEqual(check(fixed).filter((d) => d.severity !== 'info'), []);
    });

    it('offers no fix once the value has changed', () => {
      const text = editExample([...GOLD_AUTH, 1, 'roleDefinitionId'], 'Reader');
      const diagnostic = expectOne(check(text), 'role-name-instead-of-id');
      assert.deepStrictEqual(fixesFor(editExample([...GOLD_AUTH, 1, 'roleDefinitionId'], READER), diagnostic), []);
    });

    it('says at once when the named role is refused anyway, and does not prefer the fix', () => {
      const text = withConfiguration((c) => (c.authorizations[0].roleDefinitionId = 'Owner'));
      const diagnostic = expectOne(check(text), 'role-name-instead-of-id');
      assert.strictEqual(
        diagnostic.message,
        `'Owner' is a role name, but an ID is needed here: use '${OWNER}' (Owner). Azure Lighthouse does not support the Owner role: use Contributor, and add User Access Administrator with delegatedRoleDefinitionIds if this principal must assign roles.`,
      );
      assert.strictEqual(fixesFor(text, diagnostic)[0].isPreferred, false);
      expectOne(check(applyFix(text, fixesFor(text, diagnostic)[0])), 'role-owner');
    });

    it('does not take a near name for a role', () => {
      const diagnostics = check(withConfiguration((c) => (c.authorizations[0].roleDefinitionId = 'Contributor role')));
      expectNone(diagnostics, 'role-name-instead-of-id');
      expectOne(diagnostics, 'role-unknown');
    });
  });

  describe('role-owner', () => {
    it('reports Owner in an authorization', () => {
      const text = withConfiguration((c) => (c.authorizations[0].roleDefinitionId = OWNER));
      const diagnostic = expectOne(check(text), 'role-owner', `${AUTH}/0/roleDefinitionId`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        'Azure Lighthouse does not support the Owner role: use Contributor, and add User Access Administrator with delegatedRoleDefinitionIds if this principal must assign roles.',
      );
      assert.strictEqual(textAt(text, diagnostic), `"${OWNER}"`);
    });

    it('leaves Owner in an eligible authorization to eligible-role-invalid', () => {
      const diagnostics = check(withConfiguration((c) => (c.eligibleAuthorizations[0].roleDefinitionId = OWNER)));
      expectNone(diagnostics, 'role-owner');
      expectOne(diagnostics, 'eligible-role-invalid');
    });
  });

  describe('role-data-actions', () => {
    it('names the role and suggests roles without DataActions', () => {
      const text = withConfiguration((c) => (c.authorizations[1].roleDefinitionId = LOG_ANALYTICS_READER));
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'role-data-actions', `${AUTH}/1/roleDefinitionId`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        'Log Analytics Reader has DataActions, which Azure Lighthouse does not support: choose a role without DataActions, such as Microsoft Sentinel Reader or Monitoring Reader.',
      );
      assert.strictEqual(textAt(text, diagnostic), `"${LOG_ANALYTICS_READER}"`);
      assert.strictEqual(diagnostics.filter((d) => d.path === `${AUTH}/1/roleDefinitionId`).length, 1);
    });

    it('suggests only roles that Azure Lighthouse supports', () => {
      const catalog = RoleCatalog.builtin();
      const diagnostics = check(
        withConfiguration((c) => (c.authorizations = catalog.roles.filter((r) => r.hasDataActions).slice(0, 20).map((r, i) => authorization(guid(i), r.id)))),
      );
      const found = diagnostics.filter((d) => d.code === 'role-data-actions');
      assert.strictEqual(found.length, 20);
      for (const d of found) {
        const suggested = /such as (.+)\.$/.exec(d.message)![1].split(' or ');
        for (const name of suggested) {
          const role = catalog.findByName(name);
          assert.ok(role && isAllowedIn('authorization', role), `${name} in: ${d.message}`);
        }
      }
    });

    it('accepts Monitoring Reader, which has no DataActions', () => {
      expectNone(check(withConfiguration((c) => (c.authorizations[1].roleDefinitionId = MONITORING_READER))), 'role-data-actions');
    });
  });

  describe('uaa-delegated-roles-required', () => {
    it('reports User Access Administrator without delegatedRoleDefinitionIds', () => {
      const text = withConfiguration((c) => delete c.authorizations[3].delegatedRoleDefinitionIds);
      const diagnostic = expectOne(check(text), 'uaa-delegated-roles-required', `${AUTH}/3/delegatedRoleDefinitionIds`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "User Access Administrator needs 'delegatedRoleDefinitionIds': list the built-in roles this principal may assign, such as Contributor.",
      );
      assert.strictEqual(textAt(text, diagnostic), '{');
    });

    it('reports an empty list on the list', () => {
      const text = withConfiguration((c) => (c.authorizations[3].delegatedRoleDefinitionIds = []));
      const diagnostic = expectOne(check(text), 'uaa-delegated-roles-required', `${AUTH}/3/delegatedRoleDefinitionIds`);
      assert.strictEqual(textAt(text, diagnostic), '[]');
    });

    it('is silent with one assignable role', () => {
      expectNone(check(EXAMPLE_OFFER_TEXT), 'uaa-delegated-roles-required');
    });

    it('fixes a missing list with Reader, keeping the comment on its line and that authorization clean', () => {
      const text = EXAMPLE_OFFER_TEXT.replace(UAA_LINES, `"roleDefinitionId": "${UAA}" // User Access Administrator`);
      const diagnostic = expectOne(check(text), 'uaa-delegated-roles-required');
      const fixes = fixesFor(text, diagnostic);
      assert.strictEqual(fixes[0].title, 'Let User Access Administrator assign Reader (change it to the roles you need)');
      const fixed = applyOnlyFix(text, diagnostic);
      assert.strictEqual(fixed, EXAMPLE_OFFER_TEXT.replace(UAA_LINES, UAA_LINES.replace(CONTRIBUTOR, READER)));
      assert.deepStrictEqual(under(check(fixed), `${AUTH}/3`), []);
    });

    it('fixes an empty list with Reader', () => {
      const text = EXAMPLE_OFFER_TEXT.replace(UAA_LINES, UAA_LINES.replace(`["${CONTRIBUTOR}"]`, '[]'));
      const diagnostic = expectOne(check(text), 'uaa-delegated-roles-required');
      const fixed = applyOnlyFix(text, diagnostic);
      assert.ok(fixed.includes(`"${UAA}", // User Access Administrator`));
      assert.deepStrictEqual(parse(fixed).plans[0].technicalConfiguration.authorizations[3].delegatedRoleDefinitionIds, [READER]);
      assert.deepStrictEqual(under(check(fixed), `${AUTH}/3`), []);
    });
  });

  describe('delegated-roles-not-allowed', () => {
    it('reports delegated roles on a role other than User Access Administrator', () => {
      const text = withConfiguration((c) => (c.authorizations[0].delegatedRoleDefinitionIds = [READER]));
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'delegated-roles-not-allowed', `${AUTH}/0/delegatedRoleDefinitionIds`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "'delegatedRoleDefinitionIds' is allowed only with User Access Administrator, not with Contributor: remove it, or give this principal User Access Administrator in a separate authorization.",
      );
      assert.strictEqual(textAt(text, diagnostic), `[\n              "${READER}"\n            ]`);
      expectNone(diagnostics, 'delegated-role-invalid');
    });

    it('tolerates an empty list', () => {
      expectNone(check(withConfiguration((c) => (c.authorizations[0].delegatedRoleDefinitionIds = []))), 'delegated-roles-not-allowed');
    });

    it('removes the property, giving back the text as it was with its comment', () => {
      const readerLine = `"roleDefinitionId": "${READER}" // Reader`;
      const text = EXAMPLE_OFFER_TEXT.replace(
        readerLine,
        `"roleDefinitionId": "${READER}", // Reader\n            "delegatedRoleDefinitionIds": ["${CONTRIBUTOR}"]`,
      );
      const diagnostic = expectOne(check(text), 'delegated-roles-not-allowed', `${AUTH}/1/delegatedRoleDefinitionIds`);
      // The message's other way, a User Access Administrator authorization of its own, is the second fix.
      const [remove, move] = fixesFor(text, diagnostic);
      assert.strictEqual(remove.isPreferred, true);
      assert.strictEqual(move.isPreferred, false);
      assert.strictEqual(applyFix(text, remove), EXAMPLE_OFFER_TEXT);
    });

    it('removes the property wherever it stands in the object', () => {
      const pointer = `${AUTH}/0/delegatedRoleDefinitionIds`;
      const diagnostic = { code: 'delegated-roles-not-allowed', severity: 'error', message: '', path: pointer, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } as const;
      const wrap = (authorizationText: string) => `{"plans": [{"technicalConfiguration": {"authorizations": [${authorizationText}]}}]}`;
      const cases: [string, string][] = [
        [`{"roleDefinitionId": "${READER}", "delegatedRoleDefinitionIds": ["x"]}`, `{"roleDefinitionId": "${READER}"}`],
        [`{"delegatedRoleDefinitionIds": ["x"], "roleDefinitionId": "${READER}"}`, `{"roleDefinitionId": "${READER}"}`],
        [`{\n  "a": 1, // one\n  "delegatedRoleDefinitionIds": [], // two\n  "b": 2\n}`, `{\n  "a": 1, // one\n  // two\n  "b": 2\n}`],
        [`{\n  "a": 1, // one\n  "delegatedRoleDefinitionIds": [] }`, `{\n  "a": 1 // one\n   }`],
      ];
      for (const [before, after] of cases) {
        const fixed = applyFix(wrap(before), fixesFor(wrap(before), { ...diagnostic })[0]);
        assert.strictEqual(fixed, wrap(after));
      }
    });
  });

  describe('delegated-role-invalid', () => {
    it('reports each role User Access Administrator may not assign, on the item', () => {
      const items = [OWNER, UAA, LOG_ANALYTICS_READER, CUSTOM_ROLE, 'reader', CONTRIBUTOR];
      const text = withConfiguration((c) => (c.authorizations[3].delegatedRoleDefinitionIds = items));
      const found = check(text).filter((d) => d.code === 'delegated-role-invalid');
      assert.deepStrictEqual(
        found.map((d) => [d.path, d.severity, textAt(text, d)]),
        items.slice(0, 5).map((item, i) => [`${AUTH}/3/delegatedRoleDefinitionIds/${i}`, 'error', `"${item}"`]),
      );
      assert.deepStrictEqual(found.map((d) => d.message), [
        'User Access Administrator may not assign Owner: Azure Lighthouse does not support it. List roles such as Contributor instead.',
        'User Access Administrator may not assign User Access Administrator itself: list the roles to assign, such as Contributor.',
        'Log Analytics Reader has DataActions, which Azure Lighthouse does not support: choose a role without DataActions, such as Microsoft Sentinel Reader or Monitoring Reader.',
        `'${CUSTOM_ROLE}' is not the ID of an Azure built-in role: Azure Lighthouse does not support custom roles, so use a built-in role's ID.`,
        `'reader' is a role name, but an ID is needed here: use '${READER}' (Reader).`,
      ]);
    });

    it('fixes a role name with its ID', () => {
      const text = editExample([...GOLD_AUTH, 3, 'delegatedRoleDefinitionIds', 0], 'Contributor');
      const diagnostic = expectOne(check(text), 'delegated-role-invalid', `${AUTH}/3/delegatedRoleDefinitionIds/0`);
      const fixed = applyOnlyFix(text, diagnostic);
      assert.ok(fixed.includes('// User Access Administrator'));
      assert.deepStrictEqual(check(fixed).filter((d) => d.severity !== 'info'), []);
    });

    it('accepts the example, where User Access Administrator assigns Contributor', () => {
      expectNone(check(EXAMPLE_OFFER_TEXT), 'delegated-role-invalid');
    });
  });

  describe('authorization-duplicate', () => {
    it('warns on the second authorization giving the same principal the same role', () => {
      const text = withConfiguration((c) => c.authorizations.push({ ...c.authorizations[0], principalIdDisplayName: 'Again' }));
      const diagnostic = expectOne(check(text), 'authorization-duplicate', `${AUTH}/4`);
      assert.strictEqual(diagnostic.severity, 'warning');
      assert.strictEqual(
        diagnostic.message,
        "Principal '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' already has Contributor in authorizations[0] of this plan: remove this duplicate, or change its principal or role.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"');
    });

    it('compares IDs without regard to case', () => {
      const text = withConfiguration((c) =>
        c.authorizations.push(authorization(c.authorizations[1].principalId.toUpperCase(), READER.toUpperCase())),
      );
      expectOne(check(text), 'authorization-duplicate', `${AUTH}/4`);
    });

    it('names the first authorization with the same role, past the principal’s other roles, and reads a role by its name', () => {
      const text = withConfiguration((c) => {
        const principal = c.authorizations[0].principalId;
        c.authorizations.push(authorization(principal, MONITORING_READER));
        c.authorizations.push(authorization(` ${principal.toUpperCase()} `, 'contributor'));
        c.authorizations.push(authorization(principal, MONITORING_READER));
      });
      const found = check(text).filter((d) => d.code === 'authorization-duplicate');
      assert.deepStrictEqual(
        found.map((d) => [d.path, d.message]),
        [
          [`${AUTH}/5`, `Principal ' ${'6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f'.toUpperCase()} ' already has Contributor in authorizations[0] of this plan: remove this duplicate, or change its principal or role.`],
          [`${AUTH}/6`, "Principal '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' already has Monitoring Reader in authorizations[4] of this plan: remove this duplicate, or change its principal or role."],
        ],
      );
    });

    it('finds duplicates among eligible authorizations', () => {
      const text = withConfiguration((c) => c.eligibleAuthorizations.push(structuredClone(c.eligibleAuthorizations[0])));
      assert.match(expectOne(check(text), 'authorization-duplicate', `${ELIGIBLE}/1`).message, /in eligibleAuthorizations\[0\]/);
    });

    it("tells a principal with '|' from a role with '|' (principal 'a|b' with role 'c' is not principal 'a' with role 'b|c')", () => {
      const diagnostics = check(
        withConfiguration((c) => {
          c.authorizations.push(authorization('a|b', 'c'));
          c.authorizations.push(authorization('a', 'b|c'));
        }),
      );
      expectNone(diagnostics, 'authorization-duplicate');
    });

    it('accepts the same principal with another role, or in the other list', () => {
      const diagnostics = check(
        withConfiguration((c) => {
          c.authorizations.push(authorization(c.authorizations[0].principalId, MONITORING_READER));
          c.eligibleAuthorizations[0].principalId = c.authorizations[0].principalId;
        }),
      );
      expectNone(diagnostics, 'authorization-duplicate');
    });
  });

  describe('delete-role-missing', () => {
    it('warns on the technical configuration when no authorization has the Delete Role', () => {
      const text = withConfiguration((c) => c.authorizations.splice(2, 1));
      const diagnostic = expectOne(check(text), 'delete-role-missing', TC);
      assert.strictEqual(diagnostic.severity, 'warning');
      assert.strictEqual(
        diagnostic.message,
        `No authorization in this plan has Managed Services Registration assignment Delete Role (${DELETE_ROLE}): only the customer could remove the delegation. Give it to a group of yours.`,
      );
      assert.strictEqual(textAt(text, diagnostic), '"technicalConfiguration"');
    });

    it('counts the Delete Role in an eligible authorization', () => {
      const text = withConfiguration((c) => {
        c.authorizations.splice(2, 1);
        c.eligibleAuthorizations[0].roleDefinitionId = DELETE_ROLE;
      });
      expectNone(check(text), 'delete-role-missing');
    });

    it('adds a placeholder authorization that principal-id-format then points at', () => {
      const text = editExample([...GOLD_AUTH, 2], undefined);
      assert.ok(!text.includes(DELETE_ROLE));
      const diagnostic = expectOne(check(text), 'delete-role-missing', TC);
      const fixed = applyOnlyFix(text, diagnostic);
      assert.ok(fixed.includes('// User Access Administrator'));
      const added = parse(fixed).plans[0].technicalConfiguration.authorizations[3];
      assert.strictEqual(added.roleDefinitionId, DELETE_ROLE);
      assert.strictEqual(added.principalId, PLACEHOLDER_PRINCIPAL_ID);
      assert.match(added.principalIdDisplayName, /PLACEHOLDER/);
      const after = check(fixed);
      expectNone(after, 'delete-role-missing');
      assert.deepStrictEqual(
        after.filter((d) => d.severity !== 'info').map((d) => [d.code, d.path]),
        [['principal-id-format', `${AUTH}/3/principalId`]],
      );
    });

    it('stays quiet when there are no authorizations (authorizations-required says it)', () => {
      expectNone(check(withConfiguration((c) => (c.authorizations = []))), 'delete-role-missing');
    });
  });

  describe('reader-missing', () => {
    const withoutReading = (c: Offer) => {
      c.authorizations.splice(0, 2);
      c.authorizations.push(authorization(guid(9), SECURITY_READER));
    };

    it('informs when no permanent authorization can read everything', () => {
      const text = withConfiguration(withoutReading);
      const diagnostic = expectOne(check(text), 'reader-missing', TC);
      assert.strictEqual(diagnostic.severity, 'info');
      assert.strictEqual(
        diagnostic.message,
        `No principal in this plan has Reader or a role that includes it (Contributor, Monitoring Reader, Monitoring Contributor): add Reader (${READER}) for the people who must see this customer on the My customers page.`,
      );
      assert.strictEqual(textAt(text, diagnostic), '"technicalConfiguration"');
    });

    it('counts Monitoring Reader and Contributor, but not an eligible Reader', () => {
      expectNone(check(withConfiguration((c) => (withoutReading(c), c.authorizations.push(authorization(guid(8), MONITORING_READER))))), 'reader-missing');
      expectNone(check(withConfiguration((c) => (withoutReading(c), c.authorizations.push(authorization(guid(8), CONTRIBUTOR))))), 'reader-missing');
      expectOne(check(withConfiguration((c) => (withoutReading(c), (c.eligibleAuthorizations[0].roleDefinitionId = READER)))), 'reader-missing');
    });
  });

  describe('jit-duration', () => {
    const withDuration = (duration: unknown) =>
      withConfiguration((c) => (c.eligibleAuthorizations[0].justInTimeAccessPolicy.maximumActivationDuration = duration));

    for (const ok of ['PT30M', 'PT8H', 'PT1H30M', 'PT480M', 'PT1800S', 'P0DT4H']) {
      it(`accepts ${ok}`, () => expectNone(check(withDuration(ok)), 'jit-duration'));
    }

    const refused: [string, string][] = [
      ['P1D', "Maximum activation duration 'P1D' is 24 hours; the maximum is 8 hours (PT8H)."],
      ['PT29M', "Maximum activation duration 'PT29M' is 29 minutes; the minimum is 30 minutes (PT30M)."],
      ['PT8H1S', "Maximum activation duration 'PT8H1S' is 8 hours 1 second; the maximum is 8 hours (PT8H)."],
      ['pt1h', "Maximum activation duration 'pt1h' must be written in capitals: use 'PT1H'."],
      ['1 hour', "Maximum activation duration '1 hour' is not an ISO 8601 duration: write it like PT1H30M, between PT30M and PT8H."],
      ['PT', "Maximum activation duration 'PT' is not an ISO 8601 duration: write it like PT1H30M, between PT30M and PT8H."],
      ['P1H', "Maximum activation duration 'P1H' is not an ISO 8601 duration: write it like PT1H30M, between PT30M and PT8H."],
    ];
    for (const [duration, message] of refused) {
      it(`refuses ${JSON.stringify(duration)}`, () => {
        const text = withDuration(duration);
        const diagnostics = check(text);
        const diagnostic = expectOne(diagnostics, 'jit-duration', `${JIT}/maximumActivationDuration`);
        assert.strictEqual(diagnostic.severity, 'error');
        assert.strictEqual(diagnostic.message, message);
        assert.strictEqual(textAt(text, diagnostic), JSON.stringify(duration));
        assert.strictEqual(diagnostics.filter((d) => d.path === diagnostic.path).length, 1);
      });
    }

    it('leaves a number to the schema', () => {
      expectNone(check(withDuration(8)), 'jit-duration');
    });

    it('parses ISO 8601 durations to seconds', () => {
      assert.strictEqual(parseIsoDuration('PT1H30M'), 5400);
      assert.strictEqual(parseIsoDuration('P1W'), 7 * 86400);
      assert.strictEqual(parseIsoDuration('PT0.5S'), 0.5);
      assert.strictEqual(parseIsoDuration('P1M'), 30 * 86400);
      for (const garbage of ['', 'P', 'PT', 'P1DT', 'PT1.5H', 'PT-1H', 'T1H', 'PT1H ', 'P1H']) {
        assert.strictEqual(parseIsoDuration(garbage), undefined, garbage);
      }
    });
  });

  describe('jit-mfa', () => {
    const withProvider = (provider: string) =>
      withConfiguration((c) => (c.eligibleAuthorizations[0].justInTimeAccessPolicy.multiFactorAuthProvider = provider));

    it('refuses another provider, once (not also as a schema enum error)', () => {
      const text = withProvider('Okta');
      const diagnostics = check(text);
      const diagnostic = expectOne(diagnostics, 'jit-mfa', `${JIT}/multiFactorAuthProvider`);
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "Multifactor authentication provider 'Okta' is not supported: use 'Azure' (activation requires multifactor authentication) or 'None'.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"Okta"');
      assert.strictEqual(diagnostics.filter((d) => d.path === diagnostic.path).length, 1);
    });

    it('tells the right spelling of a known provider', () => {
      assert.strictEqual(expectOne(check(withProvider('azure')), 'jit-mfa').message, "Multifactor authentication provider 'azure' must be written 'Azure'.");
    });

    it('accepts None', () => {
      expectNone(check(withProvider('None')), 'jit-mfa');
    });
  });

  describe('eligible-role-invalid', () => {
    const cases: [string, string, string][] = [
      ['User Access Administrator', UAA, 'User Access Administrator cannot be an eligible role: give it in authorizations, with delegatedRoleDefinitionIds.'],
      ['Owner', OWNER, 'Azure Lighthouse does not support the Owner role, eligible or not: use a role such as Contributor.'],
      [
        'a DataActions role',
        LOG_ANALYTICS_READER,
        'Log Analytics Reader has DataActions, which Azure Lighthouse does not support: choose a role without DataActions, such as Microsoft Sentinel Reader or Monitoring Reader.',
      ],
    ];
    for (const [label, role, message] of cases) {
      it(`reports ${label} as an eligible role, with this code only`, () => {
        const text = withConfiguration((c) => (c.eligibleAuthorizations[0].roleDefinitionId = role));
        const diagnostics = check(text);
        const diagnostic = expectOne(diagnostics, 'eligible-role-invalid', `${ELIGIBLE}/0/roleDefinitionId`);
        assert.strictEqual(diagnostic.severity, 'error');
        assert.strictEqual(diagnostic.message, message);
        assert.strictEqual(textAt(text, diagnostic), `"${role}"`);
        assert.deepStrictEqual(diagnostics.filter((d) => d.path === diagnostic.path).map((d) => d.code), ['eligible-role-invalid']);
        expectNone(diagnostics, 'uaa-delegated-roles-required');
      });
    }

    it('accepts Contributor as an eligible role', () => {
      expectNone(check(EXAMPLE_OFFER_TEXT), 'eligible-role-invalid');
    });
  });

  describe('on a half-broken offer', () => {
    it('never throws, whatever type each part has', () => {
      const shapes: ((c: Offer) => void)[] = [
        (c) => (c.authorizations = { principalId: 'x' }),
        (c) => (c.authorizations = [null, 3, 'text', [], { roleDefinitionId: 7, principalId: false }]),
        (c) => (c.eligibleAuthorizations = [{ justInTimeAccessPolicy: 'PT8H' }, { justInTimeAccessPolicy: { managedByTenantApprovers: [1, null, { principalId: 5 }] } }]),
        (c) => (c.authorizations[3].delegatedRoleDefinitionIds = [1, null, {}, 'Owner']),
        (c) => (c.authorizations[3].delegatedRoleDefinitionIds = 'Contributor'),
      ];
      for (const shape of shapes) {
        const diagnostics = check(withConfiguration(shape));
        assert.deepStrictEqual(diagnostics.filter((d) => d.message.startsWith('The check ')), []);
      }
      const offer = exampleOffer();
      offer.plans = [{ technicalConfiguration: 'none' }, 5, { planId: 'x', technicalConfiguration: { authorizations: [{}] } }];
      assert.deepStrictEqual(check(offer).filter((d) => d.message.startsWith('The check ')), []);
    });

    it('reports one problem of a JSONC text with a broken authorization without stopping', () => {
      const text = EXAMPLE_OFFER_TEXT.replace('"roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7" // Reader', '"roleDefinitionId": "Reader",, // Reader');
      const diagnostics = check(text);
      assert.ok(diagnostics.some((d) => d.code === 'schema' && /Malformed JSON/.test(d.message)));
      assert.deepStrictEqual(diagnostics.filter((d) => d.message.startsWith('The check ')), []);
    });
  });

  it('finds nothing wrong in 100 well-formed plans of 20 authorizations', () => {
    const offer = exampleOffer();
    offer.plans = examplePlans(100).map((plan, p) => {
      plan.technicalConfiguration.authorizations = Array.from({ length: 20 }, (_, i) =>
        authorization(guid(p * 100 + i), i === 0 ? DELETE_ROLE : i % 2 ? READER : CONTRIBUTOR),
      );
      return plan;
    });
    const document = OfferDocument.fromText(printed(offer));
    const reported: string[] = [];
    for (const rule of authorizationRules) {
      rule.check({
        document,
        root: document.root!,
        plans: plansOf(document.root),
        catalog: RoleCatalog.builtin(),
        files: undefined,
        baseline: undefined,
        memo: new Memo(),
        report: (_target, message) => reported.push(`${rule.code}: ${message}`),
      });
    }
    // Speed is measured by `npm run bench`, not here.
    assert.deepStrictEqual(reported, []);
  });
});
