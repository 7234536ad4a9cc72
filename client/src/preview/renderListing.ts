/**
 * The listing preview as an HTML string: what a customer would see of the offer in the
 * marketplace. A pure function of the offer's data and readiness (as the server gave them), the
 * images already resolved to webview URIs, and the webview's nonce and CSP source, so that it is
 * tested without VS Code.
 *
 * Everything from the offer is untrusted. Text is escaped; the description, the one rich-text
 * field, goes through sanitize-html down to the tags of Partner Center's rich-text editor; URLs are
 * kept only when they are absolute http(s) URLs; image sources never come from the offer (only from
 * the resolved-image table the caller built with `webview.asWebviewUri`). The page carries no inline
 * style or script: the one script is the extension's own file, with the nonce.
 */
import sanitizeHtml from 'sanitize-html';
import { RICH_TEXT_TAGS } from '@core/knowledge/richText';
import { isVideoHost } from '@core/knowledge/videoHosts';
import { t } from '@core/l10n';
import { errorCount } from '@core/text/counts';
import { findSecrets, redactSecrets } from '@core/text/secrets';
import type { PublishStatus } from '@core/protocol';
import { safeUrl } from './safeUrl';
import { attr, text, webviewPage } from '../webview/webviewPage';

/** What became of an image path of the offer when the extension looked for it. */
export type ResolvedImage =
  | { status: 'ok'; src: string }
  | { status: 'not-found' | 'outside' | 'not-png' | 'unreadable' };

export interface ListingPreviewInput {
  /** The offer as plain data (the parsed JSON), or undefined when it does not parse. */
  offer: unknown;
  /** Image paths of the offer (as written) → what was found (the server looked; a path not here is not found). */
  images: ReadonlyMap<string, ResolvedImage>;
  /** A fresh random value per rendering, allowed by the CSP for the extension's script only. */
  nonce: string;
  /** `webview.cspSource`: where images, the stylesheet and the script may come from. */
  cspSource: string;
  /** Webview URIs of the extension's `media/preview.css` and `media/preview.js`. */
  styleUri: string;
  scriptUri: string;
  /** Publish readiness, shown at the top. */
  status?: PublishStatus;
  /** The offer's file name, for the title and messages. */
  fileName?: string;
  /** The offer's URI: the script forgets the scroll position of another offer's page. */
  offerUri?: string;
  /** Where the reader had scrolled to; the script restores it after a re-render. */
  scrollY?: number;
}

export function renderListing(input: ListingPreviewInput): string {
  return webviewPage({
    ...input,
    images: true,
    // The listing is shown as customers see it in the marketplace: in English.
    language: 'en',
    title: t('Listing preview: {0}', input.fileName ?? 'offer.json'),
    body: new ListingView(input).render(),
  });
}

/**
 * The description's HTML reduced to the rich-text editor's set. Links keep their target only when
 * it is an absolute http(s) or mailto URL, and carry it as `data-href` (see {@link linkAttributes}).
 */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, {
    // The tags of Partner Center's rich-text editor; everything else is dropped, its text kept.
    allowedTags: [...RICH_TEXT_TAGS],
    allowedAttributes: { a: ['data-href', 'role', 'tabindex', 'title'] },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // The link's attributes are rebuilt from its href alone: whatever else the offer wrote on it
    // (data-href, event handlers, style) is dropped. Its text stays either way.
    transformTags: {
      a: (tagName, attribs) => {
        const url = attribs.href === undefined ? undefined : safeUrl(attribs.href, true);
        const kept: Record<string, string> = url && !holdsSecret(url) ? linkAttributeMap(url) : {};
        return { tagName, attribs: kept };
      },
    },
  });
}

/**
 * A link of the preview: the target in `data-href`, not `href`. The webview host of VS Code opens
 * any clicked `<a href>` by itself; without `href` only the preview's script sees the click and
 * asks the extension, which confirms with the user before opening anything.
 */
function linkAttributeMap(url: string): Record<string, string> {
  return { 'data-href': url, role: 'link', tabindex: '0', title: url };
}

function linkAttributes(url: string): string {
  return Object.entries(linkAttributeMap(url))
    .map(([name, value]) => `${name}="${attr(value)}"`)
    .join(' ');
}

/**
 * A link with a key, signature or password in it (`sig=`, `code=`…) is not shown, not even in a
 * tooltip or an attribute: `secret-in-offer` says where it is.
 */
function holdsSecret(url: string): boolean {
  return findSecrets(url).length > 0;
}

/** Whether the value parses as an absolute URL of any scheme (`ftp:`, `javascript:` too). */
function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isVideoHostUrl(value: unknown): boolean {
  const url = safeUrl(value);
  return url !== undefined && isVideoHost(new URL(url).hostname);
}

class ListingView {
  private readonly offer: Record<string, unknown> | undefined;
  private readonly listing: Record<string, unknown> | undefined;

  constructor(private readonly input: ListingPreviewInput) {
    this.offer = record(input.offer);
    this.listing = record(this.offer?.listing);
  }

