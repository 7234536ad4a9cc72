/**
 * The `source` of every diagnostic the offer language server publishes. The server sets it; the
 * extension counts only diagnostics with it (other extensions may report on the same file), and
 * quick fixes act only on them.
 */
export const OFFER_DIAGNOSTIC_SOURCE = 'offer';
