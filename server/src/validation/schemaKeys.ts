/**
 * The property names the schema allows at a place in the offer: for "did you mean" messages, the
 * rename quick fix and key completion.
 */
import type { JSONPath } from 'jsonc-parser';
import offerSchema from '../../../schemas/offer.schema.json';

type SchemaNode = {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  [key: string]: unknown;
};

const root = offerSchema as unknown as SchemaNode;

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 10; hops++) {
    const target = current.$ref.replace(/^#\//, '').split('/');
    let resolved: unknown = root;
    for (const segment of target) {
      resolved = (resolved as Record<string, unknown> | undefined)?.[segment];
    }
    current = resolved as SchemaNode | undefined;
  }
  return current;
}

/** The schema of the value at a path (undefined where the schema says nothing). */
export function schemaAt(path: JSONPath): SchemaNode | undefined {
  let current = deref(root);
  for (const segment of path) {
    if (!current) {
      return undefined;
    }
    current = deref(typeof segment === 'number' ? current.items : current.properties?.[segment]);
  }
  return current;
}

export function knownKeysAt(path: JSONPath): string[] {
  return Object.keys(schemaAt(path)?.properties ?? {});
}

/** The known key nearest to a misspelt one (case-insensitive edit distance ≤ a third of its length). */
export function closestKnownKey(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) {
    return Math.abs(a.length - b.length);
  }
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
