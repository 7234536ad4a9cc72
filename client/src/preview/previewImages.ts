/**
 * Resolves the offer's image paths for the preview: confined to the workspace (a path outside it
 * is never read, never shown), checked to be a PNG by its signature, and turned into a webview URI
 * by the caller's function. No `vscode` here.
 */
import type { OfferFiles } from '../../../server/src/workspace/offerFiles';
import type { ResolvedImage } from './renderListing';

export function resolveImages(
  paths: readonly string[],
  files: OfferFiles | undefined,
  toWebviewUri: (absolutePath: string) => string,
): Map<string, ResolvedImage> {
  const images = new Map<string, ResolvedImage>();
  for (const relativePath of paths) {
    if (!files) {
      // An unsaved offer has no folder: its relative paths lead nowhere.
      images.set(relativePath, { status: 'not-found' });
      continue;
    }
    const lookup = files.png(relativePath);
    switch (lookup.status) {
      case 'ok':
        images.set(relativePath, lookup.result.isPng ? { status: 'ok', src: toWebviewUri(lookup.absolutePath) } : { status: 'not-png' });
        break;
      case 'outside':
        images.set(relativePath, { status: 'outside' });
        break;
      case 'not-found':
        images.set(relativePath, { status: 'not-found' });
        break;
      default:
        images.set(relativePath, { status: 'unreadable' });
    }
  }
  return images;
}
