/**
 * The benchmark's workload: a large offer (100 plans × 20 authorizations, long descriptions,
 * about 750 KiB, every plan with a private audience CSV), a 10,000-line audience CSV, real PNG
 * images, and the published baseline beside it, written into a temporary workspace folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RoleCatalog } from '@core/catalog/roleCatalog';
import { makePng } from '../test/support/pngWriter';

export const PLAN_COUNT = 100;
export const AUTHORIZATIONS_PER_PLAN = 20;
export const BIG_CSV_LINES = 10_000;

export interface BenchWorkspace {
  root: string;
  offerPath: string;
  offerText: string;
  /** Every file written besides the offer: images, CSVs and the baseline. */
  files: string[];
}

/** A small deterministic generator, so that every run benchmarks the same offer. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function guid(random: () => number): string {
  const hex = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 16).toString(16)).join('');
  // Version 4, variant 8: a well-formed GUID, as a real principal id would be.
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

const WORDS = (
  'operations security monitoring incident response detection tuning posture review workload ' +
  'subscription governance backup recovery compliance automation runbook escalation analyst ' +
  'engineer coverage weekly monthly dashboard alert triage remediation baseline policy'
).split(' ');

function sentence(random: () => number, words: number): string {
  const text = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

/** Text of at most `limit` characters, made of whole sentences. */
function prose(random: () => number, limit: number): string {
  let text = '';
  for (;;) {
    const next = sentence(random, 8 + Math.floor(random() * 10));
    if (text.length + next.length + 1 > limit) {
      return text;
    }
    text = text ? `${text} ${next}` : next;
  }
}

/** Roles for the authorizations: Lighthouse-supported, General or compute/monitoring ones. */
function benchRoles(catalog: RoleCatalog): string[] {
  const special = new Set(['18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', '91c1777a-f3dc-4fae-b103-61d183457e46', 'acdd72a7-3385-48ef-bd42-f606fba81ae7']);
  return catalog
    .supportedRoles()
    .map((role) => role.id)
    .filter((id) => !special.has(id))
    .slice(0, 60);
}

