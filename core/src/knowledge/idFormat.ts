/**
 * Partner Center's format for offer and plan IDs (the `offer-id-format` and `plan-id-format`
 * rules): lowercase letters, digits, `-` and `_`, within the length that `fieldLimits` gives.
 * The rules report it, the New Offer wizard asks for it, and a file name made from an ID is made
 * only from an ID that passes it (so `../victim/pwned` never becomes a path).
 */
import { requiredLengthLimit } from './fieldLimits';

/** The characters an offer or plan ID may hold: anchored, one character class, linear. */
export const ID_PATTERN = /^[a-z0-9_-]+$/;

export type IdKind = 'offerId' | 'planId';

/** What is wrong with an ID, if anything. */
export type IdFormatProblem = 'empty' | 'too-long' | 'characters';

const LIMITS = {
  offerId: requiredLengthLimit(['offerId']),
  planId: requiredLengthLimit(['plans', 0, 'planId']),
};

/** The rule that checks each kind of ID, to name it in a refusal. */
export const ID_FORMAT_RULE: Readonly<Record<IdKind, string>> = { offerId: 'offer-id-format', planId: 'plan-id-format' };

export function idLengthLimit(kind: IdKind): { min: number; max: number } {
  return LIMITS[kind];
}

/** Undefined when the ID passes its format rule. Linear in the ID's length. */
export function idFormatProblem(id: string, kind: IdKind): IdFormatProblem | undefined {
  if (id.length === 0) {
    return 'empty';
  }
  // The pattern admits only ASCII, so UTF-16 length is the character count for a valid ID; a
  // longer string is too long or has other characters, and both are refusals.
  if (!ID_PATTERN.test(id)) {
    return 'characters';
  }
  return id.length > LIMITS[kind].max ? 'too-long' : undefined;
}
