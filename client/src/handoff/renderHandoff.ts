/**
 * The Partner Center hand-off as an HTML page: the sheet the server built (every page, section and
 * field of Partner Center with the exact value to type, pick or upload), with a copy button per
 * value and a tick per field. A pure function of the sheet, the ticks kept for the offer and the
 * webview's nonce and CSP source, so that it is tested without VS Code.
 *
 * Everything in the sheet comes from the offer and is untrusted: all of it is escaped, as text or
 * as a double-quoted attribute value, and nothing of it becomes markup, a URL or script. A copy
 * button carries the field's id (`data-field-id`), never the value: the page's script posts that
 * id and the extension copies the value from the sheet it rendered. The page carries no inline
 * style or script: its one script is the extension's own `media/handoff.js`, with the nonce.
 */
import { messageLanguage, t } from '@core/l10n';
import type { HandoffField, HandoffPage, HandoffSection, HandoffSheet } from '@core/protocol';
import { escapeControlCharacters, escapeControlCharactersKeepingLines, hasInvisibleCharacters } from '@core/text/quote';
import { attr, text, webviewPage } from '../webview/webviewPage';

export interface HandoffViewInput {
  /** The sheet, or undefined while the server has not answered (a short message is shown). */
  sheet: HandoffSheet | undefined;
  /** The tick ids ticked for this offer: a field is ticked when its current `tickId` is here. */
  ticked: ReadonlySet<string>;
  /** A fresh random value per rendering, allowed by the CSP for the extension's script only. */
  nonce: string;
  /** `webview.cspSource`: where the stylesheet and the script may come from. */
  cspSource: string;
  /** Webview URIs of the extension's `media/handoff.css` and `media/handoff.js`. */
  styleUri: string;
  scriptUri: string;
  /** The offer's file name, for the heading. */
  fileName?: string;
  /** The offer's URI: the script forgets the scroll and folded sections of another offer's page. */
  offerUri?: string;
  /** Where the reader had scrolled to; the script restores it after a re-render. */
  scrollY?: number;
}

export function renderHandoff(input: HandoffViewInput): string {
  const fileName = input.fileName ?? 'offer.json';
  const body = input.sheet
    ? new HandoffView(input.sheet, input.ticked).render(fileName)
    : `<main class="waiting"><p>${text(t('Waiting for the offer language server…'))}</p></main>`;
  // Strings the script shows as the page changes (it has no translations of its own); {0} and {1}
  // are filled in by the script with numbers only.
  const labels: Record<string, string> = {
    'data-label-copy': t('Copy'),
    'data-label-copied': t('Copied'),
    'data-label-progress': t('{0} of {1} fields ticked'),
  };
  const labelAttributes = Object.entries(labels)
    .map(([name, value]) => `${name}="${attr(value)}"`)
    .join(' ');
  return webviewPage({
    ...input,
    language: messageLanguage(),
    title: t('Partner Center hand-off: {0}', fileName),
    bodyAttributes: labelAttributes,
    body,
  });
}

/** How many fields of a list are ticked. */
interface Count {
  ticked: number;
  total: number;
}

class HandoffView {
  /** Element ids are numbered: the sheet's own ids come from the offer and only go in data attributes. */
  private nextTick = 0;

  constructor(
    private readonly sheet: HandoffSheet,
    private readonly ticked: ReadonlySet<string>,
  ) {}

  render(fileName: string): string {
    const counts = this.sheet.pages.map((page) => this.count(page.sections.flatMap((section) => section.fields)));
    const total = counts.reduce((sum, count) => ({ ticked: sum.ticked + count.ticked, total: sum.total + count.total }), { ticked: 0, total: 0 });
    const pages = this.sheet.pages.map((page, index) => this.page(page, index, counts[index])).join('\n');
    return `${this.toolbar(fileName, total)}
<div class="layout">
${this.contents(counts)}
<main class="sheet">
<p class="intro">${text(t('Every value is exact: copy it, paste it into Partner Center, then tick the field. Ticks are kept for this offer, and a tick lapses when its value changes.'))}</p>
${pages}
</main>
</div>`;
  }

  /** The heading, the overall progress and the page's actions; it stays at the top while scrolling. */
  private toolbar(fileName: string, total: Count): string {
    return `<header class="toolbar">
<div class="heading">
<h1>${text(t('Partner Center hand-off'))}</h1>
<p class="offer-name"><span class="offer-title">${text(this.sheet.title)}</span> <span class="file-name">${text(fileName)}</span></p>
</div>
<div class="progress-block">
<span class="progress-text" data-progress>${text(t('{0} of {1} fields ticked', total.ticked, total.total))}</span>
<progress class="progress" max="${total.total}" value="${total.ticked}" data-progress-bar></progress>
</div>
<div class="actions">
<label class="toggle"><input type="checkbox" class="hide-ticked"> ${text(t('Hide ticked fields'))}</label>
<button type="button" class="action expand-all">${text(t('Expand all'))}</button>
<button type="button" class="action collapse-all">${text(t('Collapse all'))}</button>
<button type="button" class="action clear-ticks">${text(t('Clear ticks'))}</button>
</div>
</header>`;
  }

  /** The pages in Partner Center's order, each plan's under its name, with ticked/total per page. */
  private contents(counts: Count[]): string {
    const items: string[] = [];
    let plan: number | undefined;
    this.sheet.pages.forEach((page, index) => {
      if (page.plan && page.plan.index !== plan) {
        items.push(`<li class="plan-heading">${text(page.plan.title)}</li>`);
      }
      plan = page.plan?.index;
      items.push(
        `<li><button type="button" class="nav-link${page.plan ? ' in-plan' : ''}${done(counts[index]) ? ' done' : ''}" data-target="page-${index}">` +
          `<span class="nav-title">${text(page.title)}</span> ${countBadge(counts[index], `page-${index}`)}</button></li>`,
      );
    });
    return `<nav class="contents" aria-label="${attr(t('Partner Center pages'))}"><ul>${items.join('')}</ul></nav>`;
  }

