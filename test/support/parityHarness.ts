/**
 * Side by side with VS Code's own JSON support: `vscode-json-languageservice` given
 * `schemas/offer.schema.json` (as VS Code would use it through the offer's `$schema`), and our
 * language service, asked for completions and hovers at every cursor position of the example and
 * of variants of it (empty objects, missing keys, blank lines, deleted and emptied values).
 *
 * A position is *covered* when ours offers what JSON's does there:
 * - completion: every item JSON offers has one of ours that writes the same thing (the same key;
 *   the same value, whatever its label says — a role picked by name writes the id JSON offers as an
 *   example; an object or array where JSON writes `{}` or `[]`);
 * - hover: ours exists wherever JSON's does, and contains JSON's text (the field's description).
 * and, where JSON's item would leave a syntax error the file did not have, ours does not.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createScanner, getLocation, parse, ParseError, SyntaxKind } from 'jsonc-parser';
import { getLanguageService, LanguageService as JsonLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Hover, TextEdit } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { editingService, expandSnippet, OFFER_LOCATION } from './editingHarness';
import { EXAMPLE_OFFER_TEXT, OFFER_PATH, REPO_ROOT } from './offerHarness';

/** One text to try every position of. */
export interface Variant {
  name: string;
  text: string;
}

/** What JSON offers at a position that ours does not (empty: covered). */
export interface CompletionGap {
  variant: string;
  offset: number;
  /** The JSON pointer-ish path of what the cursor is in (for exceptions and the report). */
  context: string;
  /** The line with the cursor marked `‸`. */
  line: string;
  /** What JSON offers there that ours lacks (JSON's labels). */
  missing: string[];
  /** Items whose JSON edit breaks the file where ours exists but breaks it too. */
  broken: string[];
}

export interface HoverGap {
  variant: string;
  offset: number;
  context: string;
  line: string;
  /** Ours: absent, or lacking JSON's text. */
  problem: 'none' | 'lacks-description';
  expected: string;
}

export interface ParityFigures {
  /** Positions where JSON offers at least one completion, and those of them ours covers. */
  completionPositions: number;
  completionCovered: number;
  /** Positions where JSON has a hover, and those of them ours covers. */
  hoverPositions: number;
  hoverCovered: number;
  /** Positions where JSON's first item would break the file and ours writes it without breaking it. */
  mendedPositions: number;
}

export interface ParityReport extends ParityFigures {
  completionGaps: CompletionGap[];
  hoverGaps: HoverGap[];
  /** Gaps left out as deliberate exceptions, by exception. */
  excepted: Map<string, number>;
}

/** A JSON item that ours lacks, as an exception sees it. */
export interface MissingItem {
  /** The path at the cursor, each array index written as a star, and ` (key)` on a key. */
  context: string;
  /** JSON's label, and what its item writes (a key, a value's text, `{}` or `[]`). */
  label: string;
  written: string;
  /** JSON's item leaves a syntax error the file did not have. */
  jsonBreaksFile: boolean;
  text: string;
  offset: number;
}

/** A deliberate difference from JSON's completion: where ours leaves out JSON's item, and why. */
export interface CompletionException {
  reason: string;
  applies(missing: MissingItem): boolean;
}

export interface HoverException {
  reason: string;
  applies(context: string, expected: string): boolean;
}

const SCHEMA_PATH = path.join(REPO_ROOT, 'schemas', 'offer.schema.json');

/** The JSON language service as VS Code runs it: relative `$schema` paths resolved against the file. */
function jsonService(): JsonLanguageService {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as object;
  const service = getLanguageService({ workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() } });
  const documentUri = 'file://' + OFFER_PATH;
  // The example's `$schema` is `../../schemas/offer.schema.json`; files without one match by name.
  const schemaUri = new URL('../../schemas/offer.schema.json', documentUri).toString();
  service.configure({ validate: false, allowComments: true, schemas: [{ uri: schemaUri, fileMatch: ['*.json'], schema }] });
  return service;
}

// ---------------------------------------------------------------------------------------------
// Variants

/** Replaces every occurrence of each key with its value (each key must occur). */
function edited(text: string, replacements: [string | RegExp, string][]): string {
  let result = text;
  for (const [from, to] of replacements) {
    const before = result;
    result = typeof from === 'string' ? result.split(from).join(to) : result.replace(from, to);
    if (result === before) {
      throw new Error(`variant edit found nothing to change: ${String(from)}`);
    }
  }
  return result;
}

