/**
 * The images an offer names (logos, screenshots, video thumbnails), found once from the tree so
 * that every media rule walks them the same way and names them the same way in its messages.
 */
import type { Node } from 'jsonc-parser';
import { t } from '@core/l10n';
import { logoTitle } from '@core/text/logoNames';
import { perVersion } from '@core/model/caching';
import { at, entries, items, prop, str } from '@core/model/nodes';
import type { PngHeader } from '../../workspace/png';
import type { RuleContext } from '../rule';
import { requiredImageSize } from '@core/knowledge/fieldLimits';
import { isLogoSize, type LogoSize } from '@core/knowledge/logos';

/** Screenshots and video thumbnails are both exactly this size. */
const { width: widescreenWidth, height: widescreenHeight } = requiredImageSize(['listing', 'screenshots', 0, 'path']);
export const WIDESCREEN = { width: widescreenWidth, height: widescreenHeight };

export type ImageRef =
  | { kind: 'logo'; node: Node; path: string; size: LogoSize }
  | { kind: 'screenshot'; node: Node; path: string; index: number }
  | { kind: 'thumbnail'; node: Node; path: string; index: number };

/**
 * Every image path of the listing that is a string (other types are the schema's to report): found
 * once per version (kept under its root, see core/src/model/caching.ts), shared by the media rules.
 */
export const imageRefsOf = perVersion((root: Node): readonly ImageRef[] => findImages(root));

function findImages(root: Node): ImageRef[] {
  const listing = prop(root, 'listing');
  const refs: ImageRef[] = [];
  for (const { key, valueNode } of entries(prop(listing, 'logos'))) {
    const path = str(valueNode);
    // Not `key in LOGO_DIMENSIONS`: a key such as "constructor" is in every object.
    if (valueNode && path !== undefined && isLogoSize(key)) {
      refs.push({ kind: 'logo', node: valueNode, path, size: key });
    }
  }
  items(prop(listing, 'screenshots')).forEach((screenshot, index) => {
    const node = prop(screenshot, 'path');
    const path = str(node);
    if (node && path !== undefined) {
      refs.push({ kind: 'screenshot', node, path, index });
    }
  });
  items(prop(listing, 'videos')).forEach((video, index) => {
    const node = prop(video, 'thumbnail');
    const path = str(node);
    if (node && path !== undefined) {
      refs.push({ kind: 'thumbnail', node, path, index });
    }
  });
  return refs;
}

/** How a message names the image: "The small logo", "Screenshot 2", "The thumbnail of video 1". */
export function imageName(ref: ImageRef): string {
  switch (ref.kind) {
    case 'logo':
      return logoTitle(ref.size);
    case 'screenshot':
      return t('Screenshot {0}', ref.index + 1);
    case 'thumbnail':
      return t('The thumbnail of video {0}', ref.index + 1);
  }
}

/** An empty logo path is a missing logo (logo-missing says so); other image rules pass over it. */
export function isEmptyLogo(ref: ImageRef): boolean {
  return ref.kind === 'logo' && ref.path.trim() === '';
}

/** The PNG header of an image that exists inside the workspace and is a PNG, else undefined. */
export function pngSizeOf(context: RuleContext, ref: ImageRef): { width: number; height: number } | undefined {
  const header = headerOf(context, ref);
  return header?.isPng ? header : undefined;
}

/** What the image's first bytes say, when the file exists inside the workspace and was read. */
export function headerOf(context: RuleContext, ref: ImageRef): PngHeader | undefined {
  if (!context.files || ref.path.trim() === '') {
    return undefined;
  }
  const lookup = context.files.png(ref.path);
  return lookup.status === 'ok' ? lookup.result : undefined;
}

/** `at(root, 'listing', …)` for the count rules. */
export function listingArray(root: Node, key: 'screenshots' | 'videos'): Node | undefined {
  const node = at(root, 'listing', key);
  return node?.type === 'array' ? node : undefined;
}
