/**
 * Which fields of an offer hold a web address: `url`, any `…Url`, and every entry of
 * `supportUrls`. `url-format` checks each one, and `secret-in-offer` looks for keys in each one;
 * both walk the same fields, found here.
 */
import type { Node } from 'jsonc-parser';
import { perVersion } from '../model/caching';
import { entries, items } from '../model/nodes';

function isUrlField(key: string, parentKey: string | undefined): boolean {
  return key === 'url' || /.Url$/.test(key) || parentKey === 'supportUrls';
}

/**
 * Every URL field of the offer, in document order, found by walking the tree with an explicit
 * stack (a hostile file may nest deeply; recursion would be the first thing to break). The plans
 * are not walked: a plan has no link field (the schema reports any key it doesn't know), and they
 * are nearly all of a large offer's nodes, which this walk would visit again on every keystroke.
 * Found once per version (the root is made for one version alone: model/caching.ts) for both rules;
 * the list is shared, not to be changed.
 */
export const urlFields = perVersion((root: Node): readonly { readonly key: string; readonly node: Node }[] => {
  const found: { key: string; node: Node }[] = [];
  const stack: { node: Node; key: string | undefined }[] = [{ node: root, key: undefined }];
  while (stack.length > 0) {
    const { node, key } = stack.pop()!;
    if (node.type === 'array') {
      for (const item of items(node)) {
        stack.push({ node: item, key: undefined });
      }
    } else if (node.type === 'object') {
      for (const entry of entries(node)) {
        if (!entry.valueNode || (node.parent === undefined && entry.key === 'plans')) {
          continue;
        }
        if (entry.valueNode.type === 'string' && isUrlField(entry.key, key)) {
          found.push({ key: entry.key, node: entry.valueNode });
        } else {
          stack.push({ node: entry.valueNode, key: entry.key });
        }
      }
    }
  }
  return found.sort((a, b) => a.node.offset - b.node.offset);
});
