/**
 * What the cursor is writing: a property key of some object, or the value at some path (a
 * property's value or an array element), with the text a completion must replace. Found from the
 * document's tree (parsed once per version), so a completion costs a walk down the tree and a
 * scan of the few characters around the cursor, whatever the size of the offer.
 */
import { createScanner, findNodeAtOffset, getNodePath, JSONPath, Node, SyntaxKind } from 'jsonc-parser';
import type { OfferDocument } from '@core/model/offerDocument';

/** A stretch of the document's text, by offsets. */
export interface Span {
  offset: number;
  length: number;
}

interface SlotBase {
  /** What a completion replaces: the string's content, the key with its quotes, a bare word or nothing. */
  span: Span;
  /** What was typed there before the cursor (without quotes). */
  typed: string;
  /**
   * Separators the insertion needs so that the result still parses: where a comma must go after
   * the previous element (undefined: none needed), and whether one must follow the insertion.
   */
  commaBefore: number | undefined;
  commaAfter: boolean;
}

export interface KeySlot extends SlotBase {
  kind: 'key';
  object: Node;
  objectPath: JSONPath;
  /** The key being edited, when the cursor is in an existing key (it doesn't count as present). */
  editedKey: string | undefined;
  /** The key already has its `:` (and maybe a value): only the key is to be written. */
  hasColon: boolean;
  /** The span is a quoted key, quotes included. */
  quoted: boolean;
}

/** A value slot's fields that only some slots set. */
type ValueExtras = Pick<ValueSlot, 'replaced' | 'prefix' | 'quotedSpan'>;

const NO_EXTRAS: ValueExtras = { replaced: undefined, prefix: '', quotedSpan: false };

export interface ValueSlot extends SlotBase {
  kind: 'value';
  path: JSONPath;
  /** The object (for a property value) or array (for an element) that holds the value. */
  container: Node;
  /** The cursor is inside a string: insert the bare text, the quotes are there. */
  inQuotes: boolean;
  /** That string has no closing quote yet. */
  closeQuote: boolean;
  /** The span follows `:` directly: a space reads better before the value. */
  afterColon: boolean;
  /**
   * The value the completion replaces, when there is one (an existing string, number, literal):
   * in an array of unique choices it is the one choice that may come back.
   */
  replaced: Node | undefined;
  /** Text that the edit writes back before the value (the `[` of an array the cursor stood before). */
  prefix: string;
  /** The span is a whole quoted string, quotes included: what the editor filters by starts with `"`. */
  quotedSpan: boolean;
}

export type CursorSlot = KeySlot | ValueSlot;

