import * as assert from 'assert';
import * as path from 'path';
import { parse, ParseError } from 'jsonc-parser';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';
import {
  CONTRIBUTOR_ROLE_ID,
  DELETE_ROLE_ID,
  OWNER_ROLE_ID,
  READER_ROLE_ID,
  RoleCatalog,
  USER_ACCESS_ADMINISTRATOR_ROLE_ID,
} from '@core/catalog/roleCatalog';
import { MAX_PRINCIPAL_ITEMS } from '../../../server/src/features/completion';
import { RoleSlot, roleExplanation } from '@core/knowledge/rolePolicy';
import { escapeMarkdown } from '../../../server/src/features/schemaInfo';
import { DirectoryEntry, DirectoryReader, WorkspaceFileIndex } from '../../../server/src/features/workspaceFiles';
import {
  applyCompletion,
  documentationOf,
  editingService,
  itemLabelled,
  offerDocument,
  offerWithPrincipals,
  OFFER_LOCATION,
  positionAt,
  principalIdOf,
  withCursor,
} from '../../support/editingHarness';
import { check, EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';
import { makePng } from '../../support/pngWriter';

const catalog = RoleCatalog.builtin();
const CONTRIBUTOR_LINE = `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}" // Contributor`;
const LOG_ANALYTICS_READER = catalog.findByName('Log Analytics Reader')!;

interface Completed {
  text: string;
  items: CompletionItem[];
}

interface CompletedList {
  text: string;
  list: CompletionList;
}

/** The whole answer at the cursor, `isIncomplete` included. */
function completeList(textWithCursor: string, options: { unsaved?: boolean; files?: Record<string, Uint8Array | string> } = {}): CompletedList {
  const { text, offset } = withCursor(textWithCursor);
  const { service } = editingService(options.files);
  return { text, list: service.complete(offerDocument(text), positionAt(text, offset), options.unsaved ? undefined : OFFER_LOCATION) };
}

/** The items at the cursor, of a list that is complete (the editor filters it by itself). */
function complete(textWithCursor: string, options: { unsaved?: boolean; files?: Record<string, Uint8Array | string> } = {}): Completed {
  const { text, list } = completeList(textWithCursor, options);
  assert.strictEqual(list.isIncomplete, false);
  return { text, items: list.items };
}

/** The item as `completionItem/resolve` answers it (documentation filled in). */
function resolve(item: CompletionItem): CompletionItem {
  return resolvingService.resolveCompletion(item);
}

const resolvingService = editingService().service;

/** The example with its first authorization's role id replaced by `replacement` (holding the cursor). */
function exampleWithRole(replacement: string): string {
  assert.ok(EXAMPLE_OFFER_TEXT.includes(CONTRIBUTOR_LINE));
  return EXAMPLE_OFFER_TEXT.replace(CONTRIBUTOR_LINE, `"roleDefinitionId": ${replacement}`);
}

function assertParses(text: string): void {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false });
  assert.deepStrictEqual(errors, [], `the result does not parse:\n${text}`);
}

