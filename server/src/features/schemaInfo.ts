/**
 * What the offer schema says about a place in the offer, for completion and hover: the schema
 * node (from `validation/schemaKeys.ts`, the same walk the validator's messages use) and its
 * documentation.
 */
import type { JSONPath } from 'jsonc-parser';
import { schemaAt } from '../validation/schemaKeys';

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
    return schema.markdownDescription;
  }
  return typeof schema.description === 'string' && schema.description.trim() !== '' ? escapeMarkdown(schema.description) : undefined;
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