/** The example and the variants of it that a publisher's editing passes through. */
export function parityVariants(): Variant[] {
  const example = EXAMPLE_OFFER_TEXT;
  return [
    { name: 'example', text: example },
    {
      name: 'empty objects',
      text: edited(example, [
        [/"leadManagement": \{[^}]*\}/, '"leadManagement": {}'],
        [/"properties": \{[^}]*\}/, '"properties": { }'],
        [/"supportContact": \{[^}]*\}/, '"supportContact": {}'],
        [/"logos": \{[^}]*\}/, '"logos": {\n    }'],
        [/"listing": \{\n {8}"searchResultsSummary"[^}]*\}/, '"listing": {}'],
        [/"privateAudience": \{[^}]*\}/, '"privateAudience": {\n      }'],
        [/"justInTimeAccessPolicy": \{[^]*?\]\n {12}\}/, '"justInTimeAccessPolicy": {}'],
        [/\{\n {12}"principalId": "7a2b3c4d[^}]*\}/, '{}'],
        [/"usefulLinks": \[[^\]]*\]/, '"usefulLinks": [{}]'],
      ]),
    },
    { name: 'empty offer', text: '{\n  \n}\n' },
    { name: 'empty file with a key', text: '{\n  "plans": [\n    {\n      \n    }\n  ]\n}\n' },
    {
      name: 'missing keys',
      text: edited(example, [
        ['"destination": "https",\n    ', ''],
        ['"principalIdDisplayName": "SOC Analysts",\n            ', ''],
        ['"version": "1.0.0",\n        ', ''],
        ['"visibility": "private",\n      ', ''],
        ['"maximumActivationDuration": "PT8H",\n              ', ''],
        ['"categories": ["Security", "Monitoring & Diagnostics"],\n    ', ''],
        ['"offerType": "managedService",\n  ', ''],
      ]),
    },
    { name: 'blank lines', text: withBlankLines(example) },
    {
      name: 'deleted values',
      text: edited(example, [
        ['"destination": "https",', '"destination": ,'],
        ['"offerType": "managedService",', '"offerType": ,'],
        ['"pricingModel": "BYOL",', '"pricingModel": ,'],
        ['"visibility": "private",', '"visibility": ,'],
        ['"version": "1.0.0",', '"version": ,'],
        ['"roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7" // Reader', '"roleDefinitionId": // Reader'],
        ['"multiFactorAuthProvider": "Azure",', '"multiFactorAuthProvider": ,'],
        ['"maximumActivationDuration": "PT8H",', '"maximumActivationDuration": ,'],
        ['"small": "media/logo-small.png",', '"small": ,'],
        ['"csv": "gold-customers.csv"', '"csv": '],
      ]),
    },
    {
      name: 'emptied values',
      text: edited(example, [
        ['"destination": "https"', '"destination": ""'],
        ['"offerType": "managedService"', '"offerType": ""'],
        ['"pricingModel": "BYOL"', '"pricingModel": ""'],
        ['"visibility": "private"', '"visibility": ""'],
        ['"version": "1.0.0"', '"version": ""'],
        ['"tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47"', '"tenantId": ""'],
        ['"roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7"', '"roleDefinitionId": ""'],
        ['"delegatedRoleDefinitionIds": ["b24988ac-6180-42a0-ab88-20f7382dd24c"]', '"delegatedRoleDefinitionIds": []'],
        ['"multiFactorAuthProvider": "Azure"', '"multiFactorAuthProvider": ""'],
        ['"maximumActivationDuration": "PT8H"', '"maximumActivationDuration": ""'],
        ['"categories": ["Security", "Monitoring & Diagnostics"]', '"categories": [""]'],
        ['"subscriptionIds": ["5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"]', '"subscriptionIds": []'],
        ['"medium": "media/logo-medium.png"', '"medium": ""'],
        ['"privacyPolicyUrl": "https://contoso.com/privacy"', '"privacyPolicyUrl": ""'],
        ['"principalId": "1e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"', '"principalId": ""'],
      ]),
    },
  ];
}

