/**
 * Fixed pathological inputs, shared by the language-service, LSP and checker tests: each one is
 * a file that an offer checker may meet but no person writes. Built on demand (some are large)
 * and memoized, so that the suites that use the same input build it once.
 */
import { EXAMPLE_OFFER_TEXT, exampleOffer, examplePlans } from '../../support/offerHarness';

export interface PathologicalInput {
  name: string;
  text: () => string;
}

const MIB = 1024 * 1024;
export const DEEP_NESTING = 20_000;

function memo(build: () => string): () => string {
  let text: string | undefined;
  return () => (text ??= build());
}

/** A seeded generator (xorshift32): the same noise on every run, so a failure can be replayed. */
function seededBytes(seed: number, count: number): Buffer {
  const bytes = Buffer.alloc(count);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** The example offer with as many copies of its plan (each with its own id) as fill 10 MiB. */
function tenMebibyteOffer(): string {
  const offer = exampleOffer();
  const [plan] = offer.plans;
  const planText = JSON.stringify(plan, null, 2).length;
  const count = Math.ceil((10 * MIB) / planText);
  // Inline audiences only: the CSV files of all plans together may hold 10,000 ids, no more.
  const privateAudience = { subscriptionIds: plan.privateAudience.subscriptionIds };
  offer.plans = examplePlans(count).map((copy) => ({ ...copy, privateAudience }));
  return JSON.stringify(offer, null, 2);
}

/** The example offer whose description is a single 2 MB string of HTML. */
function twoMegabyteString(): string {
  const offer = exampleOffer();
  offer.listing.description = '<p>' + 'Contoso operations. '.repeat(100_000) + '</p>';
  return JSON.stringify(offer, null, 2);
}

export const TEN_MIB_OFFER: PathologicalInput = { name: 'a 10 MiB offer (thousands of plans)', text: memo(tenMebibyteOffer) };
export const DEEP_ARRAYS: PathologicalInput = { name: `${DEEP_NESTING} nested [`, text: memo(() => '['.repeat(DEEP_NESTING)) };
export const DEEP_OBJECTS: PathologicalInput = {
  name: `${DEEP_NESTING} nested {"a":`,
  text: memo(() => '{"a":'.repeat(DEEP_NESTING) + '1' + '}'.repeat(DEEP_NESTING)),
};
export const TWO_MB_STRING: PathologicalInput = { name: 'a 2 MB string value', text: memo(twoMegabyteString) };
export const BINARY_NOISE: PathologicalInput = { name: '256 KiB of binary noise', text: memo(() => seededBytes(0x6f666672, 256 * 1024).toString('latin1')) };
export const EMPTY_FILE: PathologicalInput = { name: 'an empty file', text: () => '' };
export const JSON_ARRAY: PathologicalInput = { name: 'a JSON array holding the offer', text: memo(() => `[${EXAMPLE_OFFER_TEXT}]`) };
export const ONLY_COMMENTS: PathologicalInput = { name: 'a file of only comments', text: () => '// an offer will go here\n/* not yet:\n   { "offerId": "x" } */\n' };
export const BOM_OFFER: PathologicalInput = { name: 'the example offer after a byte order mark', text: memo(() => '\uFEFF' + EXAMPLE_OFFER_TEXT) };

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  TEN_MIB_OFFER,
  DEEP_ARRAYS,
  DEEP_OBJECTS,
  TWO_MB_STRING,
  BINARY_NOISE,
  EMPTY_FILE,
  JSON_ARRAY,
  ONLY_COMMENTS,
  BOM_OFFER,
];