  render(): string {
    if (!this.offer) {
      return `<main class="listing">${missing(
        this.input.offer === undefined
          ? t('The offer cannot be read as JSON yet: fix the syntax errors shown in the Problems panel.')
          : t('An offer is a JSON object: this file holds something else.'),
      )}</main>`;
    }
    return [this.readiness(), '<main class="listing">', this.hero(), this.overview(), this.media(), this.plans(), this.contacts(), '</main>'].join('\n');
  }

  private readiness(): string {
    const status = this.input.status;
    if (!status) {
      return '';
    }
    const headline = status.ready
      ? t('Ready to publish: every section is complete.')
      : status.blockingProblems === 1
        ? t('Not ready to publish: 1 blocking problem.')
        : t('Not ready to publish: {0} blocking problems.', status.blockingProblems);
    const rows = status.sections
      .map(
        (section) =>
          `<li class="section-state state-${section.state}"><span class="section-title">${text(section.title)}</span> <span class="section-label">${text(section.stateLabel)}</span>${
            section.blockingProblems > 0 ? ` <span class="section-problems">${text(errorCount(section.blockingProblems))}</span>` : ''
          }</li>`,
      )
      .join('');
    return `<section class="readiness ${status.ready ? 'ready' : 'not-ready'}" aria-label="${attr(t('Publish readiness'))}"><h2>${text(headline)}</h2><ul>${rows}</ul></section>`;
  }

  private hero(): string {
    const name = nonEmptyString(this.listing?.name);
    const summary = nonEmptyString(this.listing?.searchResultsSummary);
    const longSummary = nonEmptyString(this.listing?.longSummary);
    return `<section class="hero">
<div class="logo">${this.image(record(this.listing?.logos)?.large, t('large logo'), 'logo-large')}</div>
<div class="hero-text">
<h1>${name ? text(name) : missingInline(t('No listing name yet (listing.name).'))}</h1>
<p class="offer-kind">${text(t('Managed Services'))}</p>
${summary ? `<p class="summary">${text(summary)}</p>` : missing(t('No search results summary yet (listing.searchResultsSummary).'))}
</div>
</section>
${this.searchTile(name, summary)}
${longSummary ? `<p class="long-summary">${text(longSummary)}</p>` : ''}`;
  }

  /** How the offer appears among search results: the medium logo, name and short summary. */
  private searchTile(name: string | undefined, summary: string | undefined): string {
    return `<section class="search-tile" aria-label="${attr(t('Search result'))}">
<h2>${text(t('In search results'))}</h2>
<div class="tile">${this.image(record(this.listing?.logos)?.medium, t('medium logo'), 'logo-medium')}<div><strong>${text(name ?? '')}</strong><p>${text(summary ?? '')}</p></div></div>
</section>`;
  }

  private overview(): string {
    const description = nonEmptyString(this.listing?.description);
    const links = list(this.listing?.usefulLinks)
      .map((link) => this.link(record(link)?.url, nonEmptyString(record(link)?.name) ?? t('(link without a name)')))
      .map((html) => `<li>${html}</li>`)
      .join('');
    const legal = [
      this.link(this.listing?.privacyPolicyUrl, t('Privacy policy'), t('No privacy policy URL yet (listing.privacyPolicyUrl).')),
      this.terms(),
    ]
      .map((html) => `<li>${html}</li>`)
      .join('');
    const categories = list(record(this.offer?.properties)?.categories)
      .filter((category): category is string => typeof category === 'string')
      .map((category) => `<li class="category">${text(category)}</li>`)
      .join('');
    return `<section class="overview">
<h2>${text(t('Overview'))}</h2>
${description ? `<div class="description">${sanitizeDescription(description)}</div>` : missing(t('No description yet (listing.description).'))}
${categories ? `<h3>${text(t('Categories'))}</h3><ul class="categories">${categories}</ul>` : ''}
${links ? `<h3>${text(t('Useful links'))}</h3><ul class="links">${links}</ul>` : ''}
<h3>${text(t('Legal'))}</h3><ul class="links">${legal}</ul>
</section>`;
  }

  private media(): string {
    const screenshots = list(this.listing?.screenshots)
      .map((shot) => {
        const caption = nonEmptyString(record(shot)?.caption);
        return `<figure class="screenshot">${this.image(record(shot)?.path, caption ?? t('screenshot'), 'screenshot')}${
          caption ? `<figcaption>${text(caption)}</figcaption>` : ''
        }</figure>`;
      })
      .join('');
    const videos = list(this.listing?.videos).map((video) => this.video(record(video))).join('');
    if (!screenshots && !videos) {
      return '';
    }
    return `<section class="media"><h2>${text(t('Media'))}</h2><div class="gallery">${screenshots}${videos}</div></section>`;
  }

