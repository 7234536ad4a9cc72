/**
 * Re-parsing after a keystroke without parsing the whole offer again. An edit inside one value
 * (a description, a role id, one authorization) changes nothing outside it, so only that value's
 * new text is parsed; the rest of the tree is kept, its nodes after the edit moved by the edit's
 * change in length. On a 750 KiB offer a full parse costs more than everything else a keystroke
 * does, so this is what keeps diagnostics fast on large offers.
 *
 * The nodes kept are the previous version's own objects: the previous tree is taken over and must
 * not be used afterwards (the language service keeps one parsed version per document). The value
 * that was re-parsed and every node above it are new objects, so anything cached by node identity
 * (the plans of a root, a plan's rule results) stays true for the nodes that did not change.
 */
import type { Node } from 'jsonc-parser';
import { parseWellFormed } from './wellFormedParse';

/** One replaced range of the previous text, in the previous text's offsets. */
export interface TextChange {
  start: number;
  /** End of the replaced range in the previous text. */
  end: number;
  text: string;
}

const COMPARED_BLOCK = 2048;

type MutableNode = { -readonly [K in keyof Node]: Node[K] };

/**
 * The one range in which `previous` and `next` differ (their common start and end removed), or
 * undefined when they are equal. An editor sends a keystroke as such a change; comparing the
 * texts finds it whatever way the new version arrived.
 */
export function changeBetween(previous: string, next: string): TextChange | undefined {
  if (previous === next) {
    return undefined;
  }
  const shorter = Math.min(previous.length, next.length);
  // Equal slices are skipped a block at a time (a string comparison is a native memory compare,
  // some thirty times faster than a loop over characters), then the last block one by one.
  let start = 0;
  while (start + COMPARED_BLOCK <= shorter && previous.substr(start, COMPARED_BLOCK) === next.substr(start, COMPARED_BLOCK)) {
    start += COMPARED_BLOCK;
  }
  while (start < shorter && previous.charCodeAt(start) === next.charCodeAt(start)) {
    start++;
  }
  let previousEnd = previous.length;
  let nextEnd = next.length;
  const common = () => Math.min(previousEnd, nextEnd) - start;
  while (common() >= COMPARED_BLOCK && previous.substr(previousEnd - COMPARED_BLOCK, COMPARED_BLOCK) === next.substr(nextEnd - COMPARED_BLOCK, COMPARED_BLOCK)) {
    previousEnd -= COMPARED_BLOCK;
    nextEnd -= COMPARED_BLOCK;
  }
  while (previousEnd > start && nextEnd > start && previous.charCodeAt(previousEnd - 1) === next.charCodeAt(nextEnd - 1)) {
    previousEnd--;
    nextEnd--;
  }
  return { start, end: previousEnd, text: next.slice(start, nextEnd) };
}

/**
 * The tree of `nextText`, made from `root` (the tree of the text before `change`) by re-parsing
 * only the smallest value that holds the change, or undefined when that can't be done safely (the
 * change touches a value's edge, the re-parsed text has a syntax error or a different type, or the
 * value would be most of the file anyway): the caller then parses the whole text.
 *
 * `maxDepth` bounds bracket nesting as the full parse does: the new value may nest as deep as
 * what is left of the limit below it.
 */
export function reparse(root: Node, nextText: string, change: TextChange, maxDepth: number): Node | undefined {
  const delta = change.text.length - (change.end - change.start);
  const path = pathToChange(root, change);
  // Deepest first; each failed attempt moves one value up. Past half of the file a full parse is
  // as cheap, and simpler.
  for (let i = path.length - 1; i >= 1; i--) {
    const old = path[i];
    if (old.type === 'property') {
      continue;
    }
    const length = old.length + delta;
    if (length * 2 > nextText.length) {
      return undefined;
    }
    const depth = path.slice(0, i).filter((node) => node.type === 'object' || node.type === 'array').length;
    const replacement = parseValue(nextText, old.offset, length, old.type, maxDepth - depth);
    if (!replacement) {
      continue;
    }
    return spliceIn(path.slice(0, i), old, replacement, change, delta);
  }
  return undefined;
}

/**
 * The nodes from the root down to the deepest one that holds the change strictly inside it (not
 * on its first or last character, which delimit it: quotes, braces, brackets).
 */
function pathToChange(root: Node, change: TextChange): Node[] {
  const path: Node[] = [];
  const inside = (node: Node) => node.offset < change.start && change.end < node.offset + node.length;
  let node: Node | undefined = root;
  while (node && inside(node)) {
    path.push(node);
    node = childHolding(node, change, inside);
  }
  return path;
}

function childHolding(node: Node, change: TextChange, inside: (node: Node) => boolean): Node | undefined {
  const children = node.children;
  if (!children) {
    return undefined;
  }
  // Children are in text order: binary search for the last one starting before the change.
  let low = 0;
  let high = children.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (children[middle].offset < change.start) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found >= 0 && inside(children[found]) ? children[found] : undefined;
}

/**
 * `text[offset, offset + length)` parsed alone: a value of `type` without syntax errors that
 * fills it exactly, or undefined.
 */
function parseValue(text: string, offset: number, length: number, type: Node['type'], maxDepth: number): Node | undefined {
  const node = parseWellFormed(text.substr(offset, length), maxDepth);
  if (!node || node.type !== type || node.offset !== 0 || node.length !== length) {
    return undefined;
  }
  moveSubtree(node, offset);
  return node;
}

/**
 * The new root: `replacement` in the place of `old`, every ancestor copied with its new length
 * and children, every node after the change moved by `delta`.
 */
function spliceIn(ancestors: Node[], old: Node, replacement: Node, change: TextChange, delta: number): Node {
  let child: MutableNode = replacement;
  let replaced: Node = old;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i];
    const children = ancestor.children!.slice();
    const at = children.indexOf(replaced);
    children[at] = child;
    for (let k = at + 1; k < children.length; k++) {
      moveSubtree(children[k], delta);
    }
    const copy: MutableNode = { ...ancestor, length: ancestor.length + delta, children };
    if (copy.colonOffset !== undefined && copy.colonOffset >= change.end) {
      copy.colonOffset += delta;
    }
    for (const each of children) {
      (each as MutableNode).parent = copy;
    }
    child = copy;
    replaced = ancestor;
  }
  child.parent = undefined;
  return child;
}

/** Adds `delta` to the offsets of `node` and everything in it (an explicit stack: no recursion). */
function moveSubtree(node: Node, delta: number): void {
  if (delta === 0) {
    return;
  }
  const stack: MutableNode[] = [node];
  while (stack.length > 0) {
    const each = stack.pop()!;
    each.offset += delta;
    if (each.colonOffset !== undefined) {
      each.colonOffset += delta;
    }
    if (each.children) {
      for (const child of each.children) {
        stack.push(child);
      }
    }
  }
}
