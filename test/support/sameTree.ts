import * as assert from 'assert';
import type { Node } from 'jsonc-parser';

/** Node-for-node equality of two jsonc-parser trees (type, offsets, lengths, values), parents included. */
export function assertSameTree(actual: Node | undefined, expected: Node | undefined, path = '#'): void {
  if (!actual || !expected) {
    assert.strictEqual(actual, expected, `${path}: one tree is missing`);
    return;
  }
  // An explicit stack: the trees compared may be deep.
  const stack: [Node, Node, string][] = [[actual, expected, path]];
  while (stack.length > 0) {
    const [a, e, where] = stack.pop()!;
    const facts = (node: Node) => [node.type, node.offset, node.length, node.colonOffset, node.value];
    assert.deepStrictEqual(facts(a), facts(e), `${where} differs`);
    const children = a.children ?? [];
    assert.strictEqual(children.length, e.children?.length ?? 0, `${where}: number of children`);
    children.forEach((child, i) => {
      assert.strictEqual(child.parent, a, `${where}/${i}: parent`);
      stack.push([child, e.children![i], `${where}/${i}`]);
    });
  }
}
