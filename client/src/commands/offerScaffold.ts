/**
 * The "New Offer" wizard's answers checked, and the offer file it writes: every section of the
 * format present, with the values asked for filled in and the rest left empty for the checker to
 * point at. No `vscode` here.
 */
import { t } from '@core/l10n';
import { requiredLengthLimit } from '@core/knowledge/fieldLimits';
import { isGuid } from '@core/knowledge/identifiers';
import { LOGOS } from '@core/knowledge/logos';

export interface ScaffoldAnswers {
  offerId: string;
  alias: string;
  tenantId: string;
}

const OFFER_ID_PATTERN = /^[a-z0-9_-]+$/;
const OFFER_ID_LIMIT = requiredLengthLimit(['offerId']);

export function validateOfferId(offerId: string): string | undefined {
  if (offerId.length === 0) {
    return t('Type an offer ID, for example "contoso-sentinel-ops".');
  }
  if (!OFFER_ID_PATTERN.test(offerId)) {
    // The box shows what was typed: the message does not repeat it (it may be very long).
    return t('An offer ID uses only lowercase letters, digits, "-" and "_".');
  }
  if ([...offerId].length > OFFER_ID_LIMIT.max) {
    return t('The offer ID has {0} characters; the limit is {1}.', [...offerId].length, OFFER_ID_LIMIT.max);
  }
  return undefined;
}

export function validateAlias(alias: string): string | undefined {
  return alias.trim() === '' ? t('Type an alias: the name the offer has in Partner Center (customers do not see it).') : undefined;
}

export function validateTenantId(tenantId: string): string | undefined {
  return isGuid(tenantId.trim())
    ? undefined
    : t('The tenant ID is the GUID of your managing tenant (Microsoft Entra ID → Overview → Tenant ID).');
}

/** The text of a new `offer.json`: JSON with comments saying what to fill in. */
export function scaffoldOffer(answers: ScaffoldAnswers): string {
  const q = (value: string) => JSON.stringify(value);
  const offerId = q(answers.offerId);
  const alias = q(answers.alias.trim());
  const tenantId = q(answers.tenantId.trim().toLowerCase());
  return `{
  // A managed service offer (Azure Lighthouse). Paths are relative to this file.
  // The Problems panel lists what is still missing; "Open Listing Preview" shows the listing.
  "offerType": "managedService",
  "offerId": ${offerId},
  "alias": ${alias},
  "leadManagement": {
    "destination": "https",
    "httpsEndpointUrl": ""
  },
  "properties": {
    "categories": [],
    "termsAndConditions": ""
  },
  "listing": {
    "name": ${alias},
    "searchResultsSummary": "",
    "longSummary": "",
    "description": "<p></p>",
    "privacyPolicyUrl": "",
    "usefulLinks": [],
    "supportContact": { "name": "", "email": "", "phone": "" },
    "engineeringContact": { "name": "", "email": "", "phone": "" },
    "supportUrls": { "azureGlobal": "" },
    // PNG files: ${LOGOS.map((logo) => `${logo.size} ${logo.width}×${logo.height}`).join(', ')} pixels.
    "logos": {
${LOGOS.map((logo) => `      ${q(logo.size)}: ${q(`media/logo-${logo.size}.png`)}`).join(',\n')}
    },
    "screenshots": [],
    "videos": []
  },
  // Who can see the offer before it goes live: up to 10 subscription ids here, or a CSV file.
  "previewAudience": {
    "subscriptionIds": []
  },
  "plans": [
    {
      "planId": "standard",
      "name": "standard",
      "listing": {
        "searchResultsSummary": "",
        "description": ""
      },
      "pricingModel": "BYOL",
      "visibility": "private",
      "privateAudience": {
        "subscriptionIds": []
      },
      "technicalConfiguration": {
        "version": "1.0.0",
        "tenantId": ${tenantId},
        "authorizations": []
      }
    }
  ],
  "certificationNotes": ""
}
`;
}
