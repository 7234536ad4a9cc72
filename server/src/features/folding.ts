/**
 * Folding ranges from the token stream (not the tree, so a half-typed offer still folds): objects
 * and arrays, block comments, runs of line comments, and `// #region` … `// #endregion`.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { OfferDocument } from '@core/model/offerDocument';

/** A document this full of ranges is hostile or generated: the editor needs no more than this. */
const MAX_RANGES = 5000;

export function foldingRanges(document: OfferDocument): FoldingRange[] {
  const text = document.getText();
  const lineOf = (offset: number) => document.positionAt(offset).line;
  // Looks back only over blanks: slicing from the line's start made a long single-line (minified)
  // file quadratic, one slice of the whole line per bracket.
  const firstOnLine = (offset: number) => {
    for (let i = offset - 1; i >= 0; i--) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        return true;
      }
      if (code !== 0x20 && code !== 0x09) {
        return false;
      }
    }
    return true;
  };

  const ranges: FoldingRange[] = [];
  const open: number[] = [];
  const regions: number[] = [];
  let commentRun: { start: number; end: number } | undefined;
  const closeCommentRun = () => {
    if (commentRun && commentRun.end > commentRun.start) {
      ranges.push({ startLine: commentRun.start, endLine: commentRun.end, kind: FoldingRangeKind.Comment });
    }
    commentRun = undefined;
  };

  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF && ranges.length < MAX_RANGES; token = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        open.push(lineOf(offset));
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const startLine = open.pop();
        const closeLine = lineOf(offset);
        // The closing bracket's own line stays visible, as in VS Code's JSON folding.
        const endLine = firstOnLine(offset) ? closeLine - 1 : closeLine;
        if (startLine !== undefined && endLine > startLine) {
          ranges.push({ startLine, endLine });
        }
        break;
      }
      case SyntaxKind.BlockCommentTrivia: {
        const startLine = lineOf(offset);
        const endLine = lineOf(offset + scanner.getTokenLength());
        if (endLine > startLine) {
          ranges.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
        }
        break;
      }
      case SyntaxKind.LineCommentTrivia: {
        const line = lineOf(offset);
        const comment = text.substr(offset, scanner.getTokenLength());
        if (/^\/\/\s*#region\b/.test(comment)) {
          closeCommentRun();
          regions.push(line);
        } else if (/^\/\/\s*#endregion\b/.test(comment)) {
          closeCommentRun();
          const startLine = regions.pop();
          if (startLine !== undefined && line > startLine) {
            ranges.push({ startLine, endLine: line, kind: FoldingRangeKind.Region });
          }
        } else if (firstOnLine(offset)) {
          // Consecutive whole-line comments fold together; a comment after a value does not join.
          if (commentRun && commentRun.end === line - 1) {
            commentRun.end = line;
          } else {
            closeCommentRun();
            commentRun = { start: line, end: line };
          }
        }
        break;
      }
      case SyntaxKind.LineBreakTrivia:
      case SyntaxKind.Trivia:
        break;
      default:
        closeCommentRun();
    }
  }
  closeCommentRun();
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
