/**
 * Edits for this group's quick fixes. Values are set with jsonc-parser's `modify`, which keeps
 * comments, order and indentation. Adding or removing a property is done here instead, because
 * `modify` moves or drops the line comment that follows the neighbouring property
 * (`"roleDefinitionId": "…", // User Access Administrator`), and such comments name the role.
 * A diagnostic can come back from the editor after the text changed: `valueAt` lets a fix check
 * that what it reported is still there before offering anything.
 */
import { createScanner, getNodeValue, SyntaxKind, type JSONPath } from 'jsonc-parser';
import { fromPointer } from '@core/model/jsonPointer';
import type { OfferDocument } from '@core/model/offerDocument';
import { editsToTextEdits, modifyAt } from '../fixEdits';
import type { FixContext, QuickFix } from '../rule';

interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

/** The value at a JSON pointer of the fix's document (undefined when there is nothing there). */
export function valueAt(context: FixContext, pointer: string): unknown {
  const node = context.document.nodeAt(fromPointer(pointer));
  return node ? getNodeValue(node) : undefined;
}

/** Replaces the value at `path` (which exists). */
export function setValueFix(context: FixContext, path: JSONPath, value: unknown, title: string, isPreferred: boolean): QuickFix {
  const edits = modifyAt(context.document, path, value, context.formatting);
  return { title, edits: editsToTextEdits(context.document, edits), isPreferred };
}

/** Appends an element to the array at `arrayPath`. */
export function appendFix(context: FixContext, arrayPath: JSONPath, element: unknown, title: string): QuickFix {
  const edits = modifyAt(context.document, [...arrayPath, -1], element, context.formatting, { isArrayInsertion: true });
  return { title, edits: editsToTextEdits(context.document, edits), isPreferred: false };
}

/**
 * Adds `"key": value` as the last property of the object at `objectPath`, on its own line with
 * the indentation of the property before it; a comment at the end of that property's line stays
 * on that line.
 */
export function addPropertyFix(
  context: FixContext,
  objectPath: JSONPath,
  key: string,
  value: unknown,
  title: string,
  isPreferred: boolean,
): QuickFix | undefined {
  const { document } = context;
  const object = document.nodeAt(objectPath);
  const last = object?.type === 'object' ? object.children?.[object.children.length - 1] : undefined;
  if (!object || object.type !== 'object') {
    return undefined;
  }
  if (!last) {
    return setValueFix(context, [...objectPath, key], value, title, isPreferred);
  }
  const text = document.getText();
  const lastEnd = last.offset + last.length;
  const after = scanLineAfter(text, lastEnd);
  if (after.comma === undefined && nextComma(text, lastEnd) !== undefined) {
    // A trailing comma on a later line: rare enough to leave to jsonc-parser.
    return setValueFix(context, [...objectPath, key], value, title, isPreferred);
  }
  const edits: OffsetEdit[] = [];
  if (after.comma === undefined) {
    edits.push({ offset: lastEnd, length: 0, content: ',' });
  }
  const property = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  edits.push({ offset: after.lineEnd, length: 0, content: context.formatting.eol + indentationOf(text, last.offset) + property });
  return { title, edits: toTextEdits(document, edits), isPreferred };
}

/**
 * Removes the property whose value is at `valuePath`, with its line when it has one to itself,
 * and the comma that separated it, leaving every comment around it in place.
 */