/** The example with a blank, indented line before the first member of every object and array. */
function withBlankLines(text: string): string {
  return text.replace(/([{[])\n([ ]+)/g, (_whole, bracket: string, indentation: string) => `${bracket}\n${indentation}\n${indentation}`);
}

// ---------------------------------------------------------------------------------------------
// Positions

/**
 * Every cursor position of `text`, except inside long strings, where the positions between the
 * first four and the last four characters are alike (a 300-character description would
 * otherwise be most of the run).
 */
export function cursorPositions(text: string): number[] {
  const skipped = new Set<number>();
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.StringLiteral && scanner.getTokenLength() > 12) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      for (let offset = start + 5; offset < end - 4; offset++) {
        skipped.add(offset);
      }
    }
  }
  const positions: number[] = [];
  for (let offset = 0; offset <= text.length; offset++) {
    if (!skipped.has(offset)) {
      positions.push(offset);
    }
  }
  return positions;
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** What an item writes, reduced to compare across both services: a key, or a value's text. */
export function writtenBy(item: CompletionItem, documentText: string): string {
  const edit = item.textEdit as TextEdit | undefined;
  const raw = edit?.newText ?? (typeof item.insertText === 'string' ? item.insertText : item.label);
  let text = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(raw) : raw;
  // An item that rewrites the `[` it replaces (a first item, from before the bracket) writes what follows it.
  if (edit && 'range' in edit && text.startsWith('[') && documentText[offsetIn(documentText, edit.range.start)] === '[') {
    text = text.slice(1);
  }
  // Separators and quotes around the value are how it fits the place, not what it is.
  const trimmed = text.replace(/^[\s,]+|[\s,]+$/g, '');
  if (trimmed.startsWith('{')) {
    return '{}';
  }
  if (trimmed.startsWith('[')) {
    return '[]';
  }
  const key = /^"((?:[^"\\]|\\.)*)"\s*:/.exec(trimmed);
  if (key) {
    return key[1];
  }
  return trimmed.replace(/^"|"$/g, '');
}

function offsetIn(text: string, position: { line: number; character: number }): number {
  return TextDocument.create('file:///parity', 'json', 1, text).offsetAt(position);
}

/** The text an item leaves in the document (snippets with their defaults). */
export function textAfter(text: string, item: CompletionItem): string | undefined {
  const edit = item.textEdit as TextEdit | undefined;
  if (!edit || !('range' in edit)) {
    return undefined;
  }
  const document = TextDocument.create('file:///parity', 'json', 1, text);
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText) : edit.newText;
  return TextDocument.applyEdits(document, [{ range: edit.range, newText }, ...(item.additionalTextEdits ?? [])]);
}

/** Where the syntax errors of a text are (offsets). */
function syntaxErrorOffsets(text: string): number[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  return errors.map((error) => error.offset);
}

/**
 * Whether an item leaves a syntax error the text did not have: an error after the edit that is not
 * one of the errors before, moved by the edit (a variant already broken elsewhere stays broken there).
 */
export function breaksFile(text: string, errorsBefore: readonly number[], item: CompletionItem): boolean {
  const after = textAfter(text, item);
  if (after === undefined) {
    return false;
  }
  const edit = item.textEdit as TextEdit;
  const document = TextDocument.create('file:///parity', 'json', 1, text);
  const start = document.offsetAt(edit.range.start);
  const end = document.offsetAt(edit.range.end);
  const shift = after.length - text.length;
  const moved = new Set(errorsBefore.map((offset) => (offset >= end ? offset + shift : offset < start ? offset : start)));
  return syntaxErrorOffsets(after).some((offset) => !moved.has(offset));
}

function hoverText(hover: Hover | null | undefined): string {
  if (!hover) {
    return '';
  }
  const contents = hover.contents;
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((part) => (typeof part === 'string' ? part : part.value)).join('\n\n');
}

