/**
 * What the listing preview shows of an offer, computed in the server from the version it has
 * checked: the listing's data, the readiness, and what was found at each image path (confined to
 * the workspace, PNG by its signature). The extension only turns found images into webview URIs
 * and renders (`client/src/preview/renderListing.ts`).
 */
import { getNodeValue, Node } from 'jsonc-parser';
import { OfferDocument } from '@core/model/offerDocument';
import { items, prop } from '@core/model/nodes';
import type { ImageLookup, ListingPreviewData, PublishStatus } from '@core/protocol';
import { imageRefsOf } from '../rules/media/images';
import type { OfferFiles } from '../workspace/offerFiles';

/** The parts of a plan the listing shows. */
const PLAN_KEYS = ['planId', 'name', 'visibility', 'listing'];

export function previewData(document: OfferDocument, status: PublishStatus, files: OfferFiles | undefined): Omit<ListingPreviewData, 'uri' | 'version'> {
  const root = document.root;
  if (!root) {
    return { readable: false, offer: null, status, images: {} };
  }
  if (root.type !== 'object') {
    return { readable: true, offer: getNodeValue(root), status, images: {} };
  }
  return { readable: true, offer: listingView(root), status, images: imageLookups(root, files) };
}

/**
 * The offer without what the listing does not show (technical configurations, audiences…): on an
 * offer with thousands of authorizations, the preview's data stays the size of its listing.
 */
function listingView(root: Node): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of ['listing', 'properties']) {
    const node = prop(root, key);
    if (node) {
      view[key] = getNodeValue(node);
    }
  }
  const plans = prop(root, 'plans');
  if (plans?.type === 'array') {
    view.plans = items(plans).map((plan): unknown => (plan.type === 'object' ? pick(plan, PLAN_KEYS) : getNodeValue(plan)));
  } else if (plans) {
    view.plans = getNodeValue(plans);
  }
  return view;
}

function pick(node: Node, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    const value = prop(node, key);
    if (value) {
      picked[key] = getNodeValue(value);
    }
  }
  return picked;
}

/** Each image path of the listing (logos, screenshots, video thumbnails) once, and what is there. */
function imageLookups(root: Node, files: OfferFiles | undefined): Record<string, ImageLookup> {
  const lookups = Object.create(null) as Record<string, ImageLookup>;
  for (const ref of imageRefsOf(root)) {
    if (ref.path === '' || ref.path in lookups) {
      continue;
    }
    lookups[ref.path] = lookupImage(ref.path, files);
  }
  return lookups;
}

function lookupImage(relativePath: string, files: OfferFiles | undefined): ImageLookup {
  if (!files) {
    // An unsaved offer has no folder: its relative paths lead nowhere.
    return { status: 'not-found' };
  }
  const lookup = files.png(relativePath);
  switch (lookup.status) {
    case 'ok':
      return lookup.result.isPng ? { status: 'ok', absolutePath: lookup.absolutePath } : { status: 'not-png' };
    case 'outside':
      return { status: 'outside' };
    case 'not-found':
      return { status: 'not-found' };
    default:
      return { status: 'unreadable' };
  }
}
