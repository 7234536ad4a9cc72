/**
 * The edit toolkit (server/src/edits/): every quick fix and every edit of the plans tree goes
 * through it. What a user would see: the offer after the edit holds the value asked for and nothing
 * else changed, every comment outside what was replaced or removed is still there, the new text
 * follows the file's layout (its own line and indentation, or the one line of a one-line list), an
 * edit made for a value that is no longer there offers nothing, and a huge offer gets a small edit.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { applyEdits, createScanner, parse, SyntaxKind, type JSONPath, type ParseError } from 'jsonc-parser';
import { OfferDocument } from '@core/model/offerDocument';
import { detectLayout } from '../../../server/src/features/formatting';
import { absent, holds, present } from '../../../server/src/edits/expectations';
import { combineEdits, type OffsetEdit } from '../../../server/src/edits/offsetEdits';
import {
  addProperty,
  appendItem,
  insertItem,
  removeValue,
  renameProperty,
  setValue,
  type EditTarget,
} from '../../../server/src/edits/pointerEdits';
import { EXAMPLE_OFFER_TEXT } from '../../support/offerHarness';

const RUNS = 400;
const SEED = Number(process.env.EQUIVALENCE_SEED ?? 20261202);

function target(text: string): EditTarget {
  return { document: OfferDocument.fromText(text), formatting: detectLayout(text) };
}

/** The text with the edits made, which must parse without a complaint. */
function edited(text: string, edits: OffsetEdit[] | undefined): string {
  assert.ok(edits, 'an edit');
  const result = applyEdits(text, edits);
  const errors: ParseError[] = [];
  parse(result, errors, { allowTrailingComma: true });
  assert.deepStrictEqual(errors, [], `the edited text parses:\n${result}`);
  return result;
}

/** Every comment of a text with where it starts. */
function comments(text: string): { text: string; offset: number }[] {
  const scanner = createScanner(text, false);
  const found: { text: string; offset: number }[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      found.push({ text: text.substr(scanner.getTokenOffset(), scanner.getTokenLength()), offset: scanner.getTokenOffset() });
    }
  }
  return found;
}

/** The comments of `text` outside `[start, end)`, as text. */
function commentsOutside(text: string, start: number, end: number): string[] {
  return comments(text)
    .filter((comment) => comment.offset < start || comment.offset >= end)
    .map((comment) => comment.text);
}

