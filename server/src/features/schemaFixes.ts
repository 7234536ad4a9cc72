/**
 * Quick fixes for `schema` diagnostics, which come from the JSON Schema rather than from a rule
 * module: an unknown property (remove it, or rename it to the known key it was probably meant to
 * be) and a missing required property (insert it with a placeholder of the type the schema asks
 * for), and a value outside a `const`/`enum` that is the allowed one but for case. The facts come
 * from the diagnostic's `data` (see validation/schemaValidation.ts) and the schema itself.
 */
import { JSONPath } from 'jsonc-parser';
import { t } from '@core/l10n';
import { fromPointer } from '@core/model/jsonPointer';
import { keyNode, prop } from '@core/model/nodes';
import { present } from '../edits/expectations';
import { addProperty, removeValue, renameProperty, setValue } from '../edits/pointerEdits';
import { quickFix } from '../edits/quickFix';
import type { OfferDiagnostic } from '../rules/diagnostic';
import type { FixContext, QuickFix } from '../rules/rule';
import { schemaAt } from '../validation/schemaKeys';

export function schemaFixes(diagnostic: OfferDiagnostic, context: FixContext): QuickFix[] {
  const data = diagnostic.data ?? {};
  if (data.kind === 'unknown-property' && typeof data.property === 'string') {
    const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
    return unknownPropertyFixes(diagnostic.path, data.property, suggestion, context);
  }
  if (data.kind === 'missing-property' && typeof data.property === 'string' && typeof data.parent === 'string') {
    return missingPropertyFixes(fromPointer(data.parent), data.property, context);
  }
  return allowedValueFixes(diagnostic.path, context);
}

/**
 * A value the schema restricts (`const`, `enum`): when the value is the allowed one but for case or
 * blanks ("Private" for "private"), or when only one value is allowed, put that value in.
 */
function allowedValueFixes(pointer: string, context: FixContext): QuickFix[] {
  const path = fromPointer(pointer);
  const node = context.document.nodeAt(path);
  const schema = schemaAt(path);
  if (!node || !schema || path.length === 0) {
    return [];
  }
  const allowed = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
  const current: unknown = node.value;
  let replacement: unknown;
  if (allowed.length === 1) {
    replacement = allowed[0];
  } else if (typeof current === 'string') {
    const wanted = current.trim().toLowerCase();
    replacement = allowed.find((value) => typeof value === 'string' && value.toLowerCase() === wanted);
  }
  if (replacement === undefined || replacement === current) {
    return [];
  }
  return quickFix(context, t('Change to {0}', JSON.stringify(replacement)), setValue(context, path, replacement, present), true);
}

function unknownPropertyFixes(pointer: string, property: string, suggestion: string | undefined, context: FixContext): QuickFix[] {
  const path = fromPointer(pointer);
  const objectPath = path.slice(0, -1);
  if (path[path.length - 1] !== property || !keyNode(context.document.nodeAt(objectPath), property)) {
    return []; // the document changed since the diagnostic was made
  }
  return [
    // Renaming onto a key that is already there would make a duplicate key: then only removal helps.
    ...(suggestion ? quickFix(context, t("Rename to '{0}'", suggestion), renameProperty(context, objectPath, property, suggestion), true) : []),
    // Removing drops what the author wrote, so it is never applied blindly by "fix all".
    ...quickFix(context, t("Remove property '{0}'", property), removeValue(context, path, present)),
  ];
}

function missingPropertyFixes(parentPath: JSONPath, property: string, context: FixContext): QuickFix[] {
  const parent = context.document.nodeAt(parentPath);
  if (parent?.type !== 'object' || prop(parent, property) !== undefined) {
    return [];
  }
  const placeholder = placeholderFor([...parentPath, property], 0);
  // Only a value the schema fixes (a const, a single choice) is certainly right; a blank
  // placeholder still needs the author, so "fix all" leaves it alone.
  return quickFix(context, t("Add the missing property '{0}'", property), addProperty(context, parentPath, property, placeholder.value), placeholder.certain);
}

interface Placeholder {
  value: unknown;
  /** The schema allows only this value: inserting it needs no decision from the author. */
  certain: boolean;
}

/** Bounds the nesting of placeholder objects (the schema has no recursion, but be safe). */
const MAX_PLACEHOLDER_DEPTH = 4;

/**
 * The value to insert for a missing property at `path`: the schema's only allowed value when there
 * is one, else an empty value of its type; an object gets its own required properties.
 */
export function placeholderFor(path: JSONPath, depth: number): Placeholder {
  const schema = schemaAt(path);
  if (!schema) {
    return { value: '', certain: false };
  }
  if ('const' in schema) {
    return { value: schema.const, certain: true };
  }
  if (Array.isArray(schema.enum) && schema.enum.length === 1) {
    return { value: schema.enum[0], certain: true };
  }
  const type: unknown = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'array':
      return { value: [], certain: false };
    case 'number':
    case 'integer':
      return { value: 0, certain: false };
    case 'boolean':
      return { value: false, certain: false };
    case 'null':
      return { value: null, certain: false };
    case 'object': {
      const value: Record<string, unknown> = {};
      const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string') : [];
      if (depth < MAX_PLACEHOLDER_DEPTH) {
        for (const key of required) {
          value[key] = placeholderFor([...path, key], depth + 1).value;
        }
      }
      return { value, certain: false };
    }
    default:
      return { value: '', certain: false };
  }
}
