/**
 * The preview's images, from what the server found at each path of the offer: a PNG of the
 * workspace becomes a webview URI (through the caller's function); anything else keeps the
 * server's reason, and the preview shows a placeholder. No `vscode` here.
 */
import type { ImageLookup } from '@core/protocol';
import type { ResolvedImage } from './renderListing';

export function resolveImages(lookups: Readonly<Record<string, ImageLookup>>, toWebviewUri: (absolutePath: string) => string): Map<string, ResolvedImage> {
  const images = new Map<string, ResolvedImage>();
  for (const [relativePath, lookup] of Object.entries(lookups)) {
    images.set(relativePath, lookup.status === 'ok' ? { status: 'ok', src: toWebviewUri(lookup.absolutePath) } : { status: lookup.status });
  }
  return images;
}
