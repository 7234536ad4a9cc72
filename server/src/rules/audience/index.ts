import type { Rule } from '../rule';
import { audienceCsvNotFound } from './audienceCsvNotFound';
import { previewAudienceEmpty } from './previewAudienceEmpty';
import { previewAudienceLimit } from './previewAudienceLimit';
import { privateAudienceLimit } from './privateAudienceLimit';
import { privateAudienceRequired } from './privateAudienceRequired';
import { subscriptionIdFormat } from './subscriptionIdFormat';

/** Preview and private audiences: inline subscription ids and CSV files. */
export const audienceRules: Rule[] = [
  subscriptionIdFormat,
  previewAudienceLimit,
  previewAudienceEmpty,
  privateAudienceRequired,
  privateAudienceLimit,
  audienceCsvNotFound,
];
