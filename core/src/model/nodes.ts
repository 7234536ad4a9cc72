/**
 * Small, total accessors over jsonc-parser nodes. Every one accepts `undefined` and a node of the
 * wrong type, and answers `undefined` or an empty list, so that rules can walk a half-typed,
 * half-broken offer without guarding each step.
 */
import type { JSONPath, Node } from 'jsonc-parser';

/** The value node of `key` in an object node. */
export function prop(node: Node | undefined, key: string): Node | undefined {
  return propertyNamed(node, key)?.children?.[1];
}

/** The key node of `key` in an object node (to put a range on a property's name). */
export function keyNode(node: Node | undefined, key: string): Node | undefined {
  return propertyNamed(node, key)?.children?.[0];
}

/**
 * The first property of an object node with that key. A small object is searched; a large one
 * (an offer pasted with thousands of keys) gets an index by key, made once: a lookup per key by
 * search would make every check of such an object quadratic (20,000 unknown keys took 8 s).
 * The index is kept under the object's list of children, which a re-parse never changes (it copies
 * the objects that changed and keeps the others' lists as they are), and it holds only nodes,
 * whose content never changes either: so it stays true from one version to the next (rule 2 of
 * caching.ts).
 */
export function propertyNamed(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object' || !node.children) {
    return undefined;
  }
  const properties = node.children;
  if (properties.length <= INDEXED_FROM) {
    for (const property of properties) {
      if (property.children?.[0]?.value === key) {
        return property;
      }
    }
    return undefined;
  }
  let index = propertyIndexes.get(properties);
  if (!index) {
    index = new Map();
    for (const property of properties) {
      const name: unknown = property.children?.[0]?.value;
      if (typeof name === 'string' && !index.has(name)) {
        index.set(name, property);
      }
    }
    propertyIndexes.set(properties, index);
  }
  return index.get(key);
}

/** Objects with more properties than this are looked up through an index. */
const INDEXED_FROM = 32;
/** By the object's list of properties (the list, not the node: a re-parse copies nodes, sharing lists only when unchanged; see caching.ts). */
const propertyIndexes = new WeakMap<Node[], Map<string, Node>>();

/**
 * The node at a path of keys and indices below `root`: what jsonc-parser's findNodeAtLocation
 * answers (the first property of a key that has a value), through the index of a large object.
 */
export function nodeAtPath(root: Node | undefined, path: JSONPath): Node | undefined {
  let current = root;
  for (const segment of path) {
    if (!current) {
      return undefined;
    }
    if (typeof segment === 'string') {
      if (current.type !== 'object' || !Array.isArray(current.children)) {
        return undefined;
      }
      let property = propertyNamed(current, segment);
      if (property && property.children?.length !== 2) {
        property = current.children.find((candidate) => candidate.children?.length === 2 && candidate.children[0].value === segment);
      }
      current = property?.children?.[1];
    } else {
      const children = current.type === 'array' ? current.children : undefined;
      current = children && segment >= 0 && segment < children.length ? children[segment] : undefined;
    }
  }
  return current;
}

/** Follows a path of keys and indices from a node. */
export function at(node: Node | undefined, ...path: (string | number)[]): Node | undefined {
  let current = node;
  for (const segment of path) {
    current = typeof segment === 'number' ? items(current)[segment] : prop(current, segment);
    if (!current) {
      return undefined;
    }
  }
  return current;
}

/** The element nodes of an array node. */
export function items(node: Node | undefined): Node[] {
  return node?.type === 'array' && node.children ? node.children : [];
}

/** `[key, keyNode, valueNode]` for each property of an object node. */
export function entries(node: Node | undefined): { key: string; keyNode: Node; valueNode: Node | undefined }[] {
  if (node?.type !== 'object' || !node.children) {
    return [];
  }
  return node.children
    .filter((property) => property.children?.[0]?.type === 'string')
    .map((property) => ({
      key: property.children![0].value as string,
      keyNode: property.children![0],
      valueNode: property.children![1],
    }));
}

export function str(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function num(node: Node | undefined): number | undefined {
  return node?.type === 'number' ? (node.value as number) : undefined;
}

export function isObject(node: Node | undefined): node is Node {
  return node?.type === 'object';
}

/** The property node (`"key": value`) that holds a value node, if any. */
export function propertyOf(valueNode: Node): Node | undefined {
  return valueNode.parent?.type === 'property' ? valueNode.parent : undefined;
}

/** Length as a person counts it (code points, not UTF-16 units): the one that quoting counts with. */
export { codePointLength } from '../text/quote';

/** GUIDs are a fact about offers' ids, kept with the other knowledge of the format. */
export { isGuid } from '../knowledge/identifiers';

/**
 * The path of keys and indices from the root to a node: jsonc-parser's getNodePath, without its
 * `indexOf` over an array's items for each index (a diagnostic on each of 6,000 items cost
 * 36 million comparisons). Items are in text order, so an index is found by halving.
 */
export function nodePath(node: Node): JSONPath {
  const path: JSONPath = [];
  for (let current = node; current.parent?.children; current = current.parent) {
    const parent = current.parent;
    if (parent.type === 'property') {
      path.push(parent.children![0].value as string);
    } else if (parent.type === 'array') {
      const index = indexOfChild(parent.children!, current);
      if (index >= 0) {
        path.push(index);
      }
    }
  }
  return path.reverse();
}

/** The index of `item` among `items` (in text order), found by halving. */
export function indexOfChild(items: Node[], item: Node): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle] === item) {
      return middle;
    }
    if (items[middle].offset < item.offset) {
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return items.indexOf(item);
}
