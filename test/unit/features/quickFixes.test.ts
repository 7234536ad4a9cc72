/**
 * Quick fixes wherever a problem's message names the fix: the code actions the editor gets for a
 * diagnostic, applied to the offer, and what the offer's check says afterwards.
 */
import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import {
  CONTRIBUTOR_ROLE_ID,
  OWNER_ROLE_ID,
  READER_ROLE_ID,
  USER_ACCESS_ADMINISTRATOR_ROLE_ID,
} from '@core/knowledge/rolePolicy';
import { apply, assertParses, find, hasDiagnostic, pathOf, setup } from '../../support/codeActionHarness';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

const catalog = RoleCatalog.builtin();
const LOG_ANALYTICS_READER = catalog.findByName('Log Analytics Reader')!;
const AUTH = '/plans/0/technicalConfiguration/authorizations';
const ELIGIBLE = '/plans/0/technicalConfiguration/eligibleAuthorizations';
const CONTRIBUTOR_LINE = `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}" // Contributor`;
const ELIGIBLE_ROLE = `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}",\n            "justInTimeAccessPolicy"`;

/** The example with one piece of text replaced (which must be there). */
function exampleWith(from: string | RegExp, to: string): string {
  const text = EXAMPLE_OFFER_TEXT.replace(from, to);
  assert.notStrictEqual(text, EXAMPLE_OFFER_TEXT, `'${String(from)}' is in the example`);
  return text;
}

interface Fixed {
  actions: CodeAction[];
  /** Applies the action with this title and checks the result again. */
  applying(title: string | RegExp): { text: string; diagnostics: Diagnostic[] };
}

/** The quick fixes offered for the diagnostic `code` at `path` of `text`. */
function quickFixes(text: string, code: string, path: string): Fixed {
  const { diagnostics, request, recheck } = setup(text);
  const actions = request(['quickfix'], [find(diagnostics, code, path)]);
  return {
    actions,
    applying(title) {
      const action = actions.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
      assert.ok(action, `no fix '${String(title)}' among: ${actions.map((candidate) => candidate.title).join(' | ')}`);
      const fixed = apply(text, action);
      assertParses(fixed);
      return { text: fixed, diagnostics: recheck(fixed) };
    },
  };
}

function titles(fixed: Fixed): [string, boolean][] {
  return fixed.actions.map((action) => [action.title, action.isPreferred === true]);
}

/** The problems of a text, as `code path` lines, but those of `ignored` codes. */
function problems(diagnostics: Diagnostic[], ...ignored: string[]): string[] {
  return diagnostics.filter((d) => !ignored.includes(String(d.code))).map((d) => `${d.code} ${pathOf(d)}`);
}

