import type { Rule } from '../rule';

/** Images and videos of the listing: logos, screenshots, video thumbnails, paths. */
export const mediaRules: Rule[] = [
];
