import { format, type Edit, type FormattingOptions, type JSONPath, type ModificationOptions, type Node } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { OfferDocument } from '@core/model/offerDocument';
import { indexOfChild, nodeAtPath } from '@core/model/nodes';

/** jsonc-parser's offset edits as LSP text edits on the document. */
export function editsToTextEdits(document: OfferDocument, edits: Edit[]): TextEdit[] {
  return edits.map((edit) => ({ range: document.rangeAt(edit.offset, edit.length), newText: edit.content }));
}

/**
 * Sets, inserts or removes (`value` undefined) the value at `path`, formatted like the lines
 * around it: what jsonc-parser's `modify(text, path, value, { formattingOptions })` answers, at
 * the cost of the lines the edit touches. `modify` parses the whole text again and formats a
 * copy of all of it, so every quick fix cost a parse of the offer, and a thousand fixes (a
 * light-bulb request over a selection, fix-all) a thousand parses. This one finds the place in
 * the tree the document already has, and formats only a copy of the edited lines.
 *
 * Missing objects and arrays along the path are created, as `modify` does. A line longer than
 * {@link MAX_FORMATTED_LINES} (a minified offer) is left unformatted: the edit is then the bare
 * JSON, which is how such a file is written anyway.
 */
export function modifyAt(
  document: OfferDocument,
  path: JSONPath,
  value: unknown,
  formatting: FormattingOptions,
  options: Pick<ModificationOptions, 'getInsertionIndex' | 'isArrayInsertion'> = {},
): Edit[] {
  const edit = rawEdit(document, path, value, options);
  return edit ? [formatLocally(document.getText(), edit, formatting)] : [];
}

/** The unformatted edit: the new JSON text put where the path leads. */
function rawEdit(
  document: OfferDocument,
  path: JSONPath,
  value: unknown,
  options: Pick<ModificationOptions, 'getInsertionIndex' | 'isArrayInsertion'>,
): Edit | undefined {
  const root = document.root;
  // The deepest node of the path that exists; the value grows the objects and arrays that don't.
  let depth = path.length;
  let parent: Node | undefined;
  let wrapped = value;
  while (depth > 0) {
    parent = document.nodeAt(path.slice(0, depth - 1));
    if (parent || wrapped === undefined) {
      break;
    }
    const segment = path[depth - 1];
    wrapped = typeof segment === 'string' ? { [segment]: wrapped } : [wrapped];
    depth--;
  }
  if (!parent) {
    if (wrapped === undefined) {
      throw new Error('Nothing to remove at this path'); // as modify says it
    }
    return { offset: root?.offset ?? 0, length: root?.length ?? 0, content: JSON.stringify(wrapped) };
  }
  const segment = path[depth - 1];
  const children = parent.children ?? [];
  if (parent.type === 'object' && typeof segment === 'string') {
    return objectEdit(parent, children, segment, wrapped, options);
  }
  if (parent.type === 'array' && typeof segment === 'number') {
    return arrayEdit(parent, children, segment, wrapped, options);
  }
  throw new Error(`Can not set ${typeof segment === 'number' ? 'an index' : 'a property'} in a ${parent.type}`);
}

function objectEdit(
  object: Node,
  properties: Node[],
  key: string,
  value: unknown,
  options: Pick<ModificationOptions, 'getInsertionIndex'>,
): Edit | undefined {
  // The first property of that name with a value, as jsonc-parser's findNodeAtLocation finds it
  // (through the object's index: a fix per key of an object of thousands must not search each).
  const valueNode = nodeAtPath(object, [key]);
  const property = valueNode?.parent;
  const index = property ? indexOfChild(properties, property) : -1;
  if (property && value !== undefined) {
    const existing = property.children![1];
    return { offset: existing.offset, length: existing.length, content: JSON.stringify(value) };
  }
  if (property) {
    // Removed with the comma before it, or the one after it when it is the first.
    const end = property.offset + property.length;
    if (index > 0) {
      const previous = properties[index - 1];
      return { offset: previous.offset + previous.length, length: end - previous.offset - previous.length, content: '' };
    }
    const removeTo = properties.length > 1 ? properties[1].offset : end;
    return { offset: object.offset + 1, length: removeTo - object.offset - 1, content: '' };
  }
  if (value === undefined) {
    return undefined;
  }
  const text = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const at = options.getInsertionIndex ? options.getInsertionIndex(properties.map((p) => p.children![0].value as string)) : properties.length;
  if (at > 0) {
    const previous = properties[at - 1];
    return { offset: previous.offset + previous.length, length: 0, content: ',' + text };
  }
  return { offset: object.offset + 1, length: 0, content: properties.length === 0 ? text : text + ',' };
}

