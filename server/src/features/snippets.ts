/**
 * Snippets (LSP snippet syntax) for whole structures of an offer: a plan, an authorization, an
 * eligible authorization, contacts, and a value of any type the schema describes. Lines are
 * indented with tabs and start at column 0: the editor re-indents them to the line the snippet
 * lands on and to the user's tab settings.
 *
 * Placeholders are left empty where only the user knows the value (principal ids, tenant id):
 * an empty value gets a precise diagnostic, where a made-up one would pass unnoticed.
 */
import type { JSONPath } from 'jsonc-parser';
import { SchemaNode, schemaOf } from './schemaInfo';

/** Numbers tabstops in the order they are written, so snippets can be nested. */
export class SnippetWriter {
  private next = 1;

  /** `$n` or `${n:default}`. */
  tab(defaultText = ''): string {
    const n = this.next++;
    return defaultText === '' ? `$${n}` : `\${${n}:${escapeSnippet(defaultText)}}`;
  }

  /** `${n|a,b|}`: the first option is the default. */
  choice(options: readonly string[]): string {
    const n = this.next++;
    // Inside a choice only `,`, `|` and the backslash are special.
    return `\${${n}|${options.map((option) => option.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
  }
}

/** Literal text inside a snippet: `$`, `}` and `\` would otherwise mean something. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Indents every line after the first by one more tab (to nest a structure). */
function nested(snippet: string): string {
  return snippet.replace(/\n/g, '\n\t');
}

function object(lines: string[]): string {
  return lines.length === 0 ? '{}' : `{\n\t${lines.map(nested).join(',\n\t')}\n}`;
}

function quoted(content: string): string {
  return `"${content}"`;
}

export interface StructureContext {
  /** The tenant id the offer's other plans use: a new plan almost always has the same. */
  knownTenantId?: string;
}

export function authorizationSnippet(writer: SnippetWriter): string {
  return object([
    `"principalId": ${quoted(writer.tab())}`,
    `"principalIdDisplayName": ${quoted(writer.tab())}`,
    `"roleDefinitionId": ${quoted(writer.tab())}`,
  ]);
}

export function eligibleAuthorizationSnippet(writer: SnippetWriter): string {
  return object([
    `"principalId": ${quoted(writer.tab())}`,
    `"principalIdDisplayName": ${quoted(writer.tab())}`,
    `"roleDefinitionId": ${quoted(writer.tab())}`,
    `"justInTimeAccessPolicy": ${object([
      `"multiFactorAuthProvider": ${quoted(writer.choice(['Azure', 'None']))}`,
      `"maximumActivationDuration": ${quoted(writer.tab('PT8H'))}`,
    ])}`,
  ]);
}

export function technicalConfigurationSnippet(writer: SnippetWriter, context: StructureContext): string {
  return object([
    `"version": ${quoted(writer.tab('1.0.0'))}`,
    `"tenantId": ${quoted(writer.tab(context.knownTenantId ?? ''))}`,
    `"authorizations": [\n\t${nested(authorizationSnippet(writer))}\n]`,
  ]);
}

export function planSnippet(writer: SnippetWriter, context: StructureContext): string {
  const planId = writer.tab('plan-id');
  return object([
    `"planId": ${quoted(planId)}`,
    `"name": ${quoted(writer.tab('plan-name'))}`,
    `"listing": ${object([
      `"searchResultsSummary": ${quoted(writer.tab())}`,
      `"description": ${quoted(writer.tab())}`,
    ])}`,
    `"pricingModel": "BYOL"`,
    `"visibility": ${quoted(writer.choice(['private', 'public']))}`,
    `"privateAudience": ${object([`"subscriptionIds": [${writer.tab()}]`])}`,
    `"technicalConfiguration": ${technicalConfigurationSnippet(writer, context)}`,
  ]);
}

export function contactSnippet(writer: SnippetWriter): string {
  return object([
    `"name": ${quoted(writer.tab())}`,
    `"email": ${quoted(writer.tab())}`,
    `"phone": ${quoted(writer.tab())}`,
  ]);
}

/** The structures that have a snippet of their own, by what the path ends with. */
export type StructureKind = 'plan' | 'authorization' | 'eligibleAuthorization';

/** Which structure an array element at `path` is, if it has its own snippet. */
export function structureOfElement(path: JSONPath): StructureKind | undefined {
  const arrayKey = path[path.length - 2];
  if (typeof path[path.length - 1] !== 'number') {
    return undefined;
  }
  if (path.length === 2 && arrayKey === 'plans') {
    return 'plan';
  }
  if (path[path.length - 3] === 'technicalConfiguration') {
    return arrayKey === 'authorizations' ? 'authorization' : arrayKey === 'eligibleAuthorizations' ? 'eligibleAuthorization' : undefined;
  }
  return undefined;
}

export function structureSnippet(kind: StructureKind, writer: SnippetWriter, context: StructureContext): string {
  switch (kind) {
    case 'plan':
      return planSnippet(writer, context);
    case 'authorization':
      return authorizationSnippet(writer);
    case 'eligibleAuthorization':
      return eligibleAuthorizationSnippet(writer);
  }
}

/** Nested objects are written out to this depth; deeper ones are left as `{}` to fill in. */
const MAX_GENERATED_DEPTH = 3;

/**
 * A value for the property or element at `path`: the curated structures above where there is
 * one, else what the schema says (an enum's choices, a default, an object's required properties).
 */
export function valueSnippet(path: JSONPath, schema: SchemaNode | undefined, writer: SnippetWriter, context: StructureContext, depth = 0): string {
  const element = structureOfElement(path);
  if (element) {
    return structureSnippet(element, writer, context);
  }
  const key = path[path.length - 1];
  if (key === 'supportContact' || key === 'engineeringContact') {
    return contactSnippet(writer);
  }
  if (key === 'technicalConfiguration' && path.length === 3) {
    return technicalConfigurationSnippet(writer, context);
  }
  if (typeof key === 'string' && schema?.type === 'array') {
    const first = structureOfElement([...path, 0]);
    if (first) {
      return `[\n\t${nested(structureSnippet(first, writer, context))}\n]`;
    }
  }
  if (schema?.const !== undefined) {
    return JSON.stringify(schema.const);
  }
  if (Array.isArray(schema?.enum) && schema.enum.length > 0) {
    return schema.enum.every((value) => typeof value === 'string')
      ? quoted(writer.choice(schema.enum))
      : writer.choice(schema.enum.map((value) => JSON.stringify(value)));
  }
  const type: unknown = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
  const fallback = typeof schema?.default === 'string' ? schema.default : '';
  switch (type) {
    case 'object': {
      const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
      if (required.length === 0 || depth >= MAX_GENERATED_DEPTH) {
        return `{${writer.tab()}}`;
      }
      return object(
        required.map((name) => `"${name}": ${valueSnippet([...path, name], schemaOf([...path, name]), writer, context, depth + 1)}`),
      );
    }
    case 'array':
      return `[${writer.tab()}]`;
    case 'number':
    case 'integer':
      return writer.tab(typeof schema?.default === 'number' ? String(schema.default) : '0');
    case 'boolean':
      return writer.choice(schema?.default === false ? ['false', 'true'] : ['true', 'false']);
    default:
      return quoted(writer.tab(fallback));
  }
}