describe('quick fixes named by the messages', () => {
  describe('roles', () => {
    const ownerText = exampleWith(CONTRIBUTOR_LINE, `"roleDefinitionId": "${OWNER_ROLE_ID}" // was Contributor`);

    it('role-owner: Contributor, or Contributor and User Access Administrator for the same principal', () => {
      const fixed = quickFixes(ownerText, 'role-owner', `${AUTH}/0/roleDefinitionId`);
      assert.deepStrictEqual(titles(fixed), [
        ['Use Contributor instead of Owner', false],
        ['Use Contributor, and add User Access Administrator for this principal (it may assign Contributor)', false],
      ]);
      const contributor = fixed.applying('Use Contributor instead of Owner');
      assert.ok(contributor.text.includes(`"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}" // was Contributor`), 'the comment stays');
      assert.deepStrictEqual(problems(contributor.diagnostics), []);

      const both = fixed.applying(/add User Access Administrator/);
      assert.deepStrictEqual(problems(both.diagnostics), []);
      const added = both.text.slice(both.text.indexOf('"principalIdDisplayName": "Access Managers"'));
      assert.match(added, /"principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",\s*"principalIdDisplayName": "Tier 2 Operators",\s*"roleDefinitionId": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",\s*"delegatedRoleDefinitionIds": \[\s*"b24988ac-6180-42a0-ab88-20f7382dd24c"\s*\]/);
    });

    it('offers nothing once the value is no longer Owner', () => {
      const { diagnostics } = setup(ownerText);
      const { request } = setup(EXAMPLE_OFFER_TEXT);
      assert.deepStrictEqual(request(['quickfix'], [find(diagnostics, 'role-owner', `${AUTH}/0/roleDefinitionId`)]), []);
    });

    it('role-data-actions: the roles the message names, without DataActions, the same category first', () => {
      const text = exampleWith(CONTRIBUTOR_LINE, `"roleDefinitionId": "${LOG_ANALYTICS_READER.id}"`);
      const { diagnostics } = setup(text);
      const diagnostic = find(diagnostics, 'role-data-actions', `${AUTH}/0/roleDefinitionId`);
      const named = /such as (.+?)(?: or (.+))?\.$/.exec(diagnostic.message)!.slice(1).filter(Boolean);
      const fixed = quickFixes(text, 'role-data-actions', `${AUTH}/0/roleDefinitionId`);
      assert.deepStrictEqual(
        titles(fixed),
        named.map((name) => [`Use ${name} instead of Log Analytics Reader`, false]),
      );
      assert.strictEqual(catalog.findByName(named[0])!.category, LOG_ANALYTICS_READER.category);
      const result = fixed.applying(`Use ${named[0]} instead of Log Analytics Reader`);
      assert.ok(!hasDiagnostic(result.diagnostics, 'role-data-actions', `${AUTH}/0/roleDefinitionId`));
      assert.deepStrictEqual(problems(result.diagnostics, 'reader-missing'), []);
    });

    it('eligible-role-invalid: Contributor for Owner; User Access Administrator moved to a permanent authorization', () => {
      const owner = quickFixes(exampleWith(ELIGIBLE_ROLE, `"roleDefinitionId": "${OWNER_ROLE_ID}",\n            "justInTimeAccessPolicy"`), 'eligible-role-invalid', `${ELIGIBLE}/0/roleDefinitionId`);
      assert.deepStrictEqual(titles(owner), [['Use Contributor instead of Owner', false]]);
      assert.deepStrictEqual(problems(owner.applying('Use Contributor instead of Owner').diagnostics), []);

      const administrator = quickFixes(
        exampleWith(ELIGIBLE_ROLE, `"roleDefinitionId": "${USER_ACCESS_ADMINISTRATOR_ROLE_ID}",\n            "justInTimeAccessPolicy"`),
        'eligible-role-invalid',
        `${ELIGIBLE}/0/roleDefinitionId`,
      );
      assert.deepStrictEqual(titles(administrator), [['Make it a permanent authorization that may assign Reader (change it to the roles you need)', false]]);
      const moved = administrator.applying(/permanent authorization/);
      assert.deepStrictEqual(problems(moved.diagnostics), []);
      assert.match(moved.text, /"eligibleAuthorizations": \[\s*\]/);
      assert.match(moved.text, /"principalIdDisplayName": "Break-glass engineers",\s*"roleDefinitionId": "18d7d88d-[^"]+",\s*"delegatedRoleDefinitionIds": \[\s*"acdd72a7-3385-48ef-bd42-f606fba81ae7"\s*\]/);
    });

    it('delegated-role-invalid: Contributor for Owner; for a DataActions role the others, or removing it from the list', () => {
      const delegated = `"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}"]`;
      const owner = quickFixes(exampleWith(delegated, `"delegatedRoleDefinitionIds": ["${OWNER_ROLE_ID}"]`), 'delegated-role-invalid', `${AUTH}/3/delegatedRoleDefinitionIds/0`);
      assert.deepStrictEqual(titles(owner), [['Use Contributor instead of Owner', false]], 'the only role listed is not removed');
      assert.deepStrictEqual(problems(owner.applying('Use Contributor instead of Owner').diagnostics), []);

      const text = exampleWith(delegated, `"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}", "${LOG_ANALYTICS_READER.id}"]`);
      const dataActions = quickFixes(text, 'delegated-role-invalid', `${AUTH}/3/delegatedRoleDefinitionIds/1`);
      const offered = dataActions.actions.map((action) => action.title);
      assert.ok(!offered.includes('Use Contributor instead of Log Analytics Reader'), 'Contributor is listed already');
      assert.strictEqual(offered[offered.length - 1], 'Remove Log Analytics Reader from the roles User Access Administrator may assign');
      const removed = dataActions.applying('Remove Log Analytics Reader from the roles User Access Administrator may assign');
      assert.ok(removed.text.includes(delegated), removed.text.slice(2600, 3400));
      assert.deepStrictEqual(problems(removed.diagnostics), []);
    });

    it('role-unknown: the GUID of a role written as a resource id', () => {
      const text = exampleWith(CONTRIBUTOR_LINE, `"roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/${READER_ROLE_ID}"`);
      const fixed = quickFixes(text, 'role-unknown', `${AUTH}/0/roleDefinitionId`);
      assert.deepStrictEqual(titles(fixed), [[`Use the ID of Reader ('${READER_ROLE_ID}')`, true]]);
      assert.ok(!hasDiagnostic(fixed.applying(/Reader/).diagnostics, 'role-unknown', `${AUTH}/0/roleDefinitionId`));
    });

    it('delegated-roles-not-allowed: remove the list, or move it to a User Access Administrator authorization', () => {
      const text = exampleWith(CONTRIBUTOR_LINE, `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}", "delegatedRoleDefinitionIds": ["${READER_ROLE_ID}"]`);
      const fixed = quickFixes(text, 'delegated-roles-not-allowed', `${AUTH}/0/delegatedRoleDefinitionIds`);
      assert.deepStrictEqual(titles(fixed), [
        ["Remove 'delegatedRoleDefinitionIds'", true],
        ['Move these roles to a User Access Administrator authorization for the same principal', false],
      ]);
      const moved = fixed.applying(/Move these roles/);
      assert.deepStrictEqual(problems(moved.diagnostics), []);
      assert.match(moved.text, /"principalIdDisplayName": "Tier 2 Operators",\s*"roleDefinitionId": "18d7d88d[^"]+",\s*"delegatedRoleDefinitionIds": \[\s*"acdd72a7/);
    });

    it('reader-missing and authorizations-required: an authorization with the role the message names, its principal to fill in', () => {
      const noReader = exampleWith(CONTRIBUTOR_LINE, `"roleDefinitionId": "${catalog.findByName('Security Reader')!.id}"`).replace(
        `"roleDefinitionId": "${READER_ROLE_ID}" // Reader`,
        `"roleDefinitionId": "${catalog.findByName('Support Request Contributor')!.id}"`,
      );
      const reader = quickFixes(noReader, 'reader-missing', '/plans/0/technicalConfiguration');
      const withReader = reader.applying('Add an authorization with Reader (then set its principal)');
      assert.ok(!hasDiagnostic(withReader.diagnostics, 'reader-missing', '/plans/0/technicalConfiguration'));
      assert.deepStrictEqual(problems(withReader.diagnostics), [`principal-id-format ${AUTH}/4/principalId`, `display-name-required ${AUTH}/4/principalIdDisplayName`]);

      const empty = EXAMPLE_OFFER_TEXT.replace(/"authorizations": \[[^]*?\n {8}\],/, '"authorizations": [],');
      const required = quickFixes(empty, 'authorizations-required', `${AUTH}`);
      const added = required.applying('Add an authorization with Contributor (then set its principal)');
      assert.ok(!hasDiagnostic(added.diagnostics, 'authorizations-required', AUTH));
      assert.ok(added.text.includes(`"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}"`));
    });

    it('authorization-duplicate: remove the later copy; display-name-required: the name the offer gives the principal elsewhere', () => {
      const second = '"principalId": "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",\n            "principalIdDisplayName": "SOC Analysts",';
      const duplicate = exampleWith(second, '"principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",\n            "principalIdDisplayName": "Tier 2 Operators",').replace(
        `"roleDefinitionId": "${READER_ROLE_ID}" // Reader`,
        `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}"`,
      );
      const removed = quickFixes(duplicate, 'authorization-duplicate', `${AUTH}/1`).applying('Remove this duplicate authorization');
      assert.deepStrictEqual(problems(removed.diagnostics), []);
      assert.ok(!removed.text.includes('SOC Analysts'));

      const unnamed = exampleWith(second, '"principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",\n            "principalIdDisplayName": "",');
      const named = quickFixes(unnamed, 'display-name-required', `${AUTH}/1/principalIdDisplayName`).applying(
        "Use 'Tier 2 Operators', the name this offer gives this principal elsewhere",
      );
      assert.deepStrictEqual(problems(named.diagnostics), []);
    });
  });

  describe('just-in-time access', () => {
    for (const [written, fixedTo, preferred] of [
      ['pt8h', 'PT8H', true],
      ['PT10H', 'PT8H', false],
      ['PT10M', 'PT30M', false],
    ] as const) {
      it(`jit-duration: '${written}' becomes '${fixedTo}'`, () => {
        const fixed = quickFixes(
          exampleWith('"maximumActivationDuration": "PT8H"', `"maximumActivationDuration": "${written}"`),
          'jit-duration',
          `${ELIGIBLE}/0/justInTimeAccessPolicy/maximumActivationDuration`,
        );
        assert.deepStrictEqual(titles(fixed), [[`Change to '${fixedTo}'`, preferred]]);
        assert.deepStrictEqual(problems(fixed.applying(`Change to '${fixedTo}'`).diagnostics), []);
      });
    }

    it("jit-mfa: 'azure' becomes 'Azure'", () => {
      const fixed = quickFixes(
        exampleWith('"multiFactorAuthProvider": "Azure"', '"multiFactorAuthProvider": "azure"'),
        'jit-mfa',
        `${ELIGIBLE}/0/justInTimeAccessPolicy/multiFactorAuthProvider`,
      );
      assert.deepStrictEqual(titles(fixed), [["Change to 'Azure'", true]]);
      assert.deepStrictEqual(problems(fixed.applying("Change to 'Azure'").diagnostics), []);
    });
  });

  describe('offer setup, properties and listing', () => {
    it('lead-destination-fields: the destination in its own letters, the missing field, https://', () => {
      const letters = quickFixes(exampleWith('"destination": "https"', '"destination": "HTTPS"'), 'lead-destination-fields', '/leadManagement/destination');
      assert.deepStrictEqual(titles(letters), [["Change to 'https'", true]]);
      assert.deepStrictEqual(problems(letters.applying("Change to 'https'").diagnostics), []);

      const missing = quickFixes(
        exampleWith(/,\n {4}"httpsEndpointUrl": "[^"]*"/, ''),
        'lead-destination-fields',
        '/leadManagement/httpsEndpointUrl',
      );
      const added = missing.applying("Add the missing property 'httpsEndpointUrl'");
      assert.match(added.text, /"destination": "https",\n {4}"httpsEndpointUrl": ""\n/);

      const http = quickFixes(exampleWith('"https://leads.contoso.com', '"http://leads.contoso.com'), 'lead-destination-fields', '/leadManagement/httpsEndpointUrl');
      assert.deepStrictEqual(titles(http), [['Change http:// to https://', false]]);
      const secured = http.applying(/https:/);
      assert.deepStrictEqual(problems(secured.diagnostics), []);
      assert.ok(secured.text.includes('"https://leads.contoso.com/api/marketplace"'), 'only the scheme changed');
    });

    it('category-unknown: the category meant (sure when only the letters differ); categories-count: the second copy removed', () => {
      const lower = quickFixes(exampleWith('["Security"', '["security"'), 'category-unknown', '/properties/categories/0');
      assert.deepStrictEqual(titles(lower), [["Change to 'Security'", true]]);
      assert.deepStrictEqual(problems(lower.applying("Change to 'Security'").diagnostics), []);
      const part = quickFixes(exampleWith('["Security"', '["Blockchai"'), 'category-unknown', '/properties/categories/0');
      assert.deepStrictEqual(titles(part), [["Change to 'Blockchain'", false]], 'a guess from part of a name is not applied blindly');

      const twice = quickFixes(exampleWith('["Security", "Monitoring & Diagnostics"]', '["Security", "Monitoring & Diagnostics", "Security"]'), 'categories-count', '/properties/categories/2');
      assert.deepStrictEqual(titles(twice), [["Remove the second 'Security'", true]]);
      const result = twice.applying("Remove the second 'Security'");
      assert.ok(result.text.includes('"categories": ["Security", "Monitoring & Diagnostics"]'));
      assert.deepStrictEqual(problems(result.diagnostics), []);
    });

    it('description-html: the <script> element and the event-handler attribute removed, escapes and all', () => {
      const text = exampleWith(
        '<p>Contoso Sentinel Operations gives',
        '<script type=\\"text/javascript\\">alert(\\"x\\")</script><p onclick=\\"steal()\\">Contoso Sentinel Operations gives',
      );
      const { diagnostics } = setup(text);
      const script = diagnostics.find((d) => d.code === 'description-html' && /<script>/.test(d.message))!;
      const handler = diagnostics.find((d) => d.code === 'description-html' && /onclick/.test(d.message))!;
      const { request, recheck } = setup(text);
      const [removeScript] = request(['quickfix'], [script]);
      assert.deepStrictEqual([removeScript.title, removeScript.isPreferred], ['Remove the <script> element', true]);
      const withoutScript = apply(text, removeScript);
      assert.ok(withoutScript.includes('"description": "<p onclick=\\"steal()\\">Contoso'), withoutScript.slice(1000, 1300));
      const [removeHandler] = request(['quickfix'], [handler]);
      assert.strictEqual(removeHandler.title, "Remove the attribute 'onclick'");
      const clean = apply(withoutScript, setup(withoutScript).request(['quickfix'], [setup(withoutScript).diagnostics.find((d) => /onclick/.test(d.message))!])[0]);
      assert.strictEqual(clean, EXAMPLE_OFFER_TEXT);
      assert.deepStrictEqual(problems(recheck(clean)), []);
    });
  });
});
