import type { JSONPath } from 'jsonc-parser';

/** RFC 6901 pointer for a jsonc-parser path: `["plans", 0, "planId"]` → `/plans/0/planId`. */
export function toPointer(path: JSONPath): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The inverse of {@link toPointer}; numeric segments become numbers so they index arrays. */
export function fromPointer(pointer: string): JSONPath {
  if (pointer === '') {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
