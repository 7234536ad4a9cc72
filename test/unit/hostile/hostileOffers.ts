/**
 * Offers of hostile size, made from the example: every string field at a length of our choosing
 * (plain, or mixed with slashes, tags, spaces, Hangul, emoji, backslashes and runs of dashes),
 * every array at thousands of items, and the inputs of issue "Bounded cost"'s table. Shared by the
 * hostile-size suite (which checks the answers) and `npm run bench` (which times them at two sizes).
 */
import { exampleOffer, examplePlans, printed, type Offer } from '../../support/offerHarness';

export type JsonPath = (string | number)[];

/** What a string field is filled with: a unit repeated to the length asked. */
export interface Filler {
  name: string;
  readonly fill: (length: number) => string;
}

function repeated(unit: string): (length: number) => string {
  return (length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length).replace(/[\ud800-\udbff]$/, 'x');
}

export const FILLERS: readonly Filler[] = [
  { name: 'plain', fill: repeated('a') },
  { name: 'slashes', fill: repeated('a/') },
  { name: 'tags', fill: repeated('<b>') },
  { name: 'spaces', fill: repeated('a ') },
  { name: 'Hangul', fill: repeated('한') },
  { name: 'emoji', fill: repeated('😀') },
  { name: 'backslashes', fill: repeated('\\') },
  { name: 'dashes', fill: (length) => 'a' + '-'.repeat(Math.max(0, length - 2)) + 'a' },
  // Every kind at once, interleaved, then in runs of 2,000 each (a run is what a regular
  // expression with a repeat backtracks over; 20,000 characters hold a run of each).
  { name: 'mixed', fill: repeated('a/<b> 한😀\\--') },
  { name: 'runs', fill: (length) => repeated(['a', '/', '<b>', ' ', '한', '😀', '\\', '-'].map((unit) => unit.repeat(2000 / unit.length)).join(''))(length) },
];

export function filler(name: string): Filler {
  return FILLERS.find((candidate) => candidate.name === name)!;
}

/** The paths of every string of the example offer. */
export function stringFieldPaths(): JsonPath[] {
  return leafPaths(exampleOffer(), (value) => typeof value === 'string');
}

/** The paths of every array of the example offer. */
export function arrayPaths(): JsonPath[] {
  return leafPaths(exampleOffer(), Array.isArray, true);
}

function leafPaths(value: unknown, wanted: (value: unknown) => boolean, descendIntoWanted = false): JsonPath[] {
  const paths: JsonPath[] = [];
  const visit = (node: unknown, path: JsonPath) => {
    if (wanted(node)) {
      paths.push(path);
      if (!descendIntoWanted) {
        return;
      }
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index]));
    } else if (node && typeof node === 'object') {
      Object.entries(node).forEach(([key, item]) => visit(item, [...path, key]));
    }
  };
  visit(value, []);
  return paths;
}

function setAt(offer: Offer, path: JsonPath, value: unknown): void {
  let parent = offer;
  for (const segment of path.slice(0, -1)) {
    parent = parent[segment];
  }
  parent[path[path.length - 1]] = value;
}

function getAt(offer: Offer, path: JsonPath): unknown {
  return path.reduce((node: Offer, segment) => node[segment], offer);
}

export interface HostileText {
  text: string;
  /** Offsets worth putting the cursor at: inside the big value, on its key. */
  at: number[];
}

/** The example with the string at `path` replaced by `value`. */
export function offerWithString(path: JsonPath, value: string): HostileText {
  const offer = exampleOffer();
  setAt(offer, path, value);
  return located(printed(offer), JSON.stringify(value));
}

/** Offsets at the start, middle and end of the first `needle`, and on the key before it. */
function located(text: string, needle: string): HostileText {
  const start = text.indexOf(needle.slice(0, 200));
  if (start < 0) {
    return { text, at: [] };
  }
  const keyEnd = text.lastIndexOf('":', start);
  return { text, at: [start + 1, start + Math.floor(needle.length / 2), start + needle.length - 1, ...(keyEnd > 0 ? [keyEnd - 1] : [])] };
}

