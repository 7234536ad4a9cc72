/**
 * What the header of an image file says. PNGs are recognised by their signature, never by the
 * file name: a JPEG renamed `.png` is not a PNG, and a PNG named `.jpg` is one.
 */
export type PngHeader =
  | { isPng: true; width: number; height: number }
  /**
   * `signature`: the file does not start like a PNG (another format, text, an empty file).
   * `truncated`: it starts like a PNG but ends, or is damaged, before its size is given.
   */
  | { isPng: false; reason: 'signature' | 'truncated' };

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Signature (8) + IHDR length (4) + type (4) + width (4) + height (4). */
export const PNG_HEADER_BYTES = 24;

/**
 * Reads the 8-byte signature and the IHDR chunk that must come first after it; its data starts
 * with the width and height, big-endian. Only the first {@link PNG_HEADER_BYTES} bytes are needed.
 */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const signatureBytes = Math.min(bytes.length, SIGNATURE.length);
  if (bytes.length === 0 || SIGNATURE.slice(0, signatureBytes).some((byte, i) => bytes[i] !== byte)) {
    return { isPng: false, reason: 'signature' };
  }
  if (bytes.length < PNG_HEADER_BYTES) {
    return { isPng: false, reason: 'truncated' };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  // The PNG specification requires IHDR first, 13 bytes long, and both dimensions non-zero.
  if (chunkType !== 'IHDR' || view.getUint32(8) !== 13 || width === 0 || height === 0) {
    return { isPng: false, reason: 'truncated' };
  }
  return { isPng: true, width, height };
}