export function largeOffer(): { offer: Record<string, unknown>; csvs: Map<string, string> } {
  const random = seededRandom(6);
  const roles = benchRoles(RoleCatalog.builtin());
  const csvs = new Map<string, string>();
  const tenantId = guid(random);
  const plans = [];
  for (let p = 0; p < PLAN_COUNT; p++) {
    const planId = `plan-${String(p).padStart(3, '0')}`;
    const authorizations: Record<string, unknown>[] = [
      { principalId: guid(random), principalIdDisplayName: `Offer administrators ${p}`, roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46' },
      { principalId: guid(random), principalIdDisplayName: `Analysts ${p}`, roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' },
      {
        principalId: guid(random),
        principalIdDisplayName: `Access managers ${p}`,
        roleDefinitionId: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
        delegatedRoleDefinitionIds: [roles[p % roles.length], roles[(p + 7) % roles.length]],
      },
    ];
    while (authorizations.length < AUTHORIZATIONS_PER_PLAN) {
      const index = authorizations.length;
      authorizations.push({
        principalId: guid(random),
        principalIdDisplayName: `${sentence(random, 3).slice(0, -1)} team ${p}-${index}`,
        roleDefinitionId: roles[(p * AUTHORIZATIONS_PER_PLAN + index) % roles.length],
      });
    }
    // Plan 0 takes the 10,000-line file; every other plan has a small file of its own.
    const csv = p === 0 ? 'audiences/all-customers.csv' : `audiences/${planId}.csv`;
    if (p !== 0) {
      csvs.set(csv, `Type,Id,Description\nSubscriptionId,${guid(random)},Customer of ${planId}\n`);
    }
    plans.push({
      planId,
      name: planId,
      listing: { searchResultsSummary: sentence(random, 8).slice(0, 100), description: prose(random, 2000) },
      pricingModel: 'BYOL',
      visibility: 'private',
      privateAudience: { subscriptionIds: [guid(random)], csv },
      technicalConfiguration: {
        version: '1.0.0',
        tenantId,
        authorizations,
        eligibleAuthorizations: [
          {
            principalId: guid(random),
            principalIdDisplayName: `Break-glass engineers ${p}`,
            roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
            justInTimeAccessPolicy: { multiFactorAuthProvider: 'Azure', maximumActivationDuration: 'PT8H' },
          },
        ],
      },
    });
  }
  const big = ['Type,Id,Description'];
  while (big.length < BIG_CSV_LINES) {
    big.push(`SubscriptionId,${guid(random)},Customer ${big.length}`);
  }
  csvs.set('audiences/all-customers.csv', big.join('\n') + '\n');
  csvs.set('preview-audience.csv', `Type,Id,Description\nSubscriptionId,${guid(random)},Preview tester\n`);

  const offer = {
    offerType: 'managedService',
    offerId: 'contoso-benchmark',
    alias: 'Contoso Benchmark Operations',
    leadManagement: { destination: 'https', httpsEndpointUrl: 'https://leads.contoso.com/api/marketplace' },
    properties: { categories: ['Security', 'Monitoring & Diagnostics'], termsAndConditions: 'https://contoso.com/legal/terms' },
    listing: {
      name: 'Contoso Benchmark Operations',
      searchResultsSummary: 'Managed operations for very large Azure estates.',
      longSummary: prose(random, 250),
      description: `<p>${prose(random, 1400)}</p><ul><li>${prose(random, 600)}</li><li>${prose(random, 600)}</li></ul>`,
      privacyPolicyUrl: 'https://contoso.com/privacy',
      supportContact: { name: 'Contoso Support', email: 'support@contoso.com', phone: '+1 425 555 0100' },
      engineeringContact: { name: 'Dana Engineer', email: 'dana@contoso.com', phone: '+1 425 555 0101' },
      logos: { small: 'media/logo-small.png', medium: 'media/logo-medium.png', large: 'media/logo-large.png', wide: 'media/logo-wide.png' },
      screenshots: [1, 2, 3, 4, 5].map((n) => ({ path: `media/screenshot-${n}.png`, caption: `Dashboard ${n}` })),
      videos: [{ name: 'Overview', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', thumbnail: 'media/video-thumbnail.png' }],
    },
    previewAudience: { subscriptionIds: [guid(random)], csv: 'preview-audience.csv' },
    plans,
  };
  return { offer, csvs };
}

const IMAGES: Record<string, [number, number]> = {
  'logo-small.png': [40, 40],
  'logo-medium.png': [90, 90],
  'logo-large.png': [115, 115],
  'logo-wide.png': [255, 115],
  'screenshot-1.png': [1280, 720],
  'screenshot-2.png': [1280, 720],
  'screenshot-3.png': [1280, 720],
  'screenshot-4.png': [1280, 720],
  'screenshot-5.png': [1280, 720],
  'video-thumbnail.png': [1280, 720],
};

/** Writes the offer, its CSVs and images, and a published baseline (the same offer) into `root`. */
export function writeBenchWorkspace(root: string): BenchWorkspace {
  const { offer, csvs } = largeOffer();
  const offerText = JSON.stringify(offer, null, 2) + '\n';
  const offerPath = path.join(root, 'offer.json');
  const files: string[] = [];
  const write = (relative: string, content: string | Uint8Array) => {
    const absolute = path.join(root, relative);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
    files.push(absolute);
  };
  const screenshot = makePng(1280, 720);
  for (const [name, [width, height]] of Object.entries(IMAGES)) {
    write(path.join('media', name), width === 1280 ? screenshot : makePng(width, height));
  }
  for (const [relative, text] of csvs) {
    write(relative, text);
  }
  write('offer.published.json', offerText);
  fs.writeFileSync(offerPath, offerText);
  return { root, offerPath, offerText, files };
}
