/**
 * The example offer for the client's tests, read directly (not through the language service
 * harness): the tree, preview and status are pure functions of the text and the diagnostics given
 * to them, so these tests do not depend on the rules being loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'jsonc-parser';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const EXAMPLE_OFFER_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'contoso-sentinel', 'offer.json'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- offers are built as loose data on purpose, to write broken and hostile ones no type would allow
export type Offer = any;

/** A fresh deep copy of the example offer as plain data. */
export function exampleOffer(): Offer {
  return parse(EXAMPLE_OFFER_TEXT);
}

export function printed(offer: Offer): string {
  return JSON.stringify(offer, null, 2);
}