/** Markdown reduced to its words: escapes, emphasis and blanks differ between the two services. */
export function plainWords(markdown: string): string {
  return markdown
    .replace(/\\(.)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where the cursor is, for exceptions and the report: the path at it, array indices as `*`. */
function contextAt(text: string, offset: number): string {
  const location = getLocation(text, offset);
  const path = location.path.map((segment) => (typeof segment === 'number' ? '*' : segment));
  return '/' + path.join('/') + (location.isAtPropertyKey ? ' (key)' : '');
}

function markedLine(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end === -1 ? text.length : end);
  const column = offset - start;
  const marked = line.slice(0, column) + '‸' + line.slice(column);
  return marked.trim().length > 120 ? marked.trim().slice(0, 120) + '…' : marked.trim();
}

export async function runParity(
  variants: Variant[],
  completionExceptions: readonly CompletionException[],
  hoverExceptions: readonly HoverException[],
): Promise<ParityReport> {
  const json = jsonService();
  const { service } = editingService();
  const report: ParityReport = {
    completionPositions: 0,
    completionCovered: 0,
    hoverPositions: 0,
    hoverCovered: 0,
    mendedPositions: 0,
    completionGaps: [],
    hoverGaps: [],
    excepted: new Map(),
  };
  const except = (reason: string) => report.excepted.set(reason, (report.excepted.get(reason) ?? 0) + 1);
  for (const variant of variants) {
    const text = variant.text;
    const document = TextDocument.create('file://' + OFFER_PATH, 'json', 1, text);
    const jsonDocument = json.parseJSONDocument(document);
    const errorsBefore = syntaxErrorOffsets(text);
    for (const offset of cursorPositions(text)) {
      const position = document.positionAt(offset);
      const context = contextAt(text, offset);

      const theirs = (await json.doComplete(document, position, jsonDocument))?.items ?? [];
      if (theirs.length > 0) {
        report.completionPositions++;
        const ours = service.complete(document, position, OFFER_LOCATION).items;
        const oursByWritten = new Map<string, CompletionItem[]>();
        for (const item of ours) {
          const written = writtenBy(item, text);
          oursByWritten.set(written, [...(oursByWritten.get(written) ?? []), item]);
          // A key item is also found by its label (JSON writes keys the same way).
          if (written !== item.label) {
            oursByWritten.set(item.label, [...(oursByWritten.get(item.label) ?? []), item]);
          }
        }
        const missing: string[] = [];
        const broken: string[] = [];
        let mended = false;
        for (const item of theirs) {
          const written = writtenBy(item, text);
          const matches = oursByWritten.get(written) ?? [];
          if (matches.length === 0) {
            const jsonBreaksFile = breaksFile(text, errorsBefore, item);
            const missingItem: MissingItem = { context, label: item.label, written, jsonBreaksFile, text, offset };
            const exception = completionExceptions.find((candidate) => candidate.applies(missingItem));
            if (exception) {
              except(exception.reason);
            } else {
              missing.push(item.label);
            }
            continue;
          }
          if (breaksFile(text, errorsBefore, item)) {
            if (breaksFile(text, errorsBefore, matches[0])) {
              broken.push(item.label);
            } else {
              mended = true;
            }
          }
        }
        if (mended) {
          report.mendedPositions++;
        }
        if (missing.length === 0 && broken.length === 0) {
          report.completionCovered++;
        } else {
          report.completionGaps.push({ variant: variant.name, offset, context, line: markedLine(text, offset), missing, broken });
        }
      }

      const theirHover = plainWords(hoverText(await json.doHover(document, position, jsonDocument)));
      if (theirHover !== '') {
        report.hoverPositions++;
        const ourHover = plainWords(hoverText(service.hover(document, position, OFFER_LOCATION)));
        if (ourHover !== '' && ourHover.includes(theirHover)) {
          report.hoverCovered++;
        } else {
          const exception = hoverExceptions.find((candidate) => candidate.applies(context, theirHover));
          if (exception) {
            except(exception.reason);
            report.hoverCovered++;
          } else {
            report.hoverGaps.push({
              variant: variant.name,
              offset,
              context,
              line: markedLine(text, offset),
              problem: ourHover === '' ? 'none' : 'lacks-description',
              expected: theirHover,
            });
          }
        }
      }
    }
  }
  return report;
}

/** The gaps as lines to read: grouped by what is missing where, with a few positions of each. */
export function describeGaps(report: ParityReport, limit = 40): string {
  const groups = new Map<string, string[]>();
  const add = (key: string, where: string) => groups.set(key, [...(groups.get(key) ?? []), where]);
  for (const gap of report.completionGaps) {
    const what = [
      gap.missing.length > 0 ? `completion lacks ${gap.missing.slice(0, 6).join(', ')}${gap.missing.length > 6 ? ` (+${gap.missing.length - 6})` : ''}` : '',
      gap.broken.length > 0 ? `completion breaks the file with ${gap.broken.slice(0, 4).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    add(`${gap.context}: ${what}`, `[${gap.variant}] ${gap.line}`);
  }
  for (const gap of report.hoverGaps) {
    const what = gap.problem === 'none' ? 'no hover' : 'hover lacks the description';
    add(`${gap.context}: ${what} ("${gap.expected.slice(0, 80)}")`, `[${gap.variant}] ${gap.line}`);
  }
  const lines: string[] = [];
  for (const [what, where] of [...groups].slice(0, limit)) {
    lines.push(`${what} — ${where.length} position(s), e.g. ${where.slice(0, 2).join(' | ')}`);
  }
  if (groups.size > limit) {
    lines.push(`… and ${groups.size - limit} more kinds of gap`);
  }
  return lines.join('\n');
}
