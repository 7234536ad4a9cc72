/**
 * What an edit expects to find at its place. A diagnostic can come back from the editor after the
 * text changed (a light bulb on a line edited since, a fix-all over an older check): a fix states
 * what it was made for, and the toolkit offers nothing when that is no longer there.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { fromPointer } from '@core/model/jsonPointer';
import type { OfferDocument } from '@core/model/offerDocument';

/** Whether the node at the edit's place (undefined: nothing there) is still what the edit was made for. */
export type Expectation = (current: Node | undefined) => boolean;

/** The value there equals `reported` (what the diagnostic saw). */
export function holds(reported: unknown): Expectation {
  return (current) => current !== undefined && sameValue(valueOf(current), reported);
}

/** There is a value there, whatever it is. */
export const present: Expectation = (current) => current !== undefined;

/** Nothing is there yet. */
export const absent: Expectation = (current) => current === undefined;

/** The value there passes `test` (given undefined when nothing is there). */
export function satisfies(test: (value: unknown) => boolean): Expectation {
  return (current) => test(current === undefined ? undefined : valueOf(current));
}

/** The value at a JSON pointer of the document, as plain data; undefined when nothing is there. */
export function valueAt(document: OfferDocument, pointer: string): unknown {
  const node = document.nodeAt(fromPointer(pointer));
  return node ? valueOf(node) : undefined;
}

/** A string, number, boolean or null as it is; an object or array as plain data. */
function valueOf(node: Node): unknown {
  return node.type === 'object' || node.type === 'array' ? getNodeValue(node) : node.value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
