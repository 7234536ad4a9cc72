/**
 * The edit toolkit: every quick fix and every edit of the plans tree changes an offer through
 * these functions (set, add, insert, append, remove, rename at a JSON path).
 *
 * - The place is found in the tree the document already has, and only the blanks, commas and
 *   comments next to it are read (textLayout.ts): an edit costs what it touches, whatever the size
 *   of the offer. Nothing parses or formats the whole text again, as jsonc-parser's `modify` does.
 * - Comments stay. What is inside the value changed or removed goes with it; a comment beside it
 *   stays where it is, and a value added after a property goes after that property's line comment
 *   (`"roleDefinitionId": "…" // Contributor` keeps its comment on its line).
 * - The file's layout is followed: a new value goes on its own line, indented like its neighbour,
 *   in the file's indentation unit and line ending; inside an object or array written on one line
 *   it goes on that line.
 * - A stale edit offers nothing: each function is told what it must find at its place (an
 *   {@link Expectation}, or the object or array it adds to) and answers undefined when that is no
 *   longer there. An edit that would do nothing answers undefined too.
 *
 * The edits are offsets in the document's text (offsetEdits.ts turns them into LSP edits, and
 * joins several into one change).
 */
import type { JSONPath, Node } from 'jsonc-parser';
import { indexOfChild, keyNode, propertyNamed } from '@core/model/nodes';
import type { OfferDocument } from '@core/model/offerDocument';
import type { TextLayout } from '../features/formatting';
import { absent, type Expectation } from './expectations';
import type { OffsetEdit } from './offsetEdits';
import {
  afterBlanks,
  blanksBefore,
  indentationBefore,
  indentUnit,
  isWhiteSpace,
  isWhiteSpaceOrCommas,
  lineAfter,
  nextComma,
  restOfLine,
  startsOwnLine,
  writeValue,
} from './textLayout';

/** The document to edit and its layout (a quick fix's FixContext is one). */
export interface EditTarget {
  readonly document: OfferDocument;
  /** The file's indentation and line ending (features/formatting.ts `detectLayout`). */
  readonly formatting: TextLayout;
}

/**
 * Puts `value` at `path`: replaces the value there, or, when there is none, adds it to the
 * deepest object or array of the path that exists, with the objects and arrays between made
 * around it (a trailing -1 or an index past the end appends to an array).
 */
export function setValue(target: EditTarget, path: JSONPath, value: unknown, expected: Expectation): OffsetEdit[] | undefined {
  const node = target.document.nodeAt(path);
  if (!expected(node) || value === undefined) {
    return undefined;
  }
  return node ? replaceNode(target, node, value) : create(target, path, value);
}

/** Removes the value at `path` (a property with its key, or an array item) and the comma that separated it. */
export function removeValue(target: EditTarget, path: JSONPath, expected: Expectation): OffsetEdit[] | undefined {
  const node = path.length > 0 ? target.document.nodeAt(path) : undefined;
  if (!node || !expected(node)) {
    return undefined;
  }
  const holder = node.parent?.type === 'property' ? node.parent : node;
  const container = holder.parent;
  return container && (container.type === 'object' || container.type === 'array') ? removeChild(target.document.getText(), container, holder) : undefined;
}

/**
 * Adds `"key": value` to the object at `objectPath`: after the property `after` when it has one,
 * else last. Undefined when there is no such object or it already has the key.
 */
export function addProperty(
  target: EditTarget,
  objectPath: JSONPath,
  key: string,
  value: unknown,
  options: { after?: string } = {},
): OffsetEdit[] | undefined {
  const object = target.document.nodeAt(objectPath);
  if (object?.type !== 'object' || keyNode(object, key) !== undefined || value === undefined) {
    return undefined;
  }
  const properties = object.children ?? [];
  const after = options.after === undefined ? undefined : propertyNamed(object, options.after);
  const index = after ? indexOfChild(properties, after) + 1 : properties.length;
  return insertChild(target, object, index, (indentation) => `${JSON.stringify(key)}: ${writeValue(value, indentation, target.formatting)}`);
}

/** Inserts `value` into the array at `arrayPath` before the item at `index` (at the end when past it). */
export function insertItem(target: EditTarget, arrayPath: JSONPath, index: number, value: unknown): OffsetEdit[] | undefined {
  const array = target.document.nodeAt(arrayPath);
  if (array?.type !== 'array' || value === undefined) {
    return undefined;
  }
  const items = array.children ?? [];
  const at = index < 0 || index > items.length ? items.length : index;
  return insertChild(target, array, at, (indentation) => writeValue(value, indentation, target.formatting));
}

