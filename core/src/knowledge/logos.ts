/**
 * The four logos of a listing and their exact pixel sizes, read from the image-size table
 * (`fieldLimits.ts`): `logo-missing` requires each of them, `image-size` checks their size, the
 * listing preview shows them, and the New Offer scaffold names them.
 */
import { IMAGE_SIZES } from './fieldLimits';

export type LogoSize = 'small' | 'medium' | 'large' | 'wide';

export interface LogoSpec {
  size: LogoSize;
  width: number;
  height: number;
}

/** Every `listing.logos.<size>` of the image-size table, in its order. */
export const LOGOS: readonly LogoSpec[] = IMAGE_SIZES.filter((image) => image.pattern.length === 3 && image.pattern[0] === 'listing' && image.pattern[1] === 'logos').map(
  (image) => ({ size: image.pattern[2] as LogoSize, width: image.width, height: image.height }),
);

export const LOGO_SIZES: readonly LogoSize[] = LOGOS.map((logo) => logo.size);

export const LOGO_DIMENSIONS = Object.fromEntries(LOGOS.map(({ size, width, height }) => [size, { width, height }])) as Readonly<
  Record<LogoSize, { width: number; height: number }>
>;

/** Whether a key of `listing.logos` names one of the four logos. */
export function isLogoSize(key: string): key is LogoSize {
  return (LOGO_SIZES as readonly string[]).includes(key);
}