function arrayEdit(array: Node, items: Node[], index: number, value: unknown, options: Pick<ModificationOptions, 'isArrayInsertion'>): Edit | undefined {
  const text = JSON.stringify(value);
  if (index === -1) {
    if (value === undefined) {
      return undefined;
    }
    const last = items[items.length - 1];
    return last ? { offset: last.offset + last.length, length: 0, content: ',' + text } : { offset: array.offset + 1, length: 0, content: text };
  }
  if (value === undefined) {
    const item = items[index];
    if (!item) {
      return undefined;
    }
    if (items.length === 1) {
      return { offset: array.offset + 1, length: array.length - 2, content: '' };
    }
    if (index === items.length - 1) {
      const previous = items[index - 1];
      const from = previous.offset + previous.length;
      return { offset: from, length: array.offset + array.length - 2 - from, content: '' };
    }
    return { offset: item.offset, length: items[index + 1].offset - item.offset, content: '' };
  }
  if (!options.isArrayInsertion && index < items.length) {
    return { offset: items[index].offset, length: items[index].length, content: text };
  }
  if (items.length === 0 || index === 0) {
    return { offset: array.offset + 1, length: 0, content: items.length === 0 ? text : text + ',' };
  }
  const previous = items[Math.min(index, items.length) - 1];
  return { offset: previous.offset + previous.length, length: 0, content: ',' + text };
}

/** Past this many characters, the lines around an edit are not formatted (see `modifyAt`). */
export const MAX_FORMATTED_LINES = 20_000;

/**
 * The edit with the lines it touches formatted, as one edit. jsonc-parser's formatter, given a
 * range, reads only the lines that hold it: so it is given a copy of just those lines, and its
 * answer is the same as on the whole text.
 */
function formatLocally(text: string, edit: Edit, formatting: FormattingOptions): Edit {
  const windowStart = lineStartBefore(text, edit.offset, MAX_FORMATTED_LINES);
  const windowEnd = lineEndAfter(text, edit.offset + edit.length, MAX_FORMATTED_LINES);
  if (windowStart === undefined || windowEnd === undefined) {
    return edit;
  }
  const window = text.slice(windowStart, windowEnd);
  const at = edit.offset - windowStart;
  let edited = window.slice(0, at) + edit.content + window.slice(at + edit.length);
  let begin = at;
  let end = at + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    // An insertion or a removal: its whole lines are formatted (the window is those lines).
    begin = 0;
    while (end < edited.length && !isLineBreak(edited.charCodeAt(end))) {
      end++;
    }
  }
  const formatEdits = format(edited, { offset: begin, length: end - begin }, { ...formatting, keepLines: false });
  for (let i = formatEdits.length - 1; i >= 0; i--) {
    const { offset, length, content } = formatEdits[i];
    edited = edited.slice(0, offset) + content + edited.slice(offset + length);
    begin = Math.min(begin, offset);
    end = Math.max(end, offset + length) + content.length - length;
  }
  return { offset: windowStart + begin, length: window.length - (edited.length - end) - begin, content: edited.slice(begin, end) };
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** Where the line holding `offset` starts, or undefined when that is more than `limit` back. */
function lineStartBefore(text: string, offset: number, limit: number): number | undefined {
  for (let i = offset; i > 0; i--) {
    if (isLineBreak(text.charCodeAt(i - 1))) {
      return i;
    }
    if (offset - i >= limit) {
      return undefined;
    }
  }
  return 0;
}

/** Where the line holding `offset` ends (before its line break), or undefined past `limit`. */
function lineEndAfter(text: string, offset: number, limit: number): number | undefined {
  for (let i = offset; i < text.length; i++) {
    if (isLineBreak(text.charCodeAt(i))) {
      return i;
    }
    if (i - offset >= limit) {
      return undefined;
    }
  }
  return text.length;
}
