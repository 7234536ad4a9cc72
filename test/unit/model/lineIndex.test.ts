/**
 * The offer model's line index answers offset ↔ position questions exactly as a TextDocument of
 * the same text does, whether it was built from the text or updated after an edit.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { changeBetween } from '@core/model/incrementalParse';
import { LineIndex } from '@core/model/lineIndex';

const SEED = Number(process.env.LINE_INDEX_SEED ?? 20261126);
const piece = fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\n\r', ' ', 'é', '🚀');
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

function assertSameAnswers(index: LineIndex, content: string): void {
  const document = TextDocument.create('file:///t', 'json', 1, content);
  assert.strictEqual(index.lineCount, document.lineCount, 'line count');
  for (let offset = -1; offset <= content.length + 1; offset++) {
    assert.deepStrictEqual(index.positionAt(offset), document.positionAt(offset), `positionAt(${offset}) of ${JSON.stringify(content)}`);
  }
  for (let line = -1; line <= document.lineCount; line++) {
    for (let character = -1; character <= 6; character++) {
      assert.strictEqual(index.offsetAt({ line, character }), document.offsetAt({ line, character }), `offsetAt(${line}:${character}) of ${JSON.stringify(content)}`);
    }
  }
}

describe('line index', () => {
  it('answers as a TextDocument does, built from a text with every kind of line break', () => {
    fc.assert(
      fc.property(text, (content) => assertSameAnswers(LineIndex.of(content), content)),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('answers as a TextDocument does after an edit, also one that splits or joins a \\r\\n', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 4 }), fc.array(piece, { maxLength: 4 }), (before, at, removed, inserted) => {
        const start = at % (before.length + 1);
        const after = before.slice(0, start) + inserted.join('') + before.slice(start + removed);
        const change = changeBetween(before, after);
        const index = change ? LineIndex.updated(LineIndex.of(before), after, change) : LineIndex.of(after);
        assertSameAnswers(index, after);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('keeps the lines after an edit, moved, on a text of many lines', () => {
    const before = Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\r\n');
    const at = before.indexOf('line 150');
    const after = before.slice(0, at) + 'new\nlines\r' + before.slice(at);
    const index = LineIndex.updated(LineIndex.of(before), after, changeBetween(before, after)!);
    assertSameAnswers(index, after);
  });
});