  private page(page: HandoffPage, index: number, count: Count): string {
    const heading = page.plan
      ? `<span class="plan-name">${text(page.plan.title)}</span> <span class="page-title">${text(page.title)}</span>`
      : `<span class="page-title">${text(page.title)}</span>`;
    const sections = page.sections.map((section) => this.section(section, index)).join('\n');
    return `<section class="page${done(count) ? ' done' : ''}" id="page-${index}">
<h2>${heading} ${countBadge(count, `page-${index}`)}</h2>
${sections}
</section>`;
  }

  /** A section folds away; it starts folded once every field in it is ticked. */
  private section(section: HandoffSection, pageIndex: number): string {
    const count = this.count(section.fields);
    const fields = section.fields.map((field) => this.field(field)).join('\n');
    return `<details class="section${done(count) ? ' done' : ''}" data-section-id="${attr(section.id)}" data-page="page-${pageIndex}"${done(count) ? '' : ' open'}>
<summary><span class="section-title">${text(section.title)}</span> ${countBadge(count)}</summary>
${section.note ? `<p class="section-note">${text(section.note)}</p>` : ''}
<ul class="fields">
${fields}
</ul>
</details>`;
  }

  private field(field: HandoffField): string {
    const ticked = this.ticked.has(field.tickId);
    const tickId = `tick-${this.nextTick++}`;
    const notes = [...(field.notes ?? [])];
    const value = this.value(field, notes);
    const copyable = field.value !== undefined && field.value !== '' && !field.secret;
    const copy = copyable
      ? `<button type="button" class="copy" data-field-id="${attr(field.id)}" title="${attr(t('Copy {0}', field.label))}">${text(t('Copy'))}</button>`
      : '';
    return `<li class="field kind-${field.kind}${ticked ? ' ticked' : ''}${field.secret ? ' secret' : ''}" data-field-id="${attr(field.id)}">
<input type="checkbox" class="tick" id="${tickId}" data-tick-id="${attr(field.tickId)}"${ticked ? ' checked' : ''}>
<div class="field-body">
<div class="field-head"><label class="field-label" for="${tickId}">${text(field.label)}</label> <span class="how">${text(howTo(field))}</span>${this.fileBadge(field)}</div>
<div class="value-row">${value}${copy}</div>
${field.source !== undefined ? `<p class="source">${text(t('In the offer: {0}', escapeControlCharacters(field.source)))}</p>` : ''}
${notes.length > 0 ? `<ul class="notes">${notes.map((note) => `<li>${text(note)}</li>`).join('')}</ul>` : ''}
</div>
</li>`;
  }

  /** The value as it is to be typed; what cannot be seen is shown escaped, with a note saying so. */
  private value(field: HandoffField, notes: string[]): string {
    if (field.value === undefined) {
      return `<span class="value missing">${text(t('Not in the offer yet'))}</span>`;
    }
    if (field.value === '') {
      return `<span class="value missing">${text(t('Empty in the offer'))}</span>`;
    }
    let shown = field.value;
    // Characters a person could not see or type are shown escaped (`\u200e`) with a note; line
    // breaks (LF, CRLF) and tabs stay as they are, so a value's lines still show as lines.
    if (hasInvisibleCharacters(shown, { keepLineBreaks: true })) {
      shown = escapeControlCharactersKeepingLines(shown);
      notes.push(t('It holds invisible or control characters, shown escaped here; Copy copies the value as the offer has it.'));
    }
    const secret = field.secret ? ' redacted' : '';
    return field.kind === 'multiline' || shown.includes('\n')
      ? `<pre class="value multiline${secret}">${text(shown)}</pre>`
      : `<code class="value${secret}">${text(shown)}</code>`;
  }

  /** Whether the file to upload is there: the server looked beside the offer. */
  private fileBadge(field: HandoffField): string {
    if (field.kind !== 'file' || !field.file) {
      return '';
    }
    const labels: Record<NonNullable<HandoffField['file']>['status'], string> = {
      ok: t('File found'),
      'not-found': t('File missing'),
      outside: t('Outside the workspace'),
      unreadable: t('File unreadable'),
    };
    return ` <span class="file-state file-${field.file.status}">${text(labels[field.file.status])}</span>`;
  }

  private count(fields: readonly HandoffField[]): Count {
    let ticked = 0;
    for (const field of fields) {
      if (this.ticked.has(field.tickId)) {
        ticked++;
      }
    }
    return { ticked, total: fields.length };
  }
}

/** What to do with the value in Partner Center. */
function howTo(field: HandoffField): string {
  if (field.secret) {
    return t('secret: paste it from where you keep it');
  }
  switch (field.kind) {
    case 'multiline':
      return t('paste');
    case 'choice':
      return t('pick from the list');
    case 'file':
      return t('upload');
    default:
      return t('type');
  }
}

function done(count: Count): boolean {
  return count.total > 0 && count.ticked === count.total;
}

/** "3/5": the script keeps it up to date as fields are ticked. */
function countBadge(count: Count, page?: string): string {
  return `<span class="count${done(count) ? ' done' : ''}"${page ? ` data-page-count="${page}"` : ' data-section-count'} data-ticked="${count.ticked}" data-total="${count.total}">${count.ticked}/${count.total}</span>`;
}

