/**
 * Test harness: the example offer as data, ways to change it, and `check`, which runs the real
 * language service on the result (with an in-memory workspace holding the example's files).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OfferLanguageService } from '../../server/src/languageService';
import type { OfferDiagnostic } from '../../server/src/rules/diagnostic';
import { EXAMPLE_MEDIA } from './generateExampleMedia';
import { MemoryFileHost } from './memoryFileHost';
import { makePng } from './pngWriter';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'contoso-sentinel');
export const EXAMPLE_OFFER_TEXT = fs.readFileSync(path.join(EXAMPLE_DIR, 'offer.json'), 'utf8');

/** Where the in-memory workspace lives: `/ws`, with the offer at `/ws/offer/offer.json`. */
export const WORKSPACE = path.resolve('/ws');
export const OFFER_PATH = path.join(WORKSPACE, 'offer', 'offer.json');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- offers are built as loose data on purpose, to write broken and hostile ones no type would allow
export type Offer = any;

/** A fresh deep copy of the example offer as plain data. */
export function exampleOffer(): Offer {
  return parse(EXAMPLE_OFFER_TEXT);
}

/** `count` fresh copies of the example's plan, each with its own planId and name (`plan-0`, `plan-1`…). */
export function examplePlans(count: number): Offer[] {
  const [plan] = exampleOffer().plans;
  return Array.from({ length: count }, (_, i) => ({ ...structuredClone(plan), planId: `plan-${i}`, name: `plan-${i}` }));
}

/** The example's files (PNGs, CSVs) inside the in-memory workspace, beside OFFER_PATH. */
/** Deflating two 1280×720 images costs ~250 ms: generated once, then shared (never mutated). */
const examplePngs = new Map<string, Uint8Array>();
function examplePng(name: string, width: number, height: number): Uint8Array {
  let png = examplePngs.get(name);
  if (!png) {
    png = makePng(width, height);
    examplePngs.set(name, png);
  }
  return png;
}

export function exampleFiles(): Record<string, Uint8Array | string> {
  const files: Record<string, Uint8Array | string> = {};
  for (const [name, [width, height]] of Object.entries(EXAMPLE_MEDIA)) {
    files[path.join(WORKSPACE, 'offer', 'media', name)] = examplePng(name, width, height);
  }
  for (const csv of ['preview-audience.csv', 'gold-customers.csv']) {
    files[path.join(WORKSPACE, 'offer', csv)] = fs.readFileSync(path.join(EXAMPLE_DIR, csv), 'utf8');
  }
  return files;
}

export interface CheckOptions {
  /** Files to add or replace, by path relative to the offer's folder. */
  files?: Record<string, Uint8Array | string>;
  /** The published baseline (offer.published.json), as data or text. */
  baseline?: Offer;
  host?: MemoryFileHost;
  /** Check without a location: an unsaved offer, no file checks. */
  unsaved?: boolean;
}

export function makeHost(options: CheckOptions = {}): MemoryFileHost {
  const host = options.host ?? new MemoryFileHost(exampleFiles());
  for (const [relative, content] of Object.entries(options.files ?? {})) {
    host.write(path.resolve(path.dirname(OFFER_PATH), relative), content);
  }
  if (options.baseline !== undefined) {
    const text = typeof options.baseline === 'string' ? options.baseline : JSON.stringify(options.baseline, null, 2);
    host.write(path.join(path.dirname(OFFER_PATH), 'offer.published.json'), text);
  }
  return host;
}

/** Every diagnostic of an offer (data is printed as JSON; a string is used as the text itself). */
export function check(offer: Offer, options: CheckOptions = {}): OfferDiagnostic[] {
  const text = typeof offer === 'string' ? offer : JSON.stringify(offer, null, 2);
  const service = new OfferLanguageService({ fileHost: makeHost(options) });
  const document = TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 1, text);
  return service.validate(document, options.unsaved ? undefined : { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE });
}

export function codes(diagnostics: OfferDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** Asserts that exactly one diagnostic has `code` and returns it. */
export function expectOne(diagnostics: OfferDiagnostic[], code: string, path?: string): OfferDiagnostic {
  const found = diagnostics.filter((d) => d.code === code && (path === undefined || d.path === path));
  assert.strictEqual(found.length, 1, `expected one ${code}${path ? ' at ' + path : ''}, got: ${JSON.stringify(diagnostics.map((d) => [d.code, d.path, d.message]))}`);
  return found[0];
}

export function expectNone(diagnostics: OfferDiagnostic[], code: string): void {
  const found = diagnostics.filter((d) => d.code === code);
  assert.deepStrictEqual(found.map((d) => `${d.path}: ${d.message}`), [], `expected no ${code}`);
}

/** The text that a diagnostic's range covers in `text`. */
export function textAt(text: string, diagnostic: OfferDiagnostic): string {
  const document = TextDocument.create('file:///x', 'json', 1, text);
  return text.slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
}

export function printed(offer: Offer): string {
  return JSON.stringify(offer, null, 2);
}
