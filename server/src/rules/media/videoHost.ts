import { t } from '@core/l10n';
import { quoteValue } from '@core/text/quote';
import { items, prop, str } from '@core/model/nodes';
import { isVideoHost } from '@core/knowledge/videoHosts';
import type { Rule } from '../rule';

/**
 * The host name of an http(s) URL, lowercased; undefined when the text is not one (url-format
 * reports that, so this rule stays silent rather than saying it twice).
 */
export function httpHostOf(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.hostname.toLowerCase() : undefined;
}

export const videoHost: Rule = {
  code: 'video-host',
  severity: 'error',
  docs: 'Listing videos must be hosted on YouTube or Vimeo, the only sources the marketplace plays.',
  check({ root, report }) {
    items(prop(prop(root, 'listing'), 'videos')).forEach((video, index) => {
      const node = prop(video, 'url');
      const url = str(node);
      const host = url === undefined ? undefined : httpHostOf(url);
      if (node && host !== undefined && !isVideoHost(host)) {
        report(
          node,
          t("Video {0} is hosted on '{1}': only YouTube (youtube.com, youtu.be) and Vimeo (vimeo.com) links are accepted; upload it there and link it.", index + 1, quoteValue(host)),
          { host },
        );
      }
    });
  },
};
