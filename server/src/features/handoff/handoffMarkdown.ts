/**
 * The hand-off sheet as markdown: a checklist per Partner Center page, one item per field, each
 * value in a code span (or a fenced block when it has several lines) that gives back exactly the
 * value, whatever it holds. Pure: sheet in, text out (`offer-lint handoff`, a pull request, a wiki).
 */
import { t } from '@core/l10n';
import { escapeControlCharacters, hasInvisibleCharacters } from '@core/text/quote';
import type { HandoffField, HandoffSheet } from './handoffSheet';
import { codeSpan, fencedBlock, markdownText } from './markdownText';

/**
 * Characters a person could not type or see: shown escaped, with a note. Newlines and tabs are
 * fine, but not a CR even before LF: markdown reads CRLF as LF, which would not give the value back.
 */
function hasInvisible(value: string): boolean {
  return hasInvisibleCharacters(value, { keepLineBreaks: true }) || value.includes('\r');
}

export function handoffMarkdown(sheet: HandoffSheet): string {
  const lines = [
    `# ${markdownText(t('Partner Center hand-off: {0}', sheet.title))}`,
    '',
    markdownText(t('Every value is exact: copy what is inside its code span or block. Tick each field once it is in Partner Center.')),
  ];
  for (const page of sheet.pages) {
    lines.push('', `## ${markdownText(page.plan ? `${page.plan.title}: ${page.title}` : page.title)}`);
    for (const section of page.sections) {
      // A page of one section needs no second heading ("Preview audience" twice).
      if (page.sections.length > 1 || section.title !== page.title) {
        lines.push('', `### ${markdownText(section.title)}`);
      }
      if (section.note) {
        lines.push('', markdownText(section.note));
      }
      lines.push('');
      for (const field of section.fields) {
        lines.push(...fieldLines(field));
      }
    }
  }
  return lines.join('\n');
}

function fieldLines(field: HandoffField): string[] {
  const label = `- [ ] ${markdownText(field.label)}:`;
  const notes = [...(field.notes ?? [])];
  let item: string[];
  if (field.value === undefined) {
    item = [`${label} *${markdownText(t('not in the offer yet'))}*`];
  } else if (field.value === '') {
    item = [`${label} *${markdownText(t('empty'))}*`];
  } else if (hasInvisible(field.value)) {
    notes.push(t('It holds invisible or control characters, shown escaped here: type the value as the offer has it.'));
    item = [`${label} ${shown(field, codeSpan(escapeControlCharacters(field.value)))}`];
  } else if (field.value.includes('\n')) {
    item = [label, ...fencedBlock(field.value, '  ')];
  } else {
    item = [`${label} ${shown(field, codeSpan(field.value))}`];
  }
  return [...item, ...notes.map((note) => `  - ${markdownText(note)}`)];
}

/** "upload `media/logo.png`", "pick `Private`", or the value alone for a field to type. */
function shown(field: HandoffField, span: string): string {
  switch (field.kind) {
    case 'file':
      return t('upload {0}', span);
    case 'choice':
      return t('pick {0}', span);
    default:
      return span;
  }
}
