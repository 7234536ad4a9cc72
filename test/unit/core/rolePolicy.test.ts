import * as assert from 'assert';
import { RoleCatalog, RoleDefinition } from '@core/catalog/roleCatalog';
import {
  CONTRIBUTOR_ROLE_ID,
  DELETE_ROLE_ID,
  isAllowedIn,
  OWNER_ROLE_ID,
  PREFERRED_ROLE_IDS,
  READER_ROLE_ID,
  roleChoices,
  roleExplanation,
  roleRefusal,
  ROLE_SLOTS,
  USER_ACCESS_ADMINISTRATOR_ROLE_ID,
} from '@core/knowledge/rolePolicy';
import { refusalMessage } from '../../../server/src/rules/authorizations/roleReference';
import { check, exampleOffer } from '../../support/offerHarness';

const catalog = RoleCatalog.builtin();
const role = (id: string) => catalog.findById(id)!;

describe('role policy', () => {
  it('refuses Owner and DataActions roles everywhere, and User Access Administrator as an eligible or a delegated role', () => {
    const dataActions = catalog.findByName('Log Analytics Reader')!;
    assert.ok(dataActions.hasDataActions);
    for (const slot of ROLE_SLOTS) {
      assert.strictEqual(roleRefusal(slot, role(OWNER_ROLE_ID)), 'owner', slot);
      assert.strictEqual(roleRefusal(slot, dataActions), 'dataActions', slot);
      assert.strictEqual(roleRefusal(slot, role(CONTRIBUTOR_ROLE_ID)), undefined, slot);
    }
    assert.strictEqual(roleRefusal('authorization', role(USER_ACCESS_ADMINISTRATOR_ROLE_ID)), undefined);
    assert.strictEqual(roleRefusal('eligible', role(USER_ACCESS_ADMINISTRATOR_ROLE_ID)), 'notEligible');
    assert.strictEqual(roleRefusal('delegated', role(USER_ACCESS_ADMINISTRATOR_ROLE_ID)), 'assignsItself');
    assert.match(roleExplanation('authorization', role(USER_ACCESS_ADMINISTRATOR_ROLE_ID)), /only with delegatedRoleDefinitionIds/);
  });

  it('lists the choices of a slot in the order publishers reach for them: Reader, Contributor, the delete role, monitoring and security, then by name', () => {
    const names = roleChoices('authorization', catalog).map((choice) => choice.roleName);
    assert.deepStrictEqual(names.slice(0, 7), [
      'Reader',
      'Contributor',
      'Managed Services Registration assignment Delete Role',
      'Monitoring Reader',
      'Monitoring Contributor',
      'Security Reader',
      'Security Admin',
    ]);
    const rest = names.slice(PREFERRED_ROLE_IDS.length);
    assert.deepStrictEqual(rest, [...rest].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    assert.ok(rest.includes('User Access Administrator'));
    // Every preferred id is a built-in role that Lighthouse accepts: a renamed or retired one would show here.
    for (const id of PREFERRED_ROLE_IDS) {
      assert.ok(catalog.findById(id) && isAllowedIn('authorization', role(id)), id);
    }
  });

  it('gives each slot exactly the roles it accepts, computed once per catalog', () => {
    for (const slot of ROLE_SLOTS) {
      const choices = roleChoices(slot, catalog);
      assert.strictEqual(choices, roleChoices(slot, catalog), 'the same array the second time');
      assert.deepStrictEqual(
        new Set(choices.map((choice) => choice.id)),
        new Set(catalog.roles.filter((candidate) => roleRefusal(slot, candidate) === undefined).map((candidate) => candidate.id)),
      );
    }
    const small = new RoleCatalog([role(READER_ROLE_ID), role(OWNER_ROLE_ID), { ...role(DELETE_ROLE_ID) }]);
    assert.deepStrictEqual(
      roleChoices('authorization', small).map((choice) => choice.roleName),
      ['Reader', 'Managed Services Registration assignment Delete Role'],
    );
  });

  it('agrees with the rules: a role refused by the policy is reported, an accepted one is not', () => {
    // Every role: the rules' refusal message exists exactly when the policy refuses.
    for (const candidate of catalog.roles) {
      assert.strictEqual(refusalMessage(candidate, 'authorizations', catalog) !== undefined, !isAllowedIn('authorization', candidate), candidate.roleName);
      assert.strictEqual(refusalMessage(candidate, 'eligibleAuthorizations', catalog) !== undefined, !isAllowedIn('eligible', candidate), candidate.roleName);
    }
    // And through a whole check, for the roles each kind of refusal is about.
    const codesWith = (authorizationRole: RoleDefinition, eligibleRole: RoleDefinition) => {
      const offer = exampleOffer();
      offer.plans[0].technicalConfiguration.authorizations[0].roleDefinitionId = authorizationRole.id;
      offer.plans[0].technicalConfiguration.eligibleAuthorizations[0].roleDefinitionId = eligibleRole.id;
      return check(offer).map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`);
    };
    const dataActions = catalog.findByName('Log Analytics Reader')!;
    assert.ok(codesWith(role(OWNER_ROLE_ID), role(USER_ACCESS_ADMINISTRATOR_ROLE_ID)).includes('role-owner /plans/0/technicalConfiguration/authorizations/0/roleDefinitionId'));
    assert.ok(codesWith(dataActions, role(USER_ACCESS_ADMINISTRATOR_ROLE_ID)).includes('eligible-role-invalid /plans/0/technicalConfiguration/eligibleAuthorizations/0/roleDefinitionId'));
    for (const accepted of roleChoices('eligible', catalog).slice(0, 5)) {
      const codes = codesWith(accepted, accepted);
      assert.ok(!codes.some((code) => /^(role-owner|role-data-actions|eligible-role-invalid) /.test(code)), `${accepted.roleName}: ${codes.join(', ')}`);
    }
  });
});