/** Appends `value` to the array at `arrayPath`, or makes that array (and what leads to it) when there is none. */
export function appendItem(target: EditTarget, arrayPath: JSONPath, value: unknown): OffsetEdit[] | undefined {
  const array = target.document.nodeAt(arrayPath);
  if (!array) {
    return setValue(target, arrayPath, [value], absent);
  }
  return insertItem(target, arrayPath, -1, value);
}

/**
 * Renames the property `from` of the object at `objectPath` to `to`: only the key's text changes,
 * so the value, its comments and the order of the properties stay. Undefined when `from` is not
 * there or `to` already is (renaming onto it would make a duplicate key).
 */
export function renameProperty(target: EditTarget, objectPath: JSONPath, from: string, to: string): OffsetEdit[] | undefined {
  const object = target.document.nodeAt(objectPath);
  const key = keyNode(object, from);
  if (!key || from === to || keyNode(object, to) !== undefined) {
    return undefined;
  }
  return [{ offset: key.offset, length: key.length, content: JSON.stringify(to) }];
}

/** The node replaced by `value`, written for its place (its own line, or inside a one-line container). */
function replaceNode(target: EditTarget, node: Node, value: unknown): OffsetEdit[] | undefined {
  const text = target.document.getText();
  const holder = node.parent?.type === 'property' ? node.parent : node;
  const indentation = holder.parent === undefined || startsOwnLine(text, holder.offset) ? indentationBefore(text, holder.offset) : undefined;
  const content = writeValue(value, indentation, target.formatting);
  return content === text.substr(node.offset, node.length) ? undefined : [{ offset: node.offset, length: node.length, content }];
}

/** `value` put at a `path` that leads nowhere yet, in the deepest object or array of it that exists. */
function create(target: EditTarget, path: JSONPath, value: unknown): OffsetEdit[] | undefined {
  let depth = path.length;
  let wrapped = value;
  let parent: Node | undefined;
  while (depth > 0) {
    parent = target.document.nodeAt(path.slice(0, depth - 1));
    if (parent) {
      break;
    }
    const segment = path[depth - 1];
    wrapped = typeof segment === 'string' ? { [segment]: wrapped } : [wrapped];
    depth--;
  }
  const segment = path[depth - 1];
  const parentPath = path.slice(0, depth - 1);
  if (parent?.type === 'object' && typeof segment === 'string') {
    return addProperty(target, parentPath, segment, wrapped);
  }
  if (parent?.type === 'array' && typeof segment === 'number') {
    return insertItem(target, parentPath, segment, wrapped);
  }
  return undefined;
}

/**
 * An insertion into an object or array before its child at `index`, `write` giving the child's
 * text for an indentation (undefined: on one line). The neighbour decides the layout: after a
 * child that starts its own line the new one gets a line of its own, indented the same; after
 * one that shares its line with others the new one joins that line.
 */
function insertChild(target: EditTarget, container: Node, index: number, write: (indentation: string | undefined) => string): OffsetEdit[] {
  const text = target.document.getText();
  const { eol } = target.formatting;
  const children = container.children ?? [];
  if (children.length === 0) {
    return insertIntoEmpty(target, container, write);
  }
  if (index === 0) {
    const first = children[0];
    if (!startsOwnLine(text, first.offset)) {
      return [{ offset: first.offset, length: 0, content: write(undefined) + ', ' }];
    }
    const indentation = indentationBefore(text, first.offset);
    return [{ offset: first.offset - indentation.length, length: 0, content: indentation + write(indentation) + ',' + eol }];
  }
  const previous = children[index - 1];
  const previousEnd = previous.offset + previous.length;
  if (!startsOwnLine(text, previous.offset)) {
    return [{ offset: previousEnd, length: 0, content: ', ' + write(undefined) }];
  }
  const indentation = indentationBefore(text, previous.offset);
  const child = write(indentation);
  const hasNext = index < children.length;
  const after = lineAfter(text, previousEnd);
  if (after.comma !== undefined) {
    // `previous, // comment` ⏎ new: after the comment, so that it stays on the line it describes.
    return [{ offset: after.lineEnd, length: 0, content: eol + indentation + child + (hasNext ? ',' : '') }];
  }
  // The comma after `previous` is on a later line (it now follows the new child), or nothing
  // follows `previous` on its line: the new child goes right after it.
  if (hasNext || nextComma(text, previousEnd) !== undefined || after.lineEnd === previousEnd) {
    return [{ offset: previousEnd, length: 0, content: ',' + eol + indentation + child }];
  }
  return [
    { offset: previousEnd, length: 0, content: ',' },
    { offset: after.lineEnd, length: 0, content: eol + indentation + child },
  ];
}

