import type { Rule } from '../rule';
import { contactRequired } from './contactRequired';
import { descriptionEnglishFirst } from './descriptionEnglishFirst';
import { descriptionHtml } from './descriptionHtml';
import { descriptionLength } from './descriptionLength';
import { listingNameEmoji } from './listingNameEmoji';
import { listingNameLength } from './listingNameLength';
import { longSummaryLength } from './longSummaryLength';
import { privacyUrlRequired } from './privacyUrlRequired';
import { summaryLength } from './summaryLength';
import { urlFormat } from './urlFormat';

/** Offer listing: texts, description, URLs, contacts. */
export const listingRules: Rule[] = [
  listingNameLength,
  listingNameEmoji,
  summaryLength,
  longSummaryLength,
  descriptionLength,
  descriptionHtml,
  descriptionEnglishFirst,
  urlFormat,
  privacyUrlRequired,
  contactRequired,
];
