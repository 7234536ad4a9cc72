/**
 * Parity with VS Code's own JSON support: at every cursor position of the example offer and of
 * variants of it, our completion offers what `vscode-json-languageservice` (given the offer schema)
 * offers, without breaking the file where JSON's item would, and our hover is there wherever
 * JSON's is and says what it says. The few differences on purpose are listed below, each with its
 * reason (the README's "While you type" lists them too).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findNodeAtOffset, getNodePath, Node, parseTree } from 'jsonc-parser';
import { RoleCatalog, USER_ACCESS_ADMINISTRATOR_ROLE_ID } from '@core/catalog/roleCatalog';
import {
  CompletionException,
  describeGaps,
  HoverException,
  ParityReport,
  parityVariants,
  runParity,
} from '../../support/parityHarness';
import { REPO_ROOT } from '../../support/offerHarness';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The roleDefinitionId of the permanent authorization around `offset`, if the cursor is in one. */
function authorizationRoleAt(text: string, offset: number): string | undefined {
  const root = parseTree(text);
  let node: Node | undefined = root && findNodeAtOffset(root, offset, true);
  for (; node; node = node.parent) {
    const path = getNodePath(node);
    if (node.type === 'object' && path.length === 5 && path[2] === 'technicalConfiguration' && path[3] === 'authorizations') {
      const role = node.children?.find((property) => property.children?.[0].value === 'roleDefinitionId')?.children?.[1];
      return typeof role?.value === 'string' ? role.value : undefined;
    }
  }
  return undefined;
}

/**
 * The string items of the array the cursor writes an item of (the array it is in or right before,
 * or the one holding the string it touches), except that string itself.
 */
function otherItemsOfArrayAt(text: string, offset: number): string[] {
  const root = parseTree(text);
  const node = root && findNodeAtOffset(root, offset, true);
  const array = node?.type === 'array' ? node : node?.parent?.type === 'array' ? node.parent : undefined;
  const replaced = node?.parent === array ? node : undefined;
  return (array?.children ?? []).filter((item) => item !== replaced && typeof item.value === 'string').map((item) => item.value as string);
}

function isUserAccessAdministrator(role: string | undefined): boolean {
  const catalog = RoleCatalog.builtin();
  const found = role === undefined ? undefined : (catalog.findById(role) ?? catalog.findByName(role));
  return found?.id === USER_ACCESS_ADMINISTRATOR_ROLE_ID;
}