/** Characters of a word typed without quotes (a bare `Contrib`, a half-typed key). */
const BARE_WORD_CHAR = /[^\s,:{}[\]"/]/;

export function cursorSlot(document: OfferDocument, offset: number): CursorSlot | undefined {
  const root = document.root;
  const text = document.getText();
  if (!root || offset <= root.offset || offset > root.offset + root.length) {
    return undefined;
  }
  const node = findNodeAtOffset(root, offset, true);
  if (!node) {
    return undefined;
  }
  const end = node.offset + node.length;

  if (node.type === 'string') {
    const terminated = isTerminated(text, node);
    const inside = offset > node.offset && (offset < end || (offset === end && !terminated));
    // Right before the opening quote or right after the closing one, the whole string is replaced.
    const touching = !inside && (offset === node.offset || (offset === end && terminated));
    if (!inside && !touching) {
      return undefined;
    }
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    if (property && property.children?.[0] === node) {
      const object = property.parent!;
      const hasColon = property.colonOffset !== undefined && property.colonOffset >= 0;
      const span = { offset: node.offset, length: node.length };
      return {
        kind: 'key',
        object,
        objectPath: getNodePath(object),
        editedKey: node.value as string,
        hasColon,
        quoted: true,
        span,
        typed: inside ? text.slice(node.offset + 1, offset) : '',
        // A key being written (no colon yet) becomes a whole property: it may need its commas.
        ...(hasColon ? { commaBefore: undefined, commaAfter: false } : separatorsAround(text, object, span)),
      };
    }
    const container = property ? property.parent : node.parent;
    if (!container) {
      return undefined;
    }
    if (touching) {
      return {
        ...valueSlot(text, getNodePath(node), container, { offset: node.offset, length: node.length }, offset, NO_SEPARATORS, {
          ...NO_EXTRAS,
          replaced: node,
          quotedSpan: true,
        }),
        // Nothing is typed yet: the cursor stands beside the string.
        typed: '',
      };
    }
    const contentEnd = terminated ? end - 1 : end;
    return {
      kind: 'value',
      path: getNodePath(node),
      container,
      inQuotes: true,
      closeQuote: !terminated,
      afterColon: false,
      span: { offset: node.offset + 1, length: contentEnd - node.offset - 1 },
      typed: text.slice(node.offset + 1, offset),
      commaBefore: undefined,
      commaAfter: false,
      ...NO_EXTRAS,
      replaced: node,
    };
  }

  if (node.type === 'number' || node.type === 'boolean' || node.type === 'null') {
    // A literal being retyped (`tru`, `nul` parse as nothing; `1` does): replace it whole.
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    const container = property ? property.parent : node.parent;
    if (!container) {
      return undefined;
    }
    return valueSlot(text, getNodePath(node), container, { offset: node.offset, length: node.length }, offset, NO_SEPARATORS, {
      ...NO_EXTRAS,
      replaced: node,
    });
  }

  if (node.type === 'property') {
    return propertyValueSlot(text, node, offset);
  }

  const isOpen = offset === end && !isClosed(text, node);
  if ((node.type !== 'object' && node.type !== 'array') || (offset >= end && !isOpen)) {
    return undefined;
  }
  if (offset === node.offset) {
    // Before `[`, an item goes first inside the array (the edit writes the bracket back before
    // it); before `{` nothing is being written.
    return node.type === 'array' && node.parent ? firstItemSlot(text, node) : undefined;
  }
  const children = node.children ?? [];
  // The last child before the cursor may be a property whose value is missing, with the cursor
  // after its colon: `"visibility": |`.
  let last: Node | undefined;
  for (const child of children) {
    if (child.offset < offset) {
      last = child;
    }
  }
  if (
    last?.type === 'property' &&
    (last.children?.length ?? 0) < 2 &&
    last.colonOffset !== undefined &&
    last.colonOffset >= 0 &&
    last.colonOffset < offset &&
    // After the comma that follows it (`"offerType": ,‸`), the next key is being written.
    !commaBetween(text, last.colonOffset + 1, offset)
  ) {
    return propertyValueSlot(text, last, offset);
  }
  if (inComment(text, gapStart(node, offset), offset)) {
    return undefined;
  }
  const span = bareWordAround(text, offset);
  const separators = separatorsAround(text, node, span);
  if (node.type === 'object') {
    return {
      kind: 'key',
      object: node,
      objectPath: getNodePath(node),
      editedKey: undefined,
      hasColon: false,
      quoted: false,
      span,
      typed: text.slice(span.offset, offset),
      ...separators,
    };
  }
  const index = children.filter((child) => child.offset + child.length <= span.offset).length;
  return valueSlot(text, [...getNodePath(node), index], node, span, offset, separators);
}

function propertyValueSlot(text: string, property: Node, offset: number): ValueSlot | undefined {
  const key = property.children?.[0];
  const object = property.parent;
  if (
    !key ||
    !object ||
    property.colonOffset === undefined ||
    property.colonOffset < 0 ||
    offset <= property.colonOffset ||
    inComment(text, property.colonOffset + 1, offset)
  ) {
    return undefined;
  }
  const path = [...getNodePath(object), key.value as string];
  const value = property.children?.[1];
  if (value && value.offset >= offset) {
    return slotBeforeValue(text, path, object, value, offset);
  }
  const span = bareWordAround(text, offset);
  // Only blanks and comments between the colon and the word: not past the object's `}`, which a
  // property without a value may stretch over in the parser's recovery.
  if (span.offset <= property.colonOffset || !onlyTriviaBetween(text, property.colonOffset + 1, span.offset)) {
    return undefined;
  }
  const after = separatorsAround(text, object, { offset: property.offset, length: span.offset + span.length - property.offset });
  return valueSlot(text, path, object, span, offset, {
    commaBefore: undefined,
    commaAfter: after.commaAfter,
  });
}

/**
 * The cursor between a property's `:` and its value (`"destination":‸ "https"`): the value is
 * replaced, from the cursor on (an editor's completion range must hold the cursor). Not an object
 * or array, which the user would lose whole; not a value on a later line, unless it is really the
 * next property's key that the parser took for this value (`"visibility": ⏎ "privateAudience": {`),
 * when the value is written at the cursor.
 */
function slotBeforeValue(text: string, path: JSONPath, object: Node, value: Node, offset: number): ValueSlot | undefined {
  if (value.type === 'object' || value.type === 'array') {
    return undefined;
  }
  const between = text.slice(offset, value.offset);
  if (!/[\r\n]/.test(between)) {
    if (/[^ \t]/.test(between)) {
      return undefined; // a comment between
    }
    return valueSlot(text, path, object, { offset, length: value.offset + value.length - offset }, offset, NO_SEPARATORS, {
      ...NO_EXTRAS,
      replaced: value,
      quotedSpan: value.type === 'string',
    });
  }
  const lineEnd = text.indexOf('\n', offset);
  const scanner = createScanner(text, true);
  scanner.setPosition(value.offset + value.length);
  if (scanner.scan() !== SyntaxKind.ColonToken || !/^[ \t\r]*$/.test(text.slice(offset, lineEnd === -1 ? text.length : lineEnd))) {
    return undefined;
  }
  return valueSlot(text, path, object, { offset, length: 0 }, offset, { commaBefore: undefined, commaAfter: true });
}

const NO_SEPARATORS = { commaBefore: undefined, commaAfter: false };

function valueSlot(
  text: string,
  path: JSONPath,
  container: Node,
  span: Span,
  offset: number,
  separators: { commaBefore: number | undefined; commaAfter: boolean },
  extras: ValueExtras = NO_EXTRAS,
): ValueSlot {
  return {
    kind: 'value',
    path,
    container,
    inQuotes: false,
    closeQuote: false,
    afterColon: text[span.offset - 1] === ':',
    span,
    typed: text.slice(span.offset, offset),
    ...separators,
    ...extras,
  };
}

/** The cursor right before an array's `[`: a new first item, written just inside the bracket. */
function firstItemSlot(text: string, array: Node): ValueSlot {
  const hasItems = (array.children?.length ?? 0) > 0;
  return {
    ...valueSlot(text, [...getNodePath(array), 0], array, { offset: array.offset, length: 1 }, array.offset, {
      commaBefore: undefined,
      commaAfter: hasItems,
    }),
    afterColon: false,
    prefix: '[',
  };
}

function isTerminated(text: string, node: Node): boolean {
  return node.length >= 2 && text[node.offset + node.length - 1] === '"';
}

function isClosed(text: string, node: Node): boolean {
  return text[node.offset + node.length - 1] === (node.type === 'object' ? '}' : ']');
}

/** The bare word around the cursor (possibly empty): what the user typed without quotes. */
function bareWordAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && BARE_WORD_CHAR.test(text[start - 1])) {
    start--;
  }
  let end = offset;
  while (end < text.length && BARE_WORD_CHAR.test(text[end])) {
    end++;
  }
  return { offset: start, length: end - start };
}

