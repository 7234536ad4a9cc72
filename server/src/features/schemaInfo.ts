/**
 * What the offer schema says about a place in the offer, for completion and hover: the schema
 * node (from `validation/schemaKeys.ts`, the same walk the validator's messages use) and its
 * documentation.
 */
import type { JSONPath } from 'jsonc-parser';
import { messageLanguage } from '@core/l10n';
import koreanSchemaTexts from '../../../l10n/schema.l10n.ko.json';
import { schemaAt } from '../validation/schemaKeys';

/**
 * The schema's titles and descriptions in Korean, keyed by their English text like the message
 * bundle (test/unit/korean/schemaTexts.test.ts keeps the two in step with the schema). The schema
 * file itself stays English: it is also what other JSON editors read.
 */
const SCHEMA_TEXTS: Record<string, Record<string, string>> = { ko: koreanSchemaTexts };

/** A title or description of the schema in the message language. */
export function localSchemaText(text: string): string {
  const translated = SCHEMA_TEXTS[messageLanguage()]?.[text];
  return typeof translated === 'string' ? translated : text;
}

export type SchemaNode = NonNullable<ReturnType<typeof schemaAt>>;

/** The schema of the value at `path` (array indices follow `items`). */
export function schemaOf(path: JSONPath): SchemaNode | undefined {
  return schemaAt(path);
}

/** The documentation of a schema node as Markdown: its markdownDescription, else its description. */
export function schemaDocumentation(schema: SchemaNode | undefined): string | undefined {
  if (!schema) {
    return undefined;
  }
  if (typeof schema.markdownDescription === 'string' && schema.markdownDescription.trim() !== '') {
    return localSchemaText(schema.markdownDescription);
  }
  return typeof schema.description === 'string' && schema.description.trim() !== '' ? escapeMarkdown(localSchemaText(schema.description)) : undefined;
}

/** Plain text shown as Markdown: the characters that would format or link are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** The names of the properties the schema allows at `path`, and which of them are required. */
export function schemaProperties(path: JSONPath): { name: string; required: boolean }[] {
  const schema = schemaOf(path);
  const properties = schema?.properties ?? {};
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return Object.keys(properties).map((name) => ({ name, required: required.has(name) }));
}
