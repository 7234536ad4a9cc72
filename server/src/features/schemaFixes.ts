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
import type { OfferDiagnostic } from '../rules/diagnostic';
import { editsToTextEdits, modifyAt } from '../rules/fixEdits';
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
  const { document, formatting } = context;
  const path = fromPointer(pointer);
  const node = document.nodeAt(path);
  const schema = schemaAt(path) as Record<string, unknown> | undefined;
  if (!node || !schema || path.length === 0) {
    return [];
  }
  const allowed = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
  const current = node.value;
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
  const edits = modifyAt(document, path, replacement, formatting);
  return [{ title: t('Change to {0}', JSON.stringify(replacement)), edits: editsToTextEdits(document, edits), isPreferred: true }];
}

function unknownPropertyFixes(pointer: string, property: string, suggestion: string | undefined, context: FixContext): QuickFix[] {
  const { document, formatting } = context;
  const path = fromPointer(pointer);
  const parent = document.nodeAt(path.slice(0, -1));
  const key = keyNode(parent, property);
  if (path[path.length - 1] !== property || !parent || !key) {
    return []; // the document changed since the diagnostic was made
  }
  const fixes: QuickFix[] = [];
  // Renaming onto a key that is already there would make a duplicate key: then only removal helps.
  if (suggestion && suggestion !== property && !keyNode(parent, suggestion)) {
    fixes.push({
      title: t("Rename to '{0}'", suggestion),
      // The key's text is replaced in place, so the value, its comments and the order stay.
      edits: [{ range: document.rangeOf(key), newText: JSON.stringify(suggestion) }],
      isPreferred: true,
    });
  }
  const removal = modifyAt(document, path, undefined, formatting);
  // Removing drops what the author wrote, so it is never applied blindly by "fix all".
  fixes.push({ title: t("Remove property '{0}'", property), edits: editsToTextEdits(document, removal) });
  return fixes;
}

function missingPropertyFixes(parentPath: JSONPath, property: string, context: FixContext): QuickFix[] {
  const { document, formatting } = context;
  const parent = document.nodeAt(parentPath);
  if (parent?.type !== 'object' || prop(parent, property) !== undefined) {
    return [];
  }
  const path = [...parentPath, property];
  const placeholder = placeholderFor(path, 0);
  const edits = modifyAt(document, path, placeholder.value, formatting);
  return [
    {
      title: t("Add the missing property '{0}'", property),
      edits: editsToTextEdits(document, edits),
      // Only a value the schema fixes (a const, a single choice) is certainly right; a blank
      // placeholder still needs the author, so "fix all" leaves it alone.
      isPreferred: placeholder.certain,
    },
  ];
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
  const schema = schemaAt(path) as Record<string, unknown> | undefined;
  if (!schema) {
    return { value: '', certain: false };
  }
  if ('const' in schema) {
    return { value: schema.const, certain: true };
  }
  if (Array.isArray(schema.enum) && schema.enum.length === 1) {
    return { value: schema.enum[0], certain: true };
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
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