/** The first child of an empty object or array: on lines of its own unless the container sits inside a line. */
function insertIntoEmpty(target: EditTarget, container: Node, write: (indentation: string | undefined) => string): OffsetEdit[] {
  const text = target.document.getText();
  const { eol } = target.formatting;
  const open = container.offset;
  const close = closingBracket(text, container);
  const holder = container.parent?.type === 'property' ? container.parent : container;
  const blank = isWhiteSpace(text, open + 1, close);
  if (holder.parent !== undefined && !startsOwnLine(text, holder.offset)) {
    return [{ offset: open + 1, length: blank ? close - open - 1 : 0, content: write(undefined) }];
  }
  const indentation = indentationBefore(text, holder.offset);
  const inner = indentation + indentUnit(target.formatting);
  const child = write(inner);
  if (blank) {
    return [{ offset: open + 1, length: close - open - 1, content: eol + inner + child + eol + indentation }];
  }
  // Comments inside: they stay, the child goes on a line before the closing bracket.
  if (startsOwnLine(text, close)) {
    return [{ offset: close - blanksBefore(text, close), length: 0, content: inner + child + eol }];
  }
  return [{ offset: close, length: 0, content: eol + inner + child + eol + indentation }];
}

/**
 * The removal of a property or item with the comma that separated it. Alone on its line(s), its
 * lines go; inside a line, the child goes with the blanks before it. A comment beside it (on its
 * line, before or after it) stays; one inside it goes.
 */
function removeChild(text: string, container: Node, child: Node): OffsetEdit[] {
  const siblings = container.children ?? [];
  const index = indexOfChild(siblings, child);
  const start = child.offset;
  const end = child.offset + child.length;
  const open = container.offset;
  const close = closingBracket(text, container);
  if (siblings.length === 1 && isWhiteSpaceOrCommas(text, open + 1, start) && isWhiteSpaceOrCommas(text, end, close)) {
    // The only child, with nothing else inside: the container is left empty, `[]` or `{}`.
    return [{ offset: open + 1, length: close - open - 1, content: '' }];
  }
  const ownLine = startsOwnLine(text, start);
  const rest = ownLine ? restOfLine(text, end) : undefined;
  if (rest) {
    // Its lines go, with its comma when that ends the last of them.
    const lineStart = start - blanksBefore(text, start);
    const removal = { offset: lineStart, length: rest.end - lineStart, content: '' };
    return rest.comma ? [removal] : [...previousCommaRemoval(text, siblings, index), removal];
  }
  const ownComma = nextComma(text, end);
  if (ownComma !== undefined) {
    // The comma after it goes with the blanks after that: `["a", "b", "c"]` becomes `["a", "c"]`.
    return [
      { offset: start, length: end - start, content: '' },
      { offset: ownComma, length: afterBlanks(text, ownComma + 1) - ownComma, content: '' },
    ];
  }
  // The last one: the blanks before it go (inside a line), and the comma before them.
  const from = ownLine ? start : start - blanksBefore(text, start);
  return [...previousCommaRemoval(text, siblings, index), { offset: from, length: end - from, content: '' }];
}

/**
 * Where the closing bracket of an object or array is; in a half-written offer whose last one is
 * not closed, the end of what was parsed of it.
 */
function closingBracket(text: string, container: Node): number {
  const end = container.offset + container.length;
  const bracket = container.type === 'object' ? 0x7d : 0x5d;
  return container.length >= 2 && text.charCodeAt(end - 1) === bracket ? end - 1 : end;
}

/** The comma after the sibling before `index`, when there is one. */
function previousCommaRemoval(text: string, siblings: Node[], index: number): OffsetEdit[] {
  const previous = index > 0 ? siblings[index - 1] : undefined;
  const comma = previous ? nextComma(text, previous.offset + previous.length) : undefined;
  return comma === undefined ? [] : [{ offset: comma, length: 1, content: '' }];
}
