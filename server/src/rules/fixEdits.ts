import type { Edit } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { OfferDocument } from '@core/model/offerDocument';

/** jsonc-parser's offset edits as LSP text edits on the document. */
export function editsToTextEdits(document: OfferDocument, edits: Edit[]): TextEdit[] {
  return edits.map((edit) => ({ range: document.rangeAt(edit.offset, edit.length), newText: edit.content }));
}