/** Where JSON offers an item that ours leaves out on purpose. */
export const COMPLETION_EXCEPTIONS: readonly CompletionException[] = [
  {
    reason:
      "`delegatedRoleDefinitionIds` outside a User Access Administrator authorization: Azure Lighthouse refuses it there (delegated-roles-not-allowed), so ours offers the key only under User Access Administrator.",
    applies: (missing) =>
      missing.written === 'delegatedRoleDefinitionIds' && !isUserAccessAdministrator(authorizationRoleAt(missing.text, missing.offset)),
  },
  {
    reason:
      'Example GUIDs of principals, tenants and subscriptions: a made-up id passes every format check and fails only at onboarding; ours offers the principals and tenants the offer already names instead.',
    applies: (missing) => GUID.test(missing.written) && /\/(principalId|tenantId|subscriptionIds(\/\*)?)$/.test(missing.context),
  },
  {
    reason:
      "Example file paths (`media/small.png`, `audience.csv`): ours offers the workspace's own PNG and CSV files (images of the right size first) rather than paths to files that do not exist.",
    applies: (missing) => /\/(logos\/\w+|path|thumbnail|csv)$/.test(missing.context) && !GUID.test(missing.written),
  },
  {
    reason:
      "JSON Schema's own meta-schema URIs for `$schema` (draft-04 … 2020-12): an offer's `$schema` names the offer schema, and a meta-schema there would make editors validate the offer against the wrong schema.",
    applies: (missing) => missing.context === '/$schema' && /json-schema\.org/.test(missing.written),
  },
  {
    reason:
      'Right after a closing `}` or `]`: JSON offers values there (for the key whose object just closed, or `{}`, `[]`), which land after it and break the file; nothing is being written at that place, and ours offers nothing.',
    applies: (missing) => missing.jsonBreaksFile && /[}\]]\s*$/.test(missing.text.slice(Math.max(0, missing.offset - 200), missing.offset)),
  },
  {
    reason:
      "Between a key's `:` and its object or array (`\"listing\":‸ {`): JSON's `{}`, `[]` or example array lands before the value and breaks the file; the only edit that would not replaces the whole object or array, which a cursor beside it does not ask for, so ours offers nothing there.",
    applies: (missing) =>
      missing.jsonBreaksFile && (missing.written === '{}' || missing.written === '[]') && /^\s*[{[]/.test(missing.text.slice(missing.offset, missing.offset + 200)),
  },
  {
    reason:
      'A value already in a list of unique values (a category, a role User Access Administrator may assign): ours offers only the others, since a second copy is an error (categories-count, authorization rules).',
    applies: (missing) => otherItemsOfArrayAt(missing.text, missing.offset).includes(missing.written),
  },
  {
    reason:
      'After the comma that follows a key without a value (`"offerType": ,‸`): JSON still offers that key\'s values, which land after the comma and break the file; this is where the next key goes, and ours offers keys.',
    applies: (missing) => missing.jsonBreaksFile && /:\s*,\s*$/.test(missing.text.slice(Math.max(0, missing.offset - 80), missing.offset)),
  },
];

/** Where JSON has a hover that ours does not match on purpose (none so far). */
export const HOVER_EXCEPTIONS: readonly HoverException[] = [];

function figures(report: ParityReport): string {
  const excepted = [...report.excepted].map(([reason, count]) => `  ${count} × ${reason.slice(0, 90)}…`).join('\n');
  return [
    `completion: ${report.completionCovered} of ${report.completionPositions} positions where JSON offers items`,
    `hover: ${report.hoverCovered} of ${report.hoverPositions} positions where JSON has a hover`,
    `positions where JSON's item breaks the file and ours writes it right: ${report.mendedPositions}`,
    `JSON items left out on purpose, counted once per position:\n${excepted}`,
  ].join('\n');
}

describe('parity with VS Code\'s JSON support (vscode-json-languageservice and the offer schema)', function () {
  // Some 10,000 positions, each asked of both services: seconds, not milliseconds.
  this.timeout(120_000);
  let report: ParityReport;

  before(async () => {
    report = await runParity(parityVariants(), COMPLETION_EXCEPTIONS, HOVER_EXCEPTIONS);
  });

  after(() => {
    // The figures, whatever the result: how much of JSON's help ours covers, and where on purpose not.
    if (report) {
      console.log(figures(report).replace(/^/gm, '      '));
    }
  });

  it('runs over the example and its variants', () => {
    const names = parityVariants().map((variant) => variant.name);
    assert.deepStrictEqual(names, [
      'example',
      'empty objects',
      'empty offer',
      'empty file with a key',
      'missing keys',
      'blank lines',
      'deleted values',
      'emptied values',
    ]);
    // JSON offers completions at most positions, and hovers at most of the rest: a run that asked
    // nothing (a schema not found, a variant that failed to load) would pass without this.
    assert.ok(report.completionPositions > 5000, figures(report));
    assert.ok(report.hoverPositions > 5000, figures(report));
  });

  it('offers, at every position, every item JSON offers (or one that writes it without breaking the file)', () => {
    assert.strictEqual(report.completionGaps.length, 0, `${figures(report)}\n\nWhere ours covers less:\n${describeGaps({ ...report, hoverGaps: [] })}`);
  });

  it("hovers wherever JSON does, with the field's description in it", () => {
    assert.strictEqual(report.hoverGaps.length, 0, `${figures(report)}\n\nWhere ours covers less:\n${describeGaps({ ...report, completionGaps: [] })}`);
  });

  it('uses every exception it lists (a stale one would hide nothing and mislead)', () => {
    const unused = COMPLETION_EXCEPTIONS.filter((exception) => !report.excepted.has(exception.reason)).map((exception) => exception.reason);
    assert.deepStrictEqual(unused, [], figures(report));
  });

  it('lists every exception in the README, with its reason', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const unlisted = [...COMPLETION_EXCEPTIONS, ...HOVER_EXCEPTIONS].map((exception) => exception.reason).filter((reason) => !readme.includes(reason));
    assert.deepStrictEqual(unlisted, [], 'README.md, "While you type", lists each reason word for word');
  });
});
