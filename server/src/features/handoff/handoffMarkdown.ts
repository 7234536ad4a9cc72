/**
 * The hand-off sheet as markdown: a checklist per Partner Center page, one item per field, each
 * value in a code span (or a fenced block when it has several lines) that gives back exactly the
 * value, whatever it holds. Pure: sheet in, text out (`offer-lint handoff`, a pull request, a wiki).
 */
import { t } from '@core/l10n';
import { escapeControlCharacters } from '@core/text/quote';
import type { HandoffField, HandoffSheet } from './handoffSheet';
import { codeSpan, fencedBlock, markdownText } from './markdownText';

/** Characters a person could not type or see: shown escaped, with a note (newlines and tabs are fine). */
// eslint-disable-next-line no-control-regex -- it finds the control characters that a hand-off sheet shows escaped
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

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
  } else if (INVISIBLE.test(field.value)) {
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
