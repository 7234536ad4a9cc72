/** What the header of an image file says: PNGs are recognised by signature, never by name. */
export type PngHeader = { isPng: true; width: number; height: number } | { isPng: false };

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads the 8-byte signature and the IHDR chunk that must follow it (width and height, big-endian). */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (bytes.length < 24 || SIGNATURE.some((byte, i) => bytes[i] !== byte)) {
    return { isPng: false };
  }
  const chunkType = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (chunkType !== 'IHDR') {
    return { isPng: false };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { isPng: true, width: view.getUint32(16), height: view.getUint32(20) };
}
