import type { Rule } from '../rule';
import { imageNotFound } from './imageNotFound';
import { imageNotPng } from './imageNotPng';
import { imageSize } from './imageSize';
import { logoMissing } from './logoMissing';
import { pathOutsideWorkspace } from './pathOutsideWorkspace';
import { screenshotCaptionLength } from './screenshotCaptionLength';
import { screenshotSize } from './screenshotSize';
import { screenshotsCount } from './screenshotsCount';
import { videoHost } from './videoHost';
import { videosCount } from './videosCount';
import { videoThumbnailSize } from './videoThumbnailSize';

/** Images and videos of the listing: logos, screenshots, video thumbnails, paths. */
export const mediaRules: Rule[] = [
  logoMissing,
  imageNotFound,
  imageNotPng,
  imageSize,
  screenshotSize,
  videoThumbnailSize,
  screenshotsCount,
  screenshotCaptionLength,
  videosCount,
  videoHost,
  pathOutsideWorkspace,
];
