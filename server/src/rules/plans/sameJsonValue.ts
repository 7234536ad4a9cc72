/**
 * Equality of two parsed JSON values: objects regardless of key order, arrays element by element.
 * Iterative (an explicit stack), so a hostile, deeply nested value cannot overflow the stack.
 */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [left, right] = pending.pop()!;
    if (left === right) {
      continue;
    }
    if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
      return false;
    }
    if (Array.isArray(left) !== Array.isArray(right)) {
      return false;
    }
    if (Array.isArray(left) && Array.isArray(right)) {
      if (left.length !== right.length) {
        return false;
      }
      left.forEach((element, i) => pending.push([element, right[i]]));
      continue;
    }
    const leftRecord = left as Record<string, unknown>;
    const rightRecord = right as Record<string, unknown>;
    const leftKeys = Object.keys(leftRecord);
    if (leftKeys.length !== Object.keys(rightRecord).length) {
      return false;
    }
    for (const key of leftKeys) {
      if (!Object.prototype.hasOwnProperty.call(rightRecord, key)) {
        return false;
      }
      pending.push([leftRecord[key], rightRecord[key]]);
    }
  }
  return true;
}