function errorsOf(text: string): string[] {
  return check(text)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.path}: ${d.message}`);
}

describe('completion', () => {
  describe('role ids', () => {
    it('offers every role Lighthouse supports in an authorization, by name, with id, and its description once resolved', () => {
      const { items } = complete(exampleWithRole('"|"'));
      const expected = catalog.roles.filter((role) => role.id !== OWNER_ROLE_ID && !role.hasDataActions);
      assert.strictEqual(items.length, expected.length);
      const contributor = itemLabelled(items, 'Contributor');
      assert.strictEqual(contributor.detail, CONTRIBUTOR_ROLE_ID);
      assert.strictEqual(contributor.filterText, `Contributor ${CONTRIBUTOR_ROLE_ID}`);
      const documentation = documentationOf(resolve(contributor));
      assert.ok(documentation.includes('Grants full access to manage all resources'), documentation);
      assert.ok(documentation.includes('Category: General'));
      for (const name of ['Reader', 'User Access Administrator', 'Managed Services Registration assignment Delete Role']) {
        itemLabelled(items, name);
      }
    });

    it('never offers Owner or a role with DataActions', () => {
      const { items } = complete(exampleWithRole('"|"'));
      const ids = new Set(items.map((item) => item.detail));
      assert.ok(!ids.has(OWNER_ROLE_ID), 'Owner offered');
      assert.ok(!ids.has(LOG_ANALYTICS_READER.id), 'Log Analytics Reader (DataActions since 2026) offered');
      assert.deepStrictEqual(
        items.filter((item) => catalog.findById(item.detail!)?.hasDataActions).map((item) => item.label),
        [],
      );
    });

    it('inserts the id of the role picked inside the quotes, and the offer checks clean again', () => {
      const { text, items } = complete(exampleWithRole('"|"'));
      const result = applyCompletion(text, itemLabelled(items, 'Contributor'));
      assert.ok(result.includes(`"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}"`), result);
      assert.deepStrictEqual(errorsOf(result), []);
    });

    it('replaces a half-typed name inside the quotes with the id', () => {
      const { text, items } = complete(exampleWithRole('"Contri|"'));
      const item = itemLabelled(items, 'Contributor');
      const edit = item.textEdit as { range: { start: { character: number }; end: { character: number } } };
      assert.strictEqual(edit.range.end.character - edit.range.start.character, 'Contri'.length);
      const result = applyCompletion(text, item);
      assert.ok(result.includes(`"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}"`));
      assert.ok(!result.includes('Contri"'));
    });

    it('adds the quotes when none were typed, and replaces a bare word', () => {
      for (const typed of ['|', 'Contri|', 'Con|tri']) {
        const { text, items } = complete(exampleWithRole(typed));
        const result = applyCompletion(text, itemLabelled(items, 'Contributor'));
        assert.ok(result.includes(`"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}"`), `${typed}: ${result.slice(2400, 2800)}`);
        assert.deepStrictEqual(errorsOf(result), [], typed);
      }
    });

    it('adds a space after a colon typed just before, and the closing quote of an unterminated string', () => {
      const text1 = '{ "plans": [ { "technicalConfiguration": { "authorizations": [ { "roleDefinitionId":| } ] } } ] }';
      const first = complete(text1);
      assert.ok(applyCompletion(first.text, itemLabelled(first.items, 'Reader')).includes(`"roleDefinitionId": "${READER_ROLE_ID}" }`));
      const text2 = '{ "plans": [ { "technicalConfiguration": { "authorizations": [ { "roleDefinitionId": "Rea|\n } ] } } ] }';
      const second = complete(text2);
      const result = applyCompletion(second.text, itemLabelled(second.items, 'Reader'));
      assert.ok(result.includes(`"roleDefinitionId": "${READER_ROLE_ID}"\n`), result);
      assertParses(result);
    });

    it('offers User Access Administrator as an authorization role but not as a role it may assign', () => {
      const authorization = complete(exampleWithRole('"|"')).items;
      assert.strictEqual(itemLabelled(authorization, 'User Access Administrator').detail, USER_ACCESS_ADMINISTRATOR_ROLE_ID);
      assert.ok(documentationOf(resolve(itemLabelled(authorization, 'User Access Administrator'))).includes('delegatedRoleDefinitionIds'));

      const delegated = complete(
        EXAMPLE_OFFER_TEXT.replace(`"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}"]`, `"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}", |]`),
      );
      const labels = delegated.items.map((item) => item.label);
      assert.ok(!labels.includes('User Access Administrator'));
      assert.ok(!labels.includes('Owner'));
      assert.ok(!labels.includes('Contributor'), 'a role already listed is offered again');
      const result = applyCompletion(delegated.text, itemLabelled(delegated.items, 'Reader'));
      assert.ok(result.includes(`"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}", "${READER_ROLE_ID}"]`));
      assert.deepStrictEqual(errorsOf(result), []);
    });

    it('does not offer User Access Administrator in an eligible authorization', () => {
      const eligibleLine = `"roleDefinitionId": "${CONTRIBUTOR_ROLE_ID}",\n            "justInTimeAccessPolicy"`;
      assert.ok(EXAMPLE_OFFER_TEXT.includes(eligibleLine));
      const { text, items } = complete(EXAMPLE_OFFER_TEXT.replace(eligibleLine, `"roleDefinitionId": "|",\n            "justInTimeAccessPolicy"`));
      const labels = items.map((item) => item.label);
      assert.ok(!labels.includes('User Access Administrator'));
      assert.ok(!labels.includes('Owner'));
      assert.ok(labels.includes('Contributor'));
      assert.deepStrictEqual(errorsOf(applyCompletion(text, itemLabelled(items, 'Reader'))), []);
    });

    it('offers no roles in a string that is not a role id', () => {
      const { items } = complete(EXAMPLE_OFFER_TEXT.replace('"principalIdDisplayName": "Tier 2 Operators"', '"principalIdDisplayName": "Tier|"'));
      assert.deepStrictEqual(items.map((item) => item.label), ['Tier 2 Operators'], 'only the schema\'s example');
      assert.strictEqual(items[0].detail, 'example');
    });
  });

  describe('resolving an item', () => {
    /** The documentation a role item had in the list before resolve existed: description, category, verdict. */
    function expectedDocumentation(roleId: string, kind: RoleSlot): string {
      const role = catalog.findById(roleId)!;
      return [escapeMarkdown(role.description), `Category: ${escapeMarkdown(role.category)}`, escapeMarkdown(roleExplanation(kind, role))].join('\n\n');
    }

    it('lists role items without documentation, each with the small data resolve needs', () => {
      const { items } = complete(exampleWithRole('"|"'));
      assert.ok(items.length > 500);
      for (const item of items) {
        assert.strictEqual(item.documentation, undefined, `${item.label} has documentation in the list`);
        assert.deepStrictEqual(item.data, { kind: 'role', roleId: item.detail, slotKind: 'authorization' });
        assert.deepStrictEqual(JSON.parse(JSON.stringify(item.data)), item.data);
      }
    });

    it('gives a role item the documentation of its role in its slot, and changes nothing else', () => {
      const authorization = complete(exampleWithRole('"|"')).items;
      const contributor = itemLabelled(authorization, 'Contributor');
      const before = structuredClone(contributor);
      const resolved = resolve(contributor);
      assert.deepStrictEqual(contributor, before, 'the item of the list is left as it was');
      assert.deepStrictEqual(resolved, {
        ...before,
        documentation: { kind: 'markdown', value: expectedDocumentation(CONTRIBUTOR_ROLE_ID, 'authorization') },
      });
      assert.strictEqual(
        documentationOf(resolved),
        'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.\n\nCategory: General\n\nSupported by Azure Lighthouse.',
      );
      const administrator = resolve(itemLabelled(authorization, 'User Access Administrator'));
      assert.strictEqual(documentationOf(administrator), expectedDocumentation(USER_ACCESS_ADMINISTRATOR_ROLE_ID, 'authorization'));
      assert.ok(documentationOf(administrator).includes('only with delegatedRoleDefinitionIds'), documentationOf(administrator));

      const delegated = complete(
        EXAMPLE_OFFER_TEXT.replace(`"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}"]`, `"delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}", |]`),
      ).items;
      const reader = itemLabelled(delegated, 'Reader');
      assert.deepStrictEqual(reader.data, { kind: 'role', roleId: READER_ROLE_ID, slotKind: 'delegated' });
      assert.strictEqual(documentationOf(resolve(reader)), expectedDocumentation(READER_ROLE_ID, 'delegated'));
    });

    it('explains in the documentation why a role is refused in the slot the item names', () => {
      const item = { label: 'User Access Administrator', data: { kind: 'role', roleId: USER_ACCESS_ADMINISTRATOR_ROLE_ID, slotKind: 'eligible' } };
      const documentation = documentationOf(resolve(item));
      assert.strictEqual(documentation, expectedDocumentation(USER_ACCESS_ADMINISTRATOR_ROLE_ID, 'eligible'));
      assert.ok(documentation.includes('cannot be an eligible'), documentation);
    });

    it('returns any other item unchanged: keys, principals, another server\'s, a role no longer known', () => {
      const others: CompletionItem[] = [
        ...complete('{ "plans": [ { | } ] }').items,
        ...completeList(offerWithPrincipals(3, '"|"')).list.items,
        { label: 'x' },
        { label: 'x', data: 42 },
        { label: 'x', documentation: 'theirs', data: { kind: 'property', id: 7 } },
        { label: 'Gone', data: { kind: 'role', roleId: '00000000-0000-4000-8000-000000000000', slotKind: 'authorization' } },
        { label: 'Reader', data: { kind: 'role', roleId: READER_ROLE_ID, slotKind: 'owner' } },
        { label: 'Reader', data: { kind: 'Role', roleId: READER_ROLE_ID, slotKind: 'authorization' } },
      ];
      assert.ok(others.length > 8);
      for (const item of others) {
        const before = structuredClone(item);
        const resolved = resolve(item);
        assert.strictEqual(resolved, item, String(item.label));
        assert.deepStrictEqual(resolved, before, String(item.label));
      }
    });

    it('never throws, whatever the client sends back', () => {
      const garbage: unknown[] = [
        null,
        undefined,
        0,
        'role',
        [],
        [{ kind: 'role' }],
        {},
        { data: null },
        { data: [] },
        { data: ['role', READER_ROLE_ID, 'authorization'] },
        { data: 'role' },
        { data: { kind: 'role' } },
        { data: { kind: 'role', roleId: null, slotKind: 'authorization' } },
        { data: { kind: 'role', roleId: 42, slotKind: 'authorization' } },
        { data: { kind: 'role', roleId: { toLowerCase: 1 }, slotKind: 'authorization' } },
        { data: { kind: 'role', roleId: READER_ROLE_ID, slotKind: 'toString' } },
        { data: { kind: 'role', roleId: READER_ROLE_ID, slotKind: '__proto__' } },
        { data: { kind: 'role', roleId: READER_ROLE_ID, slotKind: ['authorization'] } },
        { data: { kind: 'role', roleId: '', slotKind: 'authorization' } },
        { data: { kind: 'role', roleId: 'x'.repeat(1_000_000), slotKind: 'delegated' } },
        { data: { kind: 'role', roleId: '__proto__', slotKind: 'authorization' } },
        { data: { kind: 'role', roleId: 'constructor', slotKind: 'authorization' } },
        JSON.parse('{ "data": { "__proto__": { "kind": "role" }, "roleId": "x", "slotKind": "eligible" } }'),
      ];
      for (const value of garbage) {
        let resolved: unknown;
        assert.doesNotThrow(() => (resolved = resolve(value as CompletionItem)), JSON.stringify(value)?.slice(0, 100));
        assert.strictEqual(resolved, value, JSON.stringify(value)?.slice(0, 100));
      }
      // A role id written in another case still names the role.
      const upper = resolve({ label: 'Reader', data: { kind: 'role', roleId: ` ${READER_ROLE_ID.toUpperCase()}`, slotKind: 'authorization' } });
      assert.strictEqual(documentationOf(upper), expectedDocumentation(READER_ROLE_ID, 'authorization'));
    });
  });

  describe('principals and tenants', () => {
    it('offers the principals the offer already names, and fills an empty display name', () => {
      const offer = '{ "plans": [ { "technicalConfiguration": { "authorizations": [\n' +
        '{ "principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "principalIdDisplayName": "Tier 2 Operators", "roleDefinitionId": "" },\n' +
        '{ "principalId": "|", "principalIdDisplayName": "", "roleDefinitionId": "" } ] } } ] }';
      const { text, items } = complete(offer);
      assert.deepStrictEqual(items.map((item) => item.label), ['Tier 2 Operators']);
      assert.strictEqual(items[0].detail, '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f');
      const result = applyCompletion(text, items[0]);
      assert.ok(result.includes('{ "principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "principalIdDisplayName": "Tier 2 Operators", "roleDefinitionId": "" } ]'), result);
    });

    it('keeps a display name already written', () => {
      const offer = '{ "plans": [ { "technicalConfiguration": { "authorizations": [\n' +
        '{ "principalId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "principalIdDisplayName": "Tier 2 Operators" },\n' +
        '{ "principalId": "|", "principalIdDisplayName": "Night shift" } ] } } ] }';
      const { text, items } = complete(offer);
      const result = applyCompletion(text, items[0]);
      assert.ok(result.includes('"principalIdDisplayName": "Night shift"'));
      assert.ok(!result.includes('"Tier 2 OperatorsNight shift"'));
    });

    it('offers every principal of an offer that names no more than the list holds', () => {
      const { list } = completeList(offerWithPrincipals(MAX_PRINCIPAL_ITEMS, '"|"'));
      assert.strictEqual(list.isIncomplete, false);
      assert.deepStrictEqual(
        list.items.map((item) => item.label),
        Array.from({ length: MAX_PRINCIPAL_ITEMS }, (_, index) => `Team ${index}`),
      );
    });

    it('offers the first principals of a large offer, in order of first mention, and says the list is incomplete', () => {
      const { text, list } = completeList(offerWithPrincipals(MAX_PRINCIPAL_ITEMS + 70, '"|"'));
      assert.strictEqual(list.isIncomplete, true);
      assert.strictEqual(list.items.length, MAX_PRINCIPAL_ITEMS);
      assert.deepStrictEqual(
        list.items.map((item) => item.label),
        Array.from({ length: MAX_PRINCIPAL_ITEMS }, (_, index) => `Team ${index}`),
      );
      // The editor shows them in that order too.
      const sortTexts = list.items.map((item) => item.sortText!);
      assert.deepStrictEqual([...sortTexts].sort(), sortTexts);
      const result = applyCompletion(text, list.items[3]);
      assert.ok(result.includes(`{ "principalId": "${principalIdOf(3)}", "principalIdDisplayName": "Team 3",`), result.slice(-300));
      // A prefix that many display names share: cut again.
      const team = completeList(offerWithPrincipals(MAX_PRINCIPAL_ITEMS + 70, '"team|"')).list;
      assert.strictEqual(team.isIncomplete, true);
      assert.strictEqual(team.items.length, MAX_PRINCIPAL_ITEMS);
    });

    it('narrows a large offer to the display names that start with what is typed, then those with a word that does', () => {
      const names = { 5: 'Late night support', [MAX_PRINCIPAL_ITEMS + 50]: 'Night shift', [MAX_PRINCIPAL_ITEMS + 60]: 'night owls' };
      const { text, list } = completeList(offerWithPrincipals(MAX_PRINCIPAL_ITEMS + 70, '"Nig|"', names));
      assert.strictEqual(list.isIncomplete, false);
      assert.deepStrictEqual(list.items.map((item) => item.label), ['Night shift', 'night owls', 'Late night support']);
      const result = applyCompletion(text, list.items[0]);
      assert.ok(
        result.includes(`{ "principalId": "${principalIdOf(MAX_PRINCIPAL_ITEMS + 50)}", "principalIdDisplayName": "Night shift",`),
        result.slice(-300),
      );
      const labels = (cursor: string) => completeList(offerWithPrincipals(MAX_PRINCIPAL_ITEMS + 70, cursor, names)).list.items.map((item) => item.label);
      assert.deepStrictEqual(labels('Nig|'), ['Night shift', 'night owls', 'Late night support'], 'typed without quotes');
      assert.deepStrictEqual(labels('"NIGHT SH|"'), ['Night shift']);
      assert.deepStrictEqual(labels('"shi|"'), ['Night shift']);
      assert.deepStrictEqual(labels('"Team 3|"'), ['Team 3', ...Array.from({ length: 10 }, (_, digit) => `Team 3${digit}`)]);
      assert.deepStrictEqual(labels('"ight|"'), [], 'the middle of a word');
    });

    it('narrows a large offer to the principals whose id starts with what is typed', () => {
      const count = MAX_PRINCIPAL_ITEMS + 70;
      const labels = (cursor: string) => {
        const { list } = completeList(offerWithPrincipals(count, cursor));
        assert.strictEqual(list.isIncomplete, false, cursor);
        return list.items.map((item) => item.label);
      };
      // Ids 0x60 to 0x6f: the principals 96 to 111.
      assert.deepStrictEqual(labels('"0000006|"'), Array.from({ length: 16 }, (_, index) => `Team ${96 + index}`));
      const id = principalIdOf(MAX_PRINCIPAL_ITEMS + 60);
      assert.deepStrictEqual(labels(`"${id.slice(0, 8).toUpperCase()}|"`), [`Team ${MAX_PRINCIPAL_ITEMS + 60}`]);
      assert.deepStrictEqual(labels(`"${id}|"`), [`Team ${MAX_PRINCIPAL_ITEMS + 60}`]);
      assert.deepStrictEqual(labels('"ffff|"'), []);
    });

    it('offers the tenant id of the other plans', () => {
      const offer = '{ "plans": [ { "technicalConfiguration": { "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47" } },' +
        ' { "technicalConfiguration": { "tenantId": | } } ] }';
      const { items } = complete(offer);
      assert.deepStrictEqual(items.map((item) => item.label), ['72f988bf-86f1-41af-91ab-2d7cd011db47']);
    });
  });

  describe('keys and structures', () => {
    it('offers the schema keys of the object at the cursor that are not there yet', () => {
      // The gold plan without its pricing model and audience: exactly those two are offered.
      const plan = EXAMPLE_OFFER_TEXT.replace('"pricingModel": "BYOL",\n', '').replace(/"privateAudience": \{[^}]*\},\n/, '');
      const { items } = complete(plan.replace('"visibility": "private",', '"visibility": "private",\n      |'));
      assert.deepStrictEqual(items.map((item) => item.label).sort(), ['pricingModel', 'privateAudience']);
      // The complete example's listing: nothing left to add.
      const { items: listingKeys } = complete(EXAMPLE_OFFER_TEXT.replace('"privacyPolicyUrl"', '|\n    "privacyPolicyUrl"'));
      assert.deepStrictEqual(listingKeys.map((item) => item.label), []);
    });

    it('offers a missing key with a value of the right shape, and a comma where one is needed', () => {
      const offer = EXAMPLE_OFFER_TEXT.replace('"pricingModel": "BYOL",\n', '');
      const { text, items } = complete(offer.replace('"visibility": "private",', '"visibility": "private",\n      "pri|"'));
      const pricing = itemLabelled(items, 'pricingModel');
      assert.strictEqual(pricing.insertTextFormat, InsertTextFormat.Snippet);
      assert.strictEqual(pricing.filterText, '"pricingModel"');
      const result = applyCompletion(text, pricing);
      assert.ok(result.includes('"pricingModel": "BYOL"'), result);
      assertParses(result);
    });

    it('asks for suggestions again after a key whose value has its own (roles, files, categories)', () => {
      const offer = '{ "properties": { | }, "plans": [ { "technicalConfiguration": { "authorizations": [ { "principalId": "", "roleDefinitionId": "" } ] } } ] }';
      const properties = complete(offer);
      assert.strictEqual(itemLabelled(properties.items, 'categories').command?.command, 'editor.action.triggerSuggest');
      assert.strictEqual(itemLabelled(properties.items, 'termsAndConditions').command, undefined);
      const administrator = `"roleDefinitionId": "${USER_ACCESS_ADMINISTRATOR_ROLE_ID}"`;
      const authorization = complete(offer.replace('{ | }', '{}').replace('"roleDefinitionId": ""', `${administrator}, |`));
      const delegated = itemLabelled(authorization.items, 'delegatedRoleDefinitionIds');
      assert.strictEqual(delegated.command?.command, 'editor.action.triggerSuggest');
      assert.strictEqual(itemLabelled(authorization.items, 'principalIdDisplayName').command, undefined);
    });

    it('inserts the contacts as whole objects', () => {
      const offer = EXAMPLE_OFFER_TEXT.replace(/\n\s*"engineeringContact": \{[^}]*\},/, '\n    |');
      const { text, items } = complete(offer);
      const contact = itemLabelled(items, 'engineeringContact');
      const result = applyCompletion(text, contact, { 1: 'Dana', 2: 'dana@contoso.com', 3: '+1 425 555 0101' });
      assert.ok(/"engineeringContact": \{\n\s+"name": "Dana",\n\s+"email": "dana@contoso.com",\n\s+"phone": "\+1 425 555 0101"\n\s+\},/.test(result), result);
      assertParses(result);
      assert.deepStrictEqual(errorsOf(result), []);
    });

    it('offers a new plan in the plans array, with the comma after the plan before it and the known tenant', () => {
      const end = EXAMPLE_OFFER_TEXT.lastIndexOf('\n  ],\n  "certificationNotes"');
      const { text, items } = complete(EXAMPLE_OFFER_TEXT.slice(0, end) + '\n    |' + EXAMPLE_OFFER_TEXT.slice(end));
      const plan = itemLabelled(items, 'New plan');
      assert.strictEqual(plan.insertTextFormat, InsertTextFormat.Snippet);
      assert.ok(plan.additionalTextEdits?.some((edit) => edit.newText === ','));
      assert.ok((plan.textEdit as { newText: string }).newText.includes('"tenantId": "${8:72f988bf-86f1-41af-91ab-2d7cd011db47}"'));
      const result = applyCompletion(text, plan, { 1: 'silver', 2: 'silver' });
      assertParses(result);
      const errors = errorsOf(result).filter((e) => e.includes(' /plans/1'));
      // What only the user can know is left empty, and says so.
      assert.ok(errors.some((e) => e.startsWith('principal-id-format /plans/1/technicalConfiguration/authorizations/0/principalId')), errors.join('\n'));
      assert.ok(!errors.some((e) => e.startsWith('tenant-id-format')), errors.join('\n'));
    });

    it('offers a new authorization and a new eligible authorization in their arrays', () => {
      const offer = '{ "plans": [ { "technicalConfiguration": { "authorizations": [ | ], "eligibleAuthorizations": [] } } ] }';
      const { text, items } = complete(offer);
      assert.deepStrictEqual(items.map((item) => item.label), ['New authorization']);
      assert.ok(applyCompletion(text, items[0]).includes('"principalIdDisplayName": ""'));
      const eligible = complete('{ "plans": [ { "technicalConfiguration": { "eligibleAuthorizations": [ | ] } } ] }');
      const result = applyCompletion(eligible.text, itemLabelled(eligible.items, 'New eligible authorization'));
      assert.ok(result.includes('"multiFactorAuthProvider": "Azure"'));
      assert.ok(result.includes('"maximumActivationDuration": "PT8H"'));
      assertParses(result);
    });

    it('puts a comma after the insertion when an element follows', () => {
      const offer = '{ "plans": [ { "technicalConfiguration": { "authorizations": [ |\n { "principalId": "x" } ] } } ] }';
      const { text, items } = complete(offer);
      const result = applyCompletion(text, itemLabelled(items, 'New authorization'));
      assertParses(result);
    });

    it('offers nothing inside a comment', () => {
      assert.deepStrictEqual(complete('{\n  // a comment |\n  "offerId": "x"\n}').items, []);
      assert.deepStrictEqual(complete('{\n  /* a | comment */\n  "offerId": "x"\n}').items, []);
      assert.ok(complete('{\n  /* a comment */ |\n  "offerId": "x"\n}').items.length > 0);
    });
  });

  describe('where VS Code\'s JSON support offers something, and ours edits right', () => {
    it('offers the keys of the object right before a key\'s quote and right after it, replacing the key', () => {
      for (const marked of ['{ |"principalIdDisplayName": "SOC Analysts",', '{ "principalIdDisplayName"|: "SOC Analysts",']) {
        const offer = EXAMPLE_OFFER_TEXT.replace('"principalIdDisplayName": "SOC Analysts",', marked.slice(2));
        const { text, items } = complete(offer);
        const labels = items.map((item) => item.label);
        assert.ok(labels.includes('principalIdDisplayName') && labels.includes('principalId') === false, `${marked}: ${labels.join(', ')}`);
        const result = applyCompletion(text, itemLabelled(items, 'principalIdDisplayName'));
        assert.strictEqual(result, EXAMPLE_OFFER_TEXT, marked);
      }
      const listing = complete(EXAMPLE_OFFER_TEXT.replace('"listing": {\n    "name"', '|"listing": {\n    "name"'));
      assert.ok(listing.items.some((item) => item.label === 'listing'), 'the key itself, as JSON offers it');
    });

    it('replaces the value after `:` when one follows, instead of writing a second value', () => {
      const { text, items } = complete(EXAMPLE_OFFER_TEXT.replace('"destination": "https"', '"destination":| "https"'));
      assert.deepStrictEqual(items.map((item) => item.label), ['email', 'https', 'azureTable', 'dynamics365', 'marketo', 'salesforce']);
      const result = applyCompletion(text, itemLabelled(items, 'email'));
      assert.ok(result.includes('"destination": "email",\n'), result.slice(0, 400));
      assertParses(result);
    });

    it('replaces a whole string from right before its quote or right after its closing quote', () => {
      for (const marked of ['"visibility": |"private"', '"visibility": "private"|']) {
        const { text, items } = complete(EXAMPLE_OFFER_TEXT.replace('"visibility": "private"', marked));
        const result = applyCompletion(text, itemLabelled(items, 'public'));
        assert.ok(result.includes('"visibility": "public",'), marked);
        assertParses(result);
      }
    });

    it('offers the other categories right before an item\'s quote, and before the `[`', () => {
      const before = complete(EXAMPLE_OFFER_TEXT.replace('["Security", "Monitoring & Diagnostics"]', '[|"Security", "Monitoring & Diagnostics"]'));
      const labels = before.items.map((item) => item.label);
      assert.ok(labels.includes('Security'), 'the category being replaced may come back');
      assert.ok(!labels.includes('Monitoring & Diagnostics'), 'a category chosen elsewhere is not offered again');
      assert.ok(applyCompletion(before.text, itemLabelled(before.items, 'Analytics')).includes('["Analytics", "Monitoring & Diagnostics"]'));

      const bracket = complete(EXAMPLE_OFFER_TEXT.replace('"categories": ["Security"', '"categories": |["Security"'));
      const result = applyCompletion(bracket.text, itemLabelled(bracket.items, 'Analytics'));
      assert.ok(result.includes('"categories": ["Analytics", "Security", "Monitoring & Diagnostics"]'), result.slice(0, 600));
      assertParses(result);
    });

    it('offers the schema\'s default and examples', () => {
      const version = complete(EXAMPLE_OFFER_TEXT.replace('"version": "1.0.0"', '"version": "|"'));
      assert.deepStrictEqual(version.items.map((item) => [item.label, item.detail]), [['1.0.0', 'default']]);
      assert.ok(applyCompletion(version.text, version.items[0]).includes('"version": "1.0.0"'));
      const duration = complete(EXAMPLE_OFFER_TEXT.replace('"maximumActivationDuration": "PT8H"', '"maximumActivationDuration": |'));
      assert.deepStrictEqual(duration.items.map((item) => item.label), ['PT8H', 'PT1H30M', 'PT30M']);
      const result = applyCompletion(duration.text, itemLabelled(duration.items, 'PT1H30M'));
      assert.ok(result.includes('"maximumActivationDuration": "PT1H30M",'), result);
      assert.deepStrictEqual(errorsOf(result), []);
      const mfa = complete(EXAMPLE_OFFER_TEXT.replace('"multiFactorAuthProvider": "Azure"', '"multiFactorAuthProvider": "|"'));
      assert.deepStrictEqual(mfa.items.map((item) => [item.label, item.detail]), [['Azure', 'default'], ['None', undefined]]);
    });

    it('offers no made-up ids or paths from the schema\'s examples', () => {
      const tenant = complete(EXAMPLE_OFFER_TEXT.replace('"tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47"', '"tenantId": "|"'));
      assert.deepStrictEqual(tenant.items, [], 'the only plan\'s tenant is the one being edited, and the schema\'s example is Microsoft\'s');
      const csv = complete(EXAMPLE_OFFER_TEXT.replace('"csv": "gold-customers.csv"', '"csv": |'));
      assert.ok(!csv.items.some((item) => item.label === 'audience.csv'));
    });
  });

  describe('ranking and context', () => {
    it('lists roles in the order publishers reach for them', () => {
      const { items } = complete(exampleWithRole('"|"'));
      const ordered = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((item) => item.label);
      assert.deepStrictEqual(ordered.slice(0, 4), ['Reader', 'Contributor', 'Managed Services Registration assignment Delete Role', 'Monitoring Reader']);
      assert.ok(ordered.indexOf('Security Reader') < ordered.indexOf('AcrPull'), 'security roles before the rest');
    });

    it('keeps the role an id names while part of the id is typed inside it', () => {
      const { text, items } = complete(exampleWithRole(`"${CONTRIBUTOR_ROLE_ID.slice(0, 6)}|${CONTRIBUTOR_ROLE_ID.slice(6)}" // Contributor`));
      const contributor = itemLabelled(items, 'Contributor');
      // The editor keeps the items whose filterText matches what is typed from the start of the range.
      const range = (contributor.textEdit as TextEdit).range;
      const typed = text.slice(offerDocument(text).offsetAt(range.start), text.indexOf(`${CONTRIBUTOR_ROLE_ID.slice(6)}"`));
      assert.strictEqual(typed, CONTRIBUTOR_ROLE_ID.slice(0, 6));
      assert.ok(contributor.filterText!.includes(typed), contributor.filterText);
      assert.ok(itemLabelled(items, 'Reader').filterText!.includes(READER_ROLE_ID));
    });

    it('offers delegatedRoleDefinitionIds only in a User Access Administrator authorization, first there', () => {
      const contributor = complete(EXAMPLE_OFFER_TEXT.replace(CONTRIBUTOR_LINE, `${CONTRIBUTOR_LINE}\n            |`));
      assert.deepStrictEqual(contributor.items.map((item) => item.label), [], 'a Contributor authorization has every key it may have');
      const administrator = EXAMPLE_OFFER_TEXT.replace(
        `"roleDefinitionId": "${USER_ACCESS_ADMINISTRATOR_ROLE_ID}", // User Access Administrator\n            "delegatedRoleDefinitionIds": ["${CONTRIBUTOR_ROLE_ID}"]`,
        `"roleDefinitionId": "${USER_ACCESS_ADMINISTRATOR_ROLE_ID}", // User Access Administrator\n            |`,
      );
      const { text, items } = complete(administrator);
      const delegated = itemLabelled(items, 'delegatedRoleDefinitionIds');
      assert.strictEqual(delegated.detail, 'required');
      assert.ok(applyCompletion(text, delegated).includes('"delegatedRoleDefinitionIds": []'));
      const byName = complete(administrator.replace(`"${USER_ACCESS_ADMINISTRATOR_ROLE_ID}"`, '"User Access Administrator"'));
      assert.ok(byName.items.some((item) => item.label === 'delegatedRoleDefinitionIds'), 'also when the role is written by name');
    });

    it('offers justInTimeAccessPolicy only in an eligible authorization', () => {
      const permanent = complete('{ "plans": [ { "technicalConfiguration": { "authorizations": [ { | } ] } } ] }').items.map((item) => item.label);
      assert.ok(!permanent.includes('justInTimeAccessPolicy'), permanent.join(', '));
      const eligible = complete('{ "plans": [ { "technicalConfiguration": { "eligibleAuthorizations": [ { | } ] } } ] }').items.map((item) => item.label);
      assert.ok(eligible.includes('justInTimeAccessPolicy'), eligible.join(', '));
      assert.ok(!eligible.includes('delegatedRoleDefinitionIds'), eligible.join(', '));
    });
  });

  describe('enum values', () => {
    const cases: [string, string, string[]][] = [
      ['visibility', '"visibility": "private"', ['public', 'private']],
      ['pricing model', '"pricingModel": "BYOL"', ['BYOL']],
      ['lead destination', '"destination": "https"', ['email', 'https', 'azureTable', 'dynamics365', 'marketo', 'salesforce']],
      ['MFA provider', '"multiFactorAuthProvider": "Azure"', ['Azure', 'None']],
    ];
    for (const [name, written, values] of cases) {
      it(`offers the ${name} values`, () => {
        const key = written.slice(0, written.indexOf(':') + 1);
        const { items } = complete(EXAMPLE_OFFER_TEXT.replace(written, `${key} "|"`));
        assert.deepStrictEqual(items.map((item) => item.label).sort(), [...values].sort());
      });
    }

    it('offers the categories not chosen yet', () => {
      const { text, items } = complete(EXAMPLE_OFFER_TEXT.replace('"categories": ["Security", "Monitoring & Diagnostics"]', '"categories": ["Security", |]'));
      const labels = items.map((item) => item.label);
      assert.strictEqual(labels.length, 19);
      assert.ok(!labels.includes('Security'));
      assert.ok(labels.includes('Monitoring & Diagnostics'));
      const result = applyCompletion(text, itemLabelled(items, 'IT & Management Tools'));
      assert.ok(result.includes('"categories": ["Security", "IT & Management Tools"]'));
    });
  });

  describe('file paths', () => {
    it('offers the workspace PNGs for a logo, relative to the offer, the right size first', () => {
      const { text, items } = complete(EXAMPLE_OFFER_TEXT.replace('"small": "media/logo-small.png"', '"small": "|"'), {
        files: { '../elsewhere/icon.png': makePng(40, 40), 'node_modules/pkg/a.png': makePng(40, 40), '.git/b.png': makePng(40, 40) },
      });
      const labels = items.map((item) => item.label);
      assert.ok(labels.includes('media/logo-small.png'));
      assert.ok(labels.includes('../elsewhere/icon.png'), 'a PNG elsewhere in the workspace');
      assert.ok(!labels.some((label) => label.includes('node_modules') || label.includes('.git')));
      assert.ok(!labels.some((label) => label.endsWith('.csv')));
      const small = itemLabelled(items, 'media/logo-small.png');
      assert.strictEqual(small.detail, '40 × 40 pixels, the size expected here');
      assert.strictEqual(itemLabelled(items, 'media/logo-wide.png').detail, '255 × 115 pixels; expected here: 40 × 40');
      assert.ok(small.sortText! < itemLabelled(items, 'media/logo-wide.png').sortText!);
      assert.deepStrictEqual(errorsOf(applyCompletion(text, small)), []);
    });

    it('offers the workspace CSVs for an audience file', () => {
      const { items } = complete(EXAMPLE_OFFER_TEXT.replace('"csv": "gold-customers.csv"', '"csv": |'));
      assert.deepStrictEqual(items.map((item) => item.label).sort(), ['gold-customers.csv', 'preview-audience.csv']);
    });

    it('offers no files for an unsaved offer', () => {
      const { items } = complete(EXAMPLE_OFFER_TEXT.replace('"csv": "gold-customers.csv"', '"csv": |'), { unsaved: true });
      assert.deepStrictEqual(items, []);
    });
  });

  describe('workspace files', () => {
    const reader = (tree: Record<string, string[]>): DirectoryReader & { reads: number } => {
      const result = {
        reads: 0,
        readDirectory(absolutePath: string): DirectoryEntry[] {
          result.reads++;
          const names = tree[absolutePath.split(path.sep).join('/')] ?? [];
          return names.map((name) =>
            name.endsWith('/') ? { name: name.slice(0, -1), kind: 'directory' } : name.endsWith('@') ? { name: name.slice(0, -1), kind: 'other' } : { name, kind: 'file' },
          );
        },
      };
      return result;
    };
    const root = path.resolve('/ws').split(path.sep).join('/');

    it('skips node_modules, dot folders and links, and lists shallow files first', () => {
      const index = new WorkspaceFileIndex(
        reader({
          [root]: ['z.png', 'media/', 'node_modules/', '.git/', 'linked@'],
          [`${root}/media`]: ['a.png', 'deep/'],
          [`${root}/media/deep`]: ['b.png'],
          [`${root}/node_modules`]: ['x.png'],
          [`${root}/.git`]: ['y.png'],
        }),
      );
      const relative = index.files(path.resolve('/ws')).map((file) => path.relative(path.resolve('/ws'), file).split(path.sep).join('/'));
      assert.deepStrictEqual(relative, ['z.png', 'media/a.png', 'media/deep/b.png']);
    });

    it('stops at the bound on the number of files', () => {
      const many = Array.from({ length: 5000 }, (_, i) => `f${String(i).padStart(4, '0')}.png`);
      const index = new WorkspaceFileIndex(reader({ [root]: many }));
      assert.strictEqual(index.files(path.resolve('/ws')).length, 2000);
      const small = new WorkspaceFileIndex(reader({ [root]: many }), { maxFiles: 10 });
      assert.strictEqual(small.files(path.resolve('/ws')).length, 10);
    });

    it('walks once for a few seconds, and again when told files changed', () => {
      let now = 0;
      const disk = reader({ [root]: ['a.png'] });
      const index = new WorkspaceFileIndex(disk, { ttlMs: 5000, now: () => now });
      index.files(path.resolve('/ws'));
      now = 4000;
      index.files(path.resolve('/ws'));
      assert.strictEqual(disk.reads, 1);
      index.invalidate();
      index.files(path.resolve('/ws'));
      assert.strictEqual(disk.reads, 2);
      now = 10000;
      index.files(path.resolve('/ws'));
      assert.strictEqual(disk.reads, 3);
    });
  });

  describe('a new user', () => {
    it('adds a plan with three authorizations by completion alone, without typing a GUID', () => {
      const typed: string[] = [];
      let text = EXAMPLE_OFFER_TEXT;
      // 1. A new plan after the gold plan (the cursor on a new line before the closing bracket).
      const end = text.lastIndexOf('\n  ],\n  "certificationNotes"');
      text = text.slice(0, end) + '\n    ' + text.slice(end);
      text = pick(text, end + '\n    '.length, 'New plan', {
        1: 'silver',
        2: 'silver',
        3: 'Business-hours operations.',
        4: 'Sentinel operations on weekdays.',
      });
      assertParses(text);
      // 2. The first authorization's principal and role, by name.
      const silver = text.indexOf('"planId": "silver"');
      const principalMarker = '"principalId": "';
      const first = text.indexOf(principalMarker, silver) + principalMarker.length;
      text = pick(text, first, 'SOC Analysts');
      text = pick(text, text.indexOf('"roleDefinitionId": "', silver) + '"roleDefinitionId": "'.length, 'Reader');
      // 3. Two more authorizations: after the first one, a comma-less new line in the array.
      for (const [principal, role] of [
        ['Tier 2 Operators', 'Contributor'],
        ['Offer Administrators', 'Managed Services Registration assignment Delete Role'],
      ]) {
        const lastClose = text.indexOf('\n          }\n        ]', silver);
        assert.ok(lastClose > 0, text.slice(silver));
        const at = lastClose + '\n          }'.length;
        text = text.slice(0, at) + '\n          ' + text.slice(at);
        text = pick(text, at + '\n          '.length, 'New authorization');
        const arrayEnd = text.indexOf('\n        ]', silver);
        const principalAt = text.lastIndexOf('"principalId": ""', arrayEnd) + '"principalId": "'.length;
        text = pick(text, principalAt, principal);
        const roleAt = text.lastIndexOf('"roleDefinitionId": ""', text.indexOf('\n        ]', silver)) + '"roleDefinitionId": "'.length;
        text = pick(text, roleAt, role);
      }
      assertParses(text);
      // The private plan's audience: its key and file by completion too.
      const audience = text.indexOf('"subscriptionIds": []', silver);
      text = text.slice(0, audience) + text.slice(audience + '"subscriptionIds": []'.length);
      text = pick(text, audience, 'csv');
      text = pick(text, text.indexOf('"csv": "', silver) + '"csv": "'.length, 'gold-customers.csv');

      assert.ok(!typed.some((value) => /[0-9a-f]{8}-[0-9a-f]{4}/i.test(value)), 'a GUID was typed');
      const silverPlan = parse(text).plans[1];
      assert.deepStrictEqual(
        silverPlan.technicalConfiguration.authorizations.map((a: { roleDefinitionId: string; principalIdDisplayName: string }) => [a.principalIdDisplayName, catalog.findById(a.roleDefinitionId)?.roleName]),
        [
          ['SOC Analysts', 'Reader'],
          ['Tier 2 Operators', 'Contributor'],
          ['Offer Administrators', 'Managed Services Registration assignment Delete Role'],
        ],
      );
      assert.strictEqual(silverPlan.technicalConfiguration.authorizations[2].roleDefinitionId, DELETE_ROLE_ID);
      assert.deepStrictEqual(errorsOf(text), []);

      function pick(current: string, offset: number, label: string, values: Record<number, string> = {}): string {
        const { service } = editingService();
        const list = service.complete(offerDocument(current), positionAt(current, offset), OFFER_LOCATION);
        typed.push(...Object.values(values));
        return applyCompletion(current, itemLabelled(list.items, label), values);
      }
    });
  });

  it('never throws on half-broken offers', () => {
    const { service } = editingService();
    const texts = ['', '{', '[', '{"plans": [', '{"plans": [{"technicalConfiguration": {"authorizations": [{"roleDefinitionId": ', '{"a": "\\', '"x"', '{"plans": {"x": }}}'];
    for (const text of texts) {
      for (let offset = 0; offset <= text.length; offset++) {
        assert.doesNotThrow(() => service.complete(offerDocument(text), positionAt(text, offset), OFFER_LOCATION), `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });
});
