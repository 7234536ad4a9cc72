/**
 * Edits as offsets in the text they were computed on (jsonc-parser's `Edit` shape), and the two
 * things done with them: made into LSP text edits for the editor, and joined into one change.
 */
import type { Edit } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { OfferDocument } from '@core/model/offerDocument';

/** `length` characters at `offset` replaced by `content` (an insertion has length 0, a removal no content). */
export type OffsetEdit = Edit;

/** Offset edits as LSP text edits on the document they were computed on, in text order. */
export function toTextEdits(document: OfferDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return inTextOrder(edits).map((edit) => ({ range: document.rangeAt(edit.offset, edit.length), newText: edit.content }));
}

/**
 * The edits of several changes made together on the same text, as one change: undefined when a
 * part is missing (a part found nothing to change, so the whole makes no sense) or when two parts
 * overlap. Edits that only touch end to end are joined into one, in the order given, so that the
 * result says unambiguously what comes first (an insertion where a replacement ends, say).
 */
export function combineEdits(parts: readonly (readonly OffsetEdit[] | undefined)[]): OffsetEdit[] | undefined {
  if (parts.some((part) => part === undefined)) {
    return undefined;
  }
  const sorted = inTextOrder(parts.flatMap((part) => part!));
  const combined: OffsetEdit[] = [];
  for (const edit of sorted) {
    const last = combined[combined.length - 1];
    if (last && edit.offset < last.offset + last.length) {
      return undefined;
    }
    if (last && edit.offset === last.offset + last.length) {
      combined[combined.length - 1] = { offset: last.offset, length: last.length + edit.length, content: last.content + edit.content };
    } else {
      combined.push(edit);
    }
  }
  return combined;
}

/** Sorted by offset; edits at the same offset keep the order they were given in. */
function inTextOrder(edits: readonly OffsetEdit[]): OffsetEdit[] {
  return [...edits].sort((a, b) => a.offset - b.offset);
}