  /** A thumbnail that links to the video page: videos are never embedded in the preview. */
  private video(video: Record<string, unknown> | undefined): string {
    const name = nonEmptyString(video?.name) ?? t('(video without a name)');
    const thumbnail = this.image(video?.thumbnail, name, 'video-thumbnail');
    const url = isVideoHostUrl(video?.url) ? safeUrl(video?.url) : undefined;
    const body = `${thumbnail}<figcaption><span class="play" aria-hidden="true">▶</span> ${text(name)}</figcaption>`;
    if (url && holdsSecret(url)) {
      return `<figure class="video">${body}${missing(t('The link holds a secret, so the preview does not show it.'))}</figure>`;
    }
    return url
      ? `<figure class="video"><a ${linkAttributes(url)}>${body}</a></figure>`
      : `<figure class="video">${body}${missing(t('The video link is not a YouTube or Vimeo URL.'))}</figure>`;
  }

  private plans(): string {
    const plans = list(this.offer?.plans).map(record);
    if (plans.length === 0) {
      return `<section class="plans"><h2>${text(t('Plans'))}</h2>${missing(t('No plan yet: an offer needs at least one plan.'))}</section>`;
    }
    const rows = plans
      .map((plan, index) => {
        const name = nonEmptyString(plan?.name) ?? nonEmptyString(plan?.planId) ?? t('Plan {0}', index + 1);
        const listing = record(plan?.listing);
        const summary = nonEmptyString(listing?.searchResultsSummary);
        const description = nonEmptyString(listing?.description);
        const visibility = plan?.visibility === 'private' ? t('Private plan') : plan?.visibility === 'public' ? t('Public plan') : '';
        return `<tr><th scope="row">${text(name)}${visibility ? `<span class="badge">${text(visibility)}</span>` : ''}</th><td>${
          summary ? `<p class="summary">${text(summary)}</p>` : missing(t('No plan summary yet.'))
        }${description ? `<p>${text(description)}</p>` : missing(t('No plan description yet.'))}</td><td>${text(t('Bring your own license'))}</td></tr>`;
      })
      .join('');
    return `<section class="plans"><h2>${text(t('Plans'))}</h2><table><thead><tr><th>${text(t('Plan'))}</th><th>${text(
      t('Description'),
    )}</th><th>${text(t('Price'))}</th></tr></thead><tbody>${rows}</tbody></table><p class="note">${text(
      t('Customers see private plans only when their subscription is in the plan\'s audience.'),
    )}</p></section>`;
  }

  /** Partner Center never shows the support and engineering contacts to customers. */
  private contacts(): string {
    return `<p class="note contacts">${text(t('Support and engineering contacts are used by Microsoft only and are not shown to customers.'))}</p>`;
  }

  /**
   * Partner Center takes the terms and conditions as a link or as their text, and so does the
   * checker. A web address alone shows as a link; anything else is the terms themselves, under
   * their label, line breaks kept (in a box that scrolls when they are long).
   */
  private terms(): string {
    const value = record(this.offer?.properties)?.termsAndConditions;
    const label = t('Terms and conditions');
    if (typeof value !== 'string' || value.trim() === '') {
      return missingInline(t('No terms and conditions yet (properties.termsAndConditions).'));
    }
    if (!/\s/.test(value.trim()) && isAbsoluteUrl(value.trim())) {
      return this.link(value, label);
    }
    // Terms written as text are shown, but never a key pasted into them.
    return `<div class="terms"><span class="terms-label">${text(label)}</span><div class="terms-text">${text(redactSecrets(value))}</div></div>`;
  }

  private link(value: unknown, label: string, whenMissing?: string): string {
    if (value === undefined || value === '') {
      return whenMissing ? missingInline(whenMissing) : missingInline(t('{0}: no URL yet.', label));
    }
    const url = safeUrl(value);
    if (url && holdsSecret(url)) {
      return `${text(label)} ${missingInline(t('The link holds a secret, so the preview does not show it.'))}`;
    }
    return url
      ? `<a ${linkAttributes(url)}>${text(label)}</a>`
      : `${text(label)} ${missingInline(t('(not an http or https URL)'))}`;
  }

  /** An `<img>` only for a path the caller resolved to a webview URI; a clear placeholder otherwise. */
  private image(path: unknown, alt: string, className: string): string {
    if (typeof path !== 'string' || path === '') {
      return `<div class="placeholder ${className}">${text(t('No {0} yet', alt))}</div>`;
    }
    const resolved = this.input.images.get(path);
    if (resolved?.status === 'ok') {
      return `<img class="${className}" src="${attr(resolved.src)}" alt="${attr(alt)}">`;
    }
    const reasons: Record<string, string> = {
      'not-found': t('Image not found: {0}', path),
      outside: t('Image outside the workspace, not shown: {0}', path),
      'not-png': t('Not a PNG image: {0}', path),
      unreadable: t('Image cannot be read: {0}', path),
    };
    return `<div class="placeholder ${className}" role="img" aria-label="${attr(alt)}">${text(reasons[resolved?.status ?? 'not-found'])}</div>`;
  }
}

function missing(message: string): string {
  return `<p class="missing">${text(message)}</p>`;
}

function missingInline(message: string): string {
  return `<span class="missing">${text(message)}</span>`;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

