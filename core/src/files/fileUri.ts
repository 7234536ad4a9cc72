/**
 * The path a `file:` URI names, for the server (which is told of documents by URI). Any other
 * scheme (`untitled:`) names no file, and neither does a `file:` URI the platform cannot turn
 * into a path (a host on POSIX, an encoded separator).
 */
import { fileURLToPath } from 'url';

export function pathOfFileUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
