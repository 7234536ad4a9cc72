/**
 * The hosts Partner Center plays listing videos from (YouTube and Vimeo). Exact names, so that a
 * look-alike domain (`youtube.com.evil.example`) is not one of them. `video-host` reports a video
 * on any other host; the listing preview links only videos on these.
 */
export const VIDEO_HOSTS: readonly string[] = ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'vimeo.com', 'www.vimeo.com', 'player.vimeo.com'];

const VIDEO_HOST_SET: ReadonlySet<string> = new Set(VIDEO_HOSTS);

/** Whether a URL's host name (any case) is one Partner Center plays videos from. */
export function isVideoHost(hostname: string): boolean {
  return VIDEO_HOST_SET.has(hostname.toLowerCase());
}