/** Plain data with `change` made at `path` (a copy). */
function changed(data: unknown, path: JSONPath, change: (parent: Record<string, unknown> | unknown[], last: string | number) => void): unknown {
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  let parent: unknown = copy;
  for (const segment of path.slice(0, -1)) {
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  change(parent as Record<string, unknown> | unknown[], path[path.length - 1]);
  return copy;
}

describe('the edit toolkit', () => {
  const layouts = [
    EXAMPLE_OFFER_TEXT,
    EXAMPLE_OFFER_TEXT.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t'),
    JSON.stringify(parse(EXAMPLE_OFFER_TEXT)),
    // One-line lists inside a pretty file.
    EXAMPLE_OFFER_TEXT.replace(/\[\s*("[^"]*")\s*\]/g, '[$1]'),
  ];
  const data = parse(EXAMPLE_OFFER_TEXT) as unknown;
  /** Every value's path, and every object's and array's. */
  const values: JSONPath[] = [];
  const objects: JSONPath[] = [];
  const arrays: { path: JSONPath; length: number }[] = [];
  const visit = (value: unknown, at: JSONPath) => {
    values.push(at);
    if (Array.isArray(value)) {
      arrays.push({ path: at, length: value.length });
      value.forEach((item, i) => visit(item, [...at, i]));
    } else if (value !== null && typeof value === 'object') {
      objects.push(at);
      Object.entries(value).forEach(([key, item]) => visit(item, [...at, key]));
    }
  };
  visit(data, []);
  const nonRoot = values.filter((path) => path.length > 0);
  const newValues = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({ subscriptionIds: [] }),
    fc.constant(['b24988ac-6180-42a0-ab88-20f7382dd24c']),
    fc.constant(['a', { b: [1, 2] }]),
    fc.constant({ principalId: 'x', roleDefinitionId: 'y', delegatedRoleDefinitionIds: ['z'] }),
  );
  const layout = fc.nat(layouts.length - 1);

  describe('in every layout of the example, at every place', () => {
    it('sets a value: the offer holds it, and every comment outside the old value stays', () => {
      fc.assert(
        fc.property(layout, fc.constantFrom(...nonRoot), newValues, (which, path, value) => {
          const text = layouts[which];
          const edits = target(text);
          const node = edits.document.nodeAt(path)!;
          const before = parse(text) as unknown;
          const result = edited(text, setValue(edits, path, value, present) ?? []);
          assert.deepStrictEqual(parse(result), changed(before, path, (parent, last) => ((parent as Record<string, unknown>)[last] = value)));
          assert.deepStrictEqual(comments(result).map((c) => c.text), commentsOutside(text, node.offset, node.offset + node.length));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });

    it('removes a value with its key and comma; comments beside it stay, the ones inside it go', () => {
      fc.assert(
        fc.property(layout, fc.constantFrom(...nonRoot), (which, path) => {
          const text = layouts[which];
          const edits = target(text);
          const node = edits.document.nodeAt(path)!;
          const holder = node.parent?.type === 'property' ? node.parent : node;
          const result = edited(text, removeValue(edits, path, present));
          const expected = changed(parse(text), path, (parent, last) =>
            Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last],
          );
          assert.deepStrictEqual(parse(result), expected);
          assert.deepStrictEqual(comments(result).map((c) => c.text), commentsOutside(text, holder.offset, holder.offset + holder.length));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });

    it('adds a property, last or after a given one, keeping every comment', () => {
      fc.assert(
        fc.property(layout, fc.constantFrom(...objects), newValues, fc.boolean(), (which, path, value, afterFirst) => {
          const text = layouts[which];
          const edits = target(text);
          const object = edits.document.nodeAt(path)!;
          const first = object.children?.[0]?.children?.[0]?.value as string | undefined;
          const result = edited(text, addProperty(edits, path, 'added', value, afterFirst && first ? { after: first } : {}));
          const offer = parse(result) as Record<string, unknown>;
          assert.deepStrictEqual(offer, changed(parse(text), [...path, 'added'], (parent, last) => ((parent as Record<string, unknown>)[last] = value)));
          const keys = Object.keys(path.reduce<Record<string, unknown>>((at, segment) => at[segment] as Record<string, unknown>, offer));
          assert.strictEqual(keys.indexOf('added'), afterFirst && first ? 1 : keys.length - 1, 'where the property went');
          assert.deepStrictEqual(comments(result).map((c) => c.text), comments(text).map((c) => c.text));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });

    it('inserts into an array at any index, keeping every comment', () => {
      fc.assert(
        fc.property(layout, fc.constantFrom(...arrays), newValues, fc.nat(), (which, { path, length }, value, seed) => {
          const text = layouts[which];
          const index = seed % (length + 1);
          const result = edited(text, insertItem(target(text), path, index, value));
          assert.deepStrictEqual(parse(result), changed(parse(text), [...path, index], (parent) => (parent as unknown[]).splice(index, 0, value)));
          assert.deepStrictEqual(comments(result).map((c) => c.text), comments(text).map((c) => c.text));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  });

  it('answers well-formed edits, or none, on every cut of a half-written offer', () => {
    fc.assert(
      fc.property(layout, fc.nat(), fc.nat(), newValues, fc.nat(4), (which, cut, pick, value, operation) => {
        const text = layouts[which].slice(0, cut % (layouts[which].length + 1));
        const edits = target(text);
        const paths: JSONPath[] = [];
        const walk = (node: ReturnType<typeof edits.document.nodeAt>, at: JSONPath) => {
          paths.push(at);
          (node?.children ?? []).forEach((child, i) => {
            if (node!.type === 'array') {
              walk(child, [...at, i]);
            } else if (child.children?.[0] && child.children[1]) {
              walk(child.children[1], [...at, child.children[0].value as string]);
            }
          });
        };
        walk(edits.document.root, []);
        const path = paths[pick % paths.length];
        const made = [
          () => setValue(edits, path, value, present),
          () => removeValue(edits, path, present),
          () => addProperty(edits, path, 'added', value),
          () => insertItem(edits, path, 0, value),
          () => appendItem(edits, [...path, 'list'], value),
        ][operation]();
        let reached = 0;
        for (const edit of made ?? []) {
          assert.ok(edit.offset >= reached && edit.length >= 0 && edit.offset + edit.length <= text.length, `${JSON.stringify(edit)} in ${text.length}`);
          reached = edit.offset + edit.length;
        }
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });

  describe('comments', () => {
    const text = [
      '{',
      '  "a": 1, // about a',
      '  /* about b */ "b": 2, // after b',
      '  "c": {',
      '    "d": true // about d',
      '  }',
      '}',
    ].join('\n');

    it('adds a property after the last one past its line comment, which stays on its line', () => {
      const result = edited(text, addProperty(target(text), ['c'], 'e', 'x'));
      assert.strictEqual(result, text.replace('"d": true // about d', '"d": true, // about d\n    "e": "x"'));
    });

    it('removes a property alone on its line with the line, and keeps the comments around it', () => {
      assert.strictEqual(edited(text, removeValue(target(text), ['a'], present)), text.replace('  "a": 1, // about a\n', '  // about a\n'));
      assert.strictEqual(edited(text, removeValue(target(text), ['b'], present)), text.replace('  /* about b */ "b": 2, // after b', '  /* about b */ // after b'));
      assert.strictEqual(
        edited(text, removeValue(target(text), ['c'], present)),
        ['{', '  "a": 1, // about a', '  /* about b */ "b": 2 // after b', '}'].join('\n'),
      );
    });

    it('replaces a value and leaves the comment after it', () => {
      assert.strictEqual(edited(text, setValue(target(text), ['c', 'd'], false, holds(true))), text.replace('"d": true', '"d": false'));
    });
  });

  describe('layout', () => {
    it('writes into a one-line list on its line, and removes from it without breaking the line', () => {
      const text = '{\n  "ids": ["a", "b", "c"],\n  "n": {"x": 1}\n}';
      assert.strictEqual(edited(text, appendItem(target(text), ['ids'], 'd')), text.replace('"c"]', '"c", "d"]'));
      assert.strictEqual(edited(text, insertItem(target(text), ['ids'], 0, 'z')), text.replace('["a"', '["z", "a"'));
      assert.strictEqual(edited(text, removeValue(target(text), ['ids', 1], holds('b'))), text.replace('"a", "b", "c"', '"a", "c"'));
      assert.strictEqual(edited(text, removeValue(target(text), ['ids', 0], holds('a'))), text.replace('"a", "b", "c"', '"b", "c"'));
      assert.strictEqual(edited(text, removeValue(target(text), ['ids', 2], holds('c'))), text.replace('"a", "b", "c"', '"a", "b"'));
      assert.strictEqual(edited(text, addProperty(target(text), ['n'], 'y', [1, { z: 2 }])), text.replace('{"x": 1}', '{"x": 1, "y": [1, {"z": 2}]}'));
    });

    it('puts a new value on its own line, indented like its neighbour, with the file\'s tabs and line ends', () => {
      const text = '{\r\n\t"plans": [\r\n\t\t{\r\n\t\t\t"planId": "a"\r\n\t\t}\r\n\t]\r\n}';
      assert.strictEqual(
        edited(text, appendItem(target(text), ['plans'], { planId: 'b', ids: ['x'] })),
        '{\r\n\t"plans": [\r\n\t\t{\r\n\t\t\t"planId": "a"\r\n\t\t},\r\n\t\t{\r\n\t\t\t"planId": "b",\r\n\t\t\t"ids": ["x"]\r\n\t\t}\r\n\t]\r\n}',
      );
    });

    it('fills an empty list on lines of its own, and empties a list of one', () => {
      const text = '{\n    "list": [],\n    "one": [\n        "x"\n    ]\n}';
      assert.strictEqual(edited(text, appendItem(target(text), ['list'], { a: 1 })), text.replace('"list": []', '"list": [\n        {\n            "a": 1\n        }\n    ]'));
      assert.strictEqual(edited(text, removeValue(target(text), ['one', 0], holds('x'))), text.replace('[\n        "x"\n    ]', '[]'));
    });

    it('makes the objects and arrays that lead to a new value', () => {
      const text = '{\n  "plans": [{"planId": "gold"}]\n}';
      const result = edited(text, appendItem(target(text), ['plans', 0, 'technicalConfiguration', 'authorizations'], { principalId: 'p' }));
      assert.deepStrictEqual(parse(result), { plans: [{ planId: 'gold', technicalConfiguration: { authorizations: [{ principalId: 'p' }] } }] });
      assert.strictEqual(appendItem(target('{"plans": "none"}'), ['plans'], 1), undefined, 'a value of another type is never replaced');
    });
  });

  describe('a stale edit offers nothing', () => {
    const text = '{\n  "offerId": "Contoso Ops",\n  "ids": ["a"]\n}';

    it('when the value reported is no longer there', () => {
      assert.strictEqual(setValue(target(text), ['offerId'], 'contoso-ops', holds('Contoso  Ops')), undefined);
      assert.strictEqual(setValue(target(text), ['gone'], 'x', present), undefined);
      assert.strictEqual(removeValue(target(text), ['ids', 0], holds('b')), undefined);
      assert.strictEqual(removeValue(target(text), ['ids', 1], present), undefined);
      assert.strictEqual(setValue(target(text), ['offerId'], 'x', absent), undefined);
    });

    it('when what it adds is already there, or where it adds is not an object or array', () => {
      assert.strictEqual(addProperty(target(text), [], 'offerId', 'x'), undefined);
      assert.strictEqual(addProperty(target(text), ['offerId'], 'x', 1), undefined);
      assert.strictEqual(insertItem(target(text), ['offerId'], 0, 1), undefined);
      assert.strictEqual(renameProperty(target(text), [], 'offerId', 'ids'), undefined, 'onto a key that is there');
      assert.strictEqual(renameProperty(target(text), [], 'alias', 'name'), undefined);
    });

    it('when it would change nothing', () => {
      assert.strictEqual(setValue(target(text), ['offerId'], 'Contoso Ops', present), undefined);
    });

    it('and two edits that overlap make no change together', () => {
      const edits = target(text);
      assert.strictEqual(combineEdits([setValue(edits, ['offerId'], 'a', present), removeValue(edits, ['offerId'], present)]), undefined);
      assert.strictEqual(combineEdits([setValue(edits, ['offerId'], 'a', present), undefined]), undefined);
    });
  });

  describe('hostile sizes: the edit is as small as what it changes', () => {
    /** An edit's reach: the characters it replaces and writes. */
    const reach = (edits: OffsetEdit[] | undefined) => (edits ?? []).reduce((sum, edit) => sum + edit.length + edit.content.length, 0);

    it('in a minified offer of one long line, and in a list of 20,000 items', () => {
      const items = Array.from({ length: 20_000 }, (_, i) => `id-${i}`);
      const text = JSON.stringify({ offerId: 'x'.repeat(200_000), ids: items, alias: 'a' });
      const edits = target(text);
      for (const edit of [
        appendItem(edits, ['ids'], 'new'),
        insertItem(edits, ['ids'], 10_000, 'new'),
        removeValue(edits, ['ids', 10_000], holds('id-10000')),
        removeValue(edits, ['alias'], holds('a')),
        addProperty(edits, [], 'name', 'n'),
        setValue(edits, ['alias'], 'b', holds('a')),
      ]) {
        assert.ok(reach(edit) > 0 && reach(edit) < 40, `an edit of ${reach(edit)} characters`);
        edited(text, edit);
      }
    });

    it('next to 200,000 blanks and a 200,000-character comment', () => {
      const blanks = ' '.repeat(200_000);
      const comment = '// ' + 'c'.repeat(200_000);
      const text = `{\n${blanks}"a": 1, ${comment}\n${blanks}"b": [${blanks}]\n}`;
      const edits = target(text);
      assert.ok(edited(text, addProperty(edits, [], 'c', 2)).endsWith(`"b": [${blanks}],\n${blanks}"c": 2\n}`), 'last, indented like its neighbour');
      assert.ok(edited(text, addProperty(edits, [], 'c', 2, { after: 'a' })).includes(`${comment}\n${blanks}"c": 2,\n${blanks}"b"`), 'after the comment');
      assert.ok(reach(removeValue(edits, ['a'], holds(1))) < 200_010, 'removing reads and removes the line, no more');
      assert.deepStrictEqual(parse(edited(text, removeValue(edits, ['a'], holds(1)))), { b: [] });
      assert.deepStrictEqual(parse(edited(text, appendItem(edits, ['b'], 1))), { a: 1, b: [1] });
    });
  });
});
