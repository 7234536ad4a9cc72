/**
 * Test harness for the editing features (completion, hover, inlay hints): a language service
 * over the in-memory example workspace, a cursor marker, and `applyCompletion`, which does what
 * the editor does when an item is accepted (its edits, the snippet expanded with the values typed
 * into its tabstops, the lines re-indented like VS Code does).
 */
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { READER_ROLE_ID } from '@core/catalog/roleCatalog';
import type { OfferLocation } from '../../server/src/languageService';
import { OfferLanguageService } from '../../server/src/languageService';
import type { DirectoryEntry, DirectoryReader } from '../../server/src/features/workspaceFiles';
import { MemoryFileHost } from './memoryFileHost';
import { makeHost, OFFER_PATH, WORKSPACE } from './offerHarness';

export const OFFER_LOCATION: OfferLocation = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };

/** Lists the folders of a MemoryFileHost as a disk would (links are reported as 'other'). */
export function memoryDirectoryReader(host: MemoryFileHost): DirectoryReader {
  return {
    readDirectory(absolutePath: string): DirectoryEntry[] {
      const directory = path.resolve(absolutePath);
      const found = new Map<string, DirectoryEntry['kind']>();
      for (const file of host.files.keys()) {
        const relative = path.relative(directory, file);
        if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
          continue;
        }
        const [first, ...rest] = relative.split(path.sep);
        const fullPath = path.join(directory, first);
        const isLink = [...host.links.keys()].some((link) => path.resolve(link) === fullPath);
        found.set(first, isLink ? 'other' : rest.length > 0 ? 'directory' : 'file');
      }
      return [...found].map(([name, kind]) => ({ name, kind }));
    },
  };
}

export interface EditingSetup {
  service: OfferLanguageService;
  host: MemoryFileHost;
}

/** A language service over the example's in-memory workspace (plus `files`, relative to the offer). */
export function editingService(files: Record<string, Uint8Array | string> = {}): EditingSetup {
  const host = makeHost({ files });
  return { service: new OfferLanguageService({ fileHost: host, directoryReader: memoryDirectoryReader(host) }), host };
}

/** Splits a text at its cursor marker `|` (there must be exactly one). */
export function withCursor(textWithMarker: string): { text: string; offset: number } {
  const offset = textWithMarker.indexOf('|');
  if (offset < 0 || textWithMarker.indexOf('|', offset + 1) >= 0) {
    throw new Error('put exactly one | in the text');
  }
  return { text: textWithMarker.slice(0, offset) + textWithMarker.slice(offset + 1), offset };
}

export function offerDocument(text: string, version = 1): TextDocument {
  return TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', version, text);
}

export function positionAt(text: string, offset: number): Position {
  return offerDocument(text).positionAt(offset);
}

/** The offset just inside the `occurrence`-th (0-based) match of `needle`, plus `delta`. */
export function offsetOf(text: string, needle: string, delta = 0, occurrence = 0): number {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`'${needle}' not found (occurrence ${occurrence})`);
    }
  }
  return index + delta;
}

/** The id of the `index`-th principal of `offerWithPrincipals`: its first eight digits are the index in hex. */
export function principalIdOf(index: number): string {
  return `${index.toString(16).padStart(8, '0')}-1111-4111-8111-111111111111`;
}

/**
 * An offer naming `count` principals, one authorization each ('Team 0', 'Team 1', … unless `names`
 * says otherwise), then an authorization whose principalId value is `cursor` (it holds the `|`).
 */
export function offerWithPrincipals(count: number, cursor: string, names: Record<number, string> = {}): string {
  const authorizations = Array.from(
    { length: count },
    (_, index) => `{ "principalId": "${principalIdOf(index)}", "principalIdDisplayName": "${names[index] ?? `Team ${index}`}", "roleDefinitionId": "${READER_ROLE_ID}" }`,
  );
  authorizations.push(`{ "principalId": ${cursor}, "principalIdDisplayName": "", "roleDefinitionId": "${READER_ROLE_ID}" }`);
  return `{ "plans": [ { "technicalConfiguration": { "authorizations": [\n${authorizations.join(',\n')}\n] } } ] }`;
}

/**
 * Expands an LSP snippet as the editor would once the user has left it: each tabstop holds what
 * the user typed there (`values`), else its default (a choice's first option).
 */
export function expandSnippet(snippet: string, values: Record<number, string> = {}): string {
  let i = 0;
  const parse = (insidePlaceholder: boolean): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
        out += snippet[i + 1];
        i += 2;
        continue;
      }
      if (insidePlaceholder && c === '}') {
        return out;
      }
      if (c === '$') {
        const simple = /^\$(\d+)/.exec(snippet.slice(i));
        if (simple) {
          i += simple[0].length;
          out += values[Number(simple[1])] ?? '';
          continue;
        }
        const braced = /^\$\{(\d+)/.exec(snippet.slice(i));
        if (braced) {
          const n = Number(braced[1]);
          i += braced[0].length;
          if (snippet[i] === '}') {
            i++;
            out += values[n] ?? '';
          } else if (snippet[i] === ':') {
            i++;
            const fallback = parse(true);
            i++; // the closing brace
            out += values[n] ?? fallback;
          } else if (snippet[i] === '|') {
            const end = snippet.indexOf('|}', i + 1);
            const options = snippet.slice(i + 1, end).split(',');
            i = end + 2;
            out += values[n] ?? options[0];
          }
          continue;
        }
      }
      out += c;
      i++;
    }
    return out;
  };
  return parse(false);
}

/**
 * The text after accepting a completion item: its text edit (a snippet expanded with `values`,
 * re-indented to the line it lands on, tabs as two spaces) and its additional edits.
 */
export function applyCompletion(text: string, item: CompletionItem, values: Record<number, string> = {}): string {
  const document = TextDocument.create('file:///x', 'json', 1, text);
  const edit = item.textEdit as TextEdit | undefined;
  if (!edit || !('range' in edit)) {
    throw new Error(`item ${item.label} has no text edit`);
  }
  let newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText, values) : edit.newText;
  const lineStart = document.offsetAt({ line: edit.range.start.line, character: 0 });
  const indentation = /^[ \t]*/.exec(text.slice(lineStart))![0];
  newText = newText
    .split('\n')
    .map((line, index) => (index === 0 ? line : indentation + line.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length))))
    .join('\n');
  return TextDocument.applyEdits(document, [{ range: edit.range, newText }, ...(item.additionalTextEdits ?? [])]);
}

/** The item with this label, or a failure that lists what was offered. */
export function itemLabelled(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((candidate) => candidate.label === label);
  if (!item) {
    throw new Error(`no completion '${label}' among: ${items.slice(0, 40).map((i) => i.label).join(', ')}${items.length > 40 ? '…' : ''}`);
  }
  return item;
}

export function documentationOf(item: CompletionItem): string {
  const documentation = item.documentation;
  return typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
}