/** Where the blank stretch before the cursor starts: after the previous child, or after the bracket. */
function gapStart(container: Node, offset: number): number {
  let start = container.offset + 1;
  for (const child of container.children ?? []) {
    const childEnd = child.offset + child.length;
    if (childEnd <= offset && childEnd > start) {
      start = childEnd;
    }
  }
  return start;
}

/** Whether `offset` lies inside a comment that starts between `from` and `offset`. */
function inComment(text: string, from: number, offset: number): boolean {
  const scanner = createScanner(text, false);
  scanner.setPosition(from);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const start = scanner.getTokenOffset();
    if (start >= offset) {
      return false;
    }
    const end = start + scanner.getTokenLength();
    if (token === SyntaxKind.LineCommentTrivia && offset <= end) {
      return true;
    }
    if (token === SyntaxKind.BlockCommentTrivia && offset < end) {
      return true;
    }
  }
  return false;
}

/**
 * Whether an insertion at `span` inside `container` needs a comma before it (the previous
 * element has none after it) or after it (something follows with no comma between). What
 * follows is read from the text, not the tree: the parser's recovery from the half-typed
 * insertion may have swallowed the next element.
 */
function separatorsAround(text: string, container: Node, span: Span): { commaBefore: number | undefined; commaAfter: boolean } {
  let previous: Node | undefined;
  for (const child of container.children ?? []) {
    if (child.offset + child.length <= span.offset) {
      previous = child;
    }
  }
  const scanner = createScanner(text, true);
  scanner.setPosition(span.offset + span.length);
  const next = scanner.scan();
  const endsHere = [SyntaxKind.CommaToken, SyntaxKind.CloseBraceToken, SyntaxKind.CloseBracketToken, SyntaxKind.ColonToken, SyntaxKind.EOF];
  return {
    commaBefore:
      previous !== undefined && !commaBetween(text, previous.offset + previous.length, span.offset)
        ? previous.offset + previous.length
        : undefined,
    commaAfter: !endsHere.includes(next),
  };
}

function onlyTriviaBetween(text: string, from: number, to: number): boolean {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  const token = scanner.scan();
  return token === SyntaxKind.EOF || scanner.getTokenOffset() >= to;
}

function commaBetween(text: string, from: number, to: number): boolean {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF && scanner.getTokenOffset() < to; token = scanner.scan()) {
    if (token === SyntaxKind.CommaToken) {
      return true;
    }
  }
  return false;
}