export function removePropertyFix(context: FixContext, valuePath: JSONPath, title: string, isPreferred: boolean): QuickFix | undefined {
  const { document } = context;
  const property = document.nodeAt(valuePath)?.parent;
  const siblings = property?.parent?.children;
  if (!property || property.type !== 'property' || !siblings) {
    return undefined;
  }
  const text = document.getText();
  const end = property.offset + property.length;
  const lineStart = text.lastIndexOf('\n', property.offset - 1) + 1;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, property.offset));
  // The rest of its line: maybe its comma, then the line break (a comment there is kept).
  const lineEnd = text.indexOf('\n', end);
  const restOfLine = /^[ \t]*(,)?[ \t]*\r?\n?$/.exec(text.slice(end, lineEnd === -1 ? text.length : lineEnd + 1));
  const edits: OffsetEdit[] = [];
  let commaRemoved = false;
  if (alone && restOfLine) {
    edits.push({ offset: lineStart, length: end + restOfLine[0].length - lineStart, content: '' });
    commaRemoved = restOfLine[1] !== undefined;
  } else {
    // Inside a line, with the blanks before it, so that `"a": 1, "b": 2}` becomes `"a": 1}`.
    const start = alone ? property.offset : property.offset - /[ \t]*$/.exec(text.slice(lineStart, property.offset))![0].length;
    edits.push({ offset: start, length: end - start, content: '' });
  }
  if (!commaRemoved) {
    const ownComma = nextComma(text, end);
    const previous = siblings[siblings.indexOf(property) - 1];
    const previousComma = previous ? nextComma(text, previous.offset + previous.length) : undefined;
    if (ownComma !== undefined) {
      // With the blanks after it: `{"b": 2, "a": 1}` becomes `{"a": 1}`.
      const blanks = /^[ \t]*/.exec(text.slice(ownComma + 1, ownComma + 100))![0].length;
      edits.push({ offset: ownComma, length: 1 + blanks, content: '' });
    } else if (previousComma !== undefined) {
      edits.push({ offset: previousComma, length: 1, content: '' });
    }
  }
  return { title, edits: toTextEdits(document, edits), isPreferred };
}

/**
 * Removes the array element at `path` with the comma that separated it: up to the next element,
 * or from the previous one for the last (jsonc-parser's `modify` with formatting garbles an inline
 * array when it removes from it). Comments in the removed stretch are kept by `fixesFor`.
 */
export function removeElementFix(context: FixContext, path: JSONPath, title: string, isPreferred: boolean): QuickFix | undefined {
  const element = context.document.nodeAt(path);
  const siblings = element?.parent?.type === 'array' ? element.parent.children : undefined;
  if (!element || !siblings) {
    return undefined;
  }
  const array = element.parent!;
  const index = siblings.indexOf(element);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  let start = element.offset;
  let end = element.offset + element.length;
  if (next) {
    end = next.offset;
  } else if (previous) {
    start = previous.offset + previous.length;
  } else if (context.document.getText()[array.offset + array.length - 1] === ']') {
    // The only element: the array is left empty, `[]`.
    start = array.offset + 1;
    end = array.offset + array.length - 1;
  }
  return { title, edits: toTextEdits(context.document, [{ offset: start, length: end - start, content: '' }]), isPreferred };
}

/** Adds an authorization at the end of the list at `listPath`, or makes that list if there is none. */
export function addAuthorizationFix(context: FixContext, listPath: JSONPath, authorization: object, title: string): QuickFix | undefined {
  const list = context.document.nodeAt(listPath);
  if (list && list.type !== 'array') {
    return undefined;
  }
  return list && (list.children?.length ?? 0) > 0
    ? appendFix(context, listPath, authorization, title)
    : setValueFix(context, listPath, [authorization], title, false);
}

/**
 * One fix made of the edits of several, each computed on the same text (an editor applies them
 * together): none when a part is missing or two of them overlap.
 */
export function combinedFix(context: FixContext, title: string, parts: (QuickFix | undefined)[], isPreferred: boolean): QuickFix | undefined {
  if (parts.some((part) => part === undefined)) {
    return undefined;
  }
  const edits = parts.flatMap((part) => part!.edits);
  const spans = edits
    .map((edit) => ({ start: context.document.offsetAt(edit.range.start), end: context.document.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 1; index < spans.length; index++) {
    if (spans[index].start < spans[index - 1].end) {
      return undefined;
    }
  }
  return { title, edits, isPreferred };
}

function toTextEdits(document: OfferDocument, edits: OffsetEdit[]) {
  return editsToTextEdits(document, [...edits].sort((a, b) => a.offset - b.offset));
}

/** The offset of the comma that follows `offset`, past blanks and comments, if any. */
function nextComma(text: string, offset: number): number | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  return scanner.scan() === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
}

/** After a property: its comma on the same line (if any) and where that line ends (after a comment). */
function scanLineAfter(text: string, offset: number): { comma: number | undefined; lineEnd: number } {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  let comma: number | undefined;
  let lineEnd = offset;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.Trivia) {
      continue;
    }
    if (token === SyntaxKind.CommaToken && comma === undefined) {
      comma = scanner.getTokenOffset();
    } else if (token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) {
      break;
    }
    lineEnd = scanner.getTokenOffset() + scanner.getTokenLength();
  }
  return { comma, lineEnd };
}

/** The blanks that start the line holding `offset`. */
function indentationOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}