/** A GUID made from a number: distinct for distinct numbers, well-formed, the same on every run. */
export function guidFor(n: number, salt = 0): string {
  const hex = (n * 2654435761 + salt * 40503).toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex.padStart(12, '0')}`;
}

/**
 * The example with the array at `path` made `count` items long: copies of its first item (plans
 * each with their own id, principals each with their own GUID, subscription ids all different).
 */
export function offerWithArray(path: JsonPath, count: number): HostileText {
  const offer = exampleOffer();
  const original = getAt(offer, path) as unknown[];
  const key = path[path.length - 1];
  let items: unknown[];
  if (path.length === 1 && key === 'plans') {
    items = examplePlans(count);
  } else if (key === 'subscriptionIds') {
    items = Array.from({ length: count }, (_, i) => guidFor(i, 1));
  } else {
    items = Array.from({ length: count }, (_, i) => withOwnPrincipal(structuredClone(original[0]), i));
  }
  setAt(offer, path, items);
  const text = printed(offer);
  return { text, at: [Math.floor(text.length / 2), Math.floor(text.length / 3)] };
}

/** The paths of every object of the example offer (the root is []). */
export function objectPaths(): JsonPath[] {
  return leafPaths(exampleOffer(), (value) => value !== null && typeof value === 'object' && !Array.isArray(value), true);
}

/** The example with `count` keys the schema does not know (`unknownKey0`…) added to the object at `path`. */
export function offerWithKeys(path: JsonPath, count: number): HostileText {
  const offer = exampleOffer();
  const object = (path.length === 0 ? offer : getAt(offer, path)) as Record<string, unknown>;
  for (let i = 0; i < count; i++) {
    object[`unknownKey${i}`] = i;
  }
  const text = printed(offer);
  return { text, at: [text.indexOf('"unknownKey0"') + 2, text.lastIndexOf('"unknownKey') + 2] };
}

function withOwnPrincipal(item: unknown, index: number): unknown {
  if (item && typeof item === 'object' && 'principalId' in item) {
    return { ...item, principalId: guidFor(index, 2) };
  }
  return item;
}

/** A case of the table: an offer (and files beside it) at a scale (1 = as in the issue). */
export interface TableCase {
  name: string;
  build(scale: number): HostileText & { files?: Record<string, string> };
}

/** 200,000 characters at scale 1. */
const LONG = 200_000;

export const TABLE_CASES: readonly TableCase[] = [
  {
    name: 'listing.name of 200,000 characters (emoji and all)',
    build: (scale) => offerWithString(['listing', 'name'], filler('mixed').fill(LONG * scale)),
  },
  {
    name: 'an image path of 200 KB with many /',
    build: (scale) => offerWithString(['listing', 'logos', 'small'], filler('slashes').fill(LONG * scale)),
  },
  {
    name: "offerId, planId and plan name = 'a' + 200,000 '-' + 'a'",
    build: (scale) => {
      const offer = exampleOffer();
      const dashes = filler('dashes').fill(LONG * scale);
      offer.offerId = dashes;
      offer.plans[0].planId = dashes;
      offer.plans[0].name = dashes;
      return located(printed(offer), JSON.stringify(dashes));
    },
  },
  {
    name: 'fix-all on 1,000 unknown keys and 64 links without a scheme',
    build: (scale) => {
      const offer = fixAllOffer(Math.round(1000 * scale));
      const text = printed(offer);
      return { text, at: [text.indexOf('"unknownKey') + 3] };
    },
  },
  {
    name: '6,000 empty authorizations',
    build: (scale) => {
      const offer = exampleOffer();
      offer.plans[0].technicalConfiguration.authorizations = Array.from({ length: Math.round(6000 * scale) }, () => ({}));
      const text = printed(offer);
      return { text, at: [Math.floor(text.length / 2)] };
    },
  },
  {
    name: 'an audience CSV of 4 MiB of blank lines',
    build: (scale) => {
      const offer = exampleOffer();
      const text = printed(offer);
      return { text, at: [text.indexOf('gold-customers.csv') + 2], files: { 'gold-customers.csv': '\n'.repeat(Math.round(4 * 1024 * 1024 * scale)) } };
    },
  },
  {
    name: '2,000 plans',
    build: (scale) => {
      const offer = exampleOffer();
      offer.plans = examplePlans(Math.round(2000 * scale));
      const text = printed(offer);
      return { text, at: [Math.floor(text.length / 2)] };
    },
  },
  {
    name: 'a 200,000-character value that a rule quotes',
    build: (scale) => offerWithString(['listing', 'privacyPolicyUrl'], 'contoso.com/' + filler('mixed').fill(LONG * scale)),
  },
];

/** The example with `unknownKeys` unknown keys at its root and 64 useful links written without https://. */
export function fixAllOffer(unknownKeys: number): Offer {
  const offer = exampleOffer();
  for (let i = 0; i < unknownKeys; i++) {
    offer[`unknownKey${i}`] = i;
  }
  offer.listing.usefulLinks = Array.from({ length: 64 }, (_, i) => ({ name: `Link ${i}`, url: `contoso.com/docs/${i}` }));
  return offer;
}
