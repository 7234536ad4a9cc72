/**
 * Template and parameters files as `import-arm` and the editor's *Import* read them: a file the
 * user named (it may be anywhere), read as a regular file of at most {@link MAX_ARM_FILE_BYTES}
 * bytes (never a FIFO or a device), a byte order mark accepted, comments and trailing commas
 * tolerated as Azure's tooling does, and every problem named with the file it is in.
 */
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { FileRead, readRegularFile, readRegularFileSync } from '@core/files/regularFile';
import { t } from '@core/l10n';
import { escapeControlCharacters } from '@core/text/quote';

export type Json = Record<string, unknown>;

/** A parsed template or parameters file and the name its problems are reported under. */
export interface ArmJsonFile {
  name: string;
  json: Json;
}

/** A problem with a template or parameters file: the message names the file and, where there is one, the JSON path. */
export class TemplateImportError extends Error {}

/** Onboarding templates are a few KiB; a file far larger is not one. */
export const MAX_ARM_FILE_BYTES = 8 * 1024 * 1024;

const BYTE_ORDER_MARK = '\uFEFF';

/** Parses the text of a template or parameters file named `name`; throws a TemplateImportError. */
export function parseArmJson(text: string, name: string): ArmJsonFile {
  const shownName = escapeControlCharacters(name);
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parse(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text, errors, { allowTrailingComma: true });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new TemplateImportError(t('{0} is nested too deeply to be a template.', shownName));
    }
    throw error;
  }
  if (errors.length > 0) {
    throw new TemplateImportError(t('{0} is not valid JSON: {1} at offset {2}.', shownName, printParseErrorCode(errors[0].error), errors[0].offset));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TemplateImportError(t('{0} is not a JSON object.', shownName));
  }
  return { name, json: value as Json };
}

export type ArmFileRead = { ok: true; file: ArmJsonFile } | { ok: false; message: string };

function fromRead(read: FileRead, name: string): ArmFileRead {
  const shownName = escapeControlCharacters(name);
  if (!read.ok) {
    const reasons = {
      'not-found': t('{0} does not exist.', shownName),
      'not-a-file': t('{0} is not a regular file: only a template or parameters file is read.', shownName),
      'too-large': t('{0} is larger than {1} MiB: it is not an onboarding template.', shownName, MAX_ARM_FILE_BYTES / 1024 / 1024),
      unreadable: t('{0} cannot be read.', shownName),
    };
    return { ok: false, message: reasons[read.reason] };
  }
  try {
    return { ok: true, file: parseArmJson(Buffer.from(read.bytes).toString('utf8'), name) };
  } catch (error) {
    if (error instanceof TemplateImportError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

/** Reads and parses a file for the checker. */
export function readArmJsonFileSync(absolutePath: string, name: string): ArmFileRead {
  return fromRead(readRegularFileSync(absolutePath, MAX_ARM_FILE_BYTES), name);
}

/** Reads and parses a file for the extension host, without blocking it. */
export async function readArmJsonFile(absolutePath: string, name: string): Promise<ArmFileRead> {
  return fromRead(await readRegularFile(absolutePath, MAX_ARM_FILE_BYTES), name);
}
