/**
 * The limits that `offer-format.md` puts on fields, as data, in one place: the rules enforce them,
 * the hover shows them next to the current value ("43 / 50 characters"), and completion ranks
 * images by them. Each entry names the rule that enforces it.
 */
import type { JSONPath } from 'jsonc-parser';

/** A path pattern: keys, and `'*'` for any array index. */
export type PathPattern = readonly string[];

export interface LengthLimit {
  pattern: PathPattern;
  /** In characters as a person counts them (code points). */
  min: number;
  max: number;
  rule: string;
}

export interface CountLimit {
  pattern: PathPattern;
  min: number;
  max: number;
  rule: string;
}

export interface ImageSize {
  pattern: PathPattern;
  width: number;
  height: number;
  rule: string;
}

export const LENGTH_LIMITS: readonly LengthLimit[] = [
  { pattern: ['offerId'], min: 1, max: 50, rule: 'offer-id-format' },
  { pattern: ['listing', 'name'], min: 1, max: 50, rule: 'listing-name-length' },
  { pattern: ['listing', 'searchResultsSummary'], min: 1, max: 100, rule: 'summary-length' },
  { pattern: ['listing', 'longSummary'], min: 0, max: 256, rule: 'long-summary-length' },
  { pattern: ['listing', 'description'], min: 1, max: 3000, rule: 'description-length' },
  { pattern: ['listing', 'screenshots', '*', 'caption'], min: 0, max: 100, rule: 'screenshot-caption-length' },
  { pattern: ['plans', '*', 'planId'], min: 1, max: 50, rule: 'plan-id-format' },
  { pattern: ['plans', '*', 'name'], min: 1, max: 50, rule: 'plan-id-format' },
  { pattern: ['plans', '*', 'listing', 'searchResultsSummary'], min: 1, max: 100, rule: 'summary-length' },
];

export const COUNT_LIMITS: readonly CountLimit[] = [
  { pattern: ['properties', 'categories'], min: 1, max: 5, rule: 'categories-count' },
  { pattern: ['listing', 'screenshots'], min: 0, max: 5, rule: 'screenshots-count' },
  { pattern: ['listing', 'videos'], min: 0, max: 5, rule: 'videos-count' },
  { pattern: ['previewAudience', 'subscriptionIds'], min: 0, max: 10, rule: 'preview-audience-limit' },
  { pattern: ['plans', '*', 'privateAudience', 'subscriptionIds'], min: 0, max: 10, rule: 'private-audience-limit' },
  { pattern: ['plans', '*', 'technicalConfiguration', 'authorizations'], min: 1, max: 20, rule: 'authorizations-limit' },
];

export const IMAGE_SIZES: readonly ImageSize[] = [
  { pattern: ['listing', 'logos', 'small'], width: 40, height: 40, rule: 'image-size' },
  { pattern: ['listing', 'logos', 'medium'], width: 90, height: 90, rule: 'image-size' },
  { pattern: ['listing', 'logos', 'large'], width: 115, height: 115, rule: 'image-size' },
  { pattern: ['listing', 'logos', 'wide'], width: 255, height: 115, rule: 'image-size' },
  { pattern: ['listing', 'screenshots', '*', 'path'], width: 1280, height: 720, rule: 'screenshot-size' },
  { pattern: ['listing', 'videos', '*', 'thumbnail'], width: 1280, height: 720, rule: 'video-thumbnail-size' },
];

/** Fields that name an audience CSV file. */
export const CSV_FIELDS: readonly PathPattern[] = [
  ['previewAudience', 'csv'],
  ['plans', '*', 'privateAudience', 'csv'],
];

export function matches(pattern: PathPattern, path: JSONPath): boolean {
  return (
    pattern.length === path.length &&
    pattern.every((segment, i) => (segment === '*' ? typeof path[i] === 'number' : segment === path[i]))
  );
}

export function lengthLimitAt(path: JSONPath): LengthLimit | undefined {
  return LENGTH_LIMITS.find((limit) => matches(limit.pattern, path));
}

export function countLimitAt(path: JSONPath): CountLimit | undefined {
  return COUNT_LIMITS.find((limit) => matches(limit.pattern, path));
}

export function imageSizeAt(path: JSONPath): ImageSize | undefined {
  return IMAGE_SIZES.find((size) => matches(size.pattern, path));
}

export function isCsvField(path: JSONPath): boolean {
  return CSV_FIELDS.some((pattern) => matches(pattern, path));
}

/** A limit the rules are built on: its absence is a programming error, found at start-up. */
function required<T>(found: T | undefined, path: JSONPath): T {
  if (!found) {
    throw new Error(`no limit for ${path.join('.')}`);
  }
  return found;
}

export function requiredLengthLimit(path: JSONPath): LengthLimit {
  return required(lengthLimitAt(path), path);
}

export function requiredCountLimit(path: JSONPath): CountLimit {
  return required(countLimitAt(path), path);
}

export function requiredImageSize(path: JSONPath): ImageSize {
  return required(imageSizeAt(path), path);
}
