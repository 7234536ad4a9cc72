/**
 * The `schema` diagnostics: malformed JSON from the parser, and type / unknown-property /
 * missing-property / enum problems from the JSON Schema (ajv, compiled once per process).
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { createScanner, Node, ParseError, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import offerSchema from '../../../schemas/offer.schema.json';
import { fromPointer, toPointer } from '@core/model/jsonPointer';
import { keyNode, nodePath, prop } from '@core/model/nodes';
import { plansOf, type PlanRef } from '@core/model/offerStructure';
import { MAX_NESTING_DEPTH, OfferDocument } from '@core/model/offerDocument';
import { t } from '@core/l10n';
import { GUID_PATTERN } from '@core/knowledge/identifiers';
import { quoteValue } from '@core/text/quote';
import type { OfferDiagnostic } from '../rules/diagnostic';
import { diagnosticsPerPlan, type PlanCheckEnvironment } from './planResults';
import { missingPropertyRange } from './ranges';
import { closestKnownKey, knownKeysAt } from './schemaKeys';

interface OfferValidators {
  /** The schema with the plans' items left open: the offer without its plans' content. */
  offerWithoutPlans: ValidateFunction;
  /** The schema of one plan (an item of `plans`). */
  plan: ValidateFunction;
}

let compiled: OfferValidators | undefined;

/**
 * The compiled validators: compiled on first use, then shared by every document. The offer is
 * checked in parts (the offer with its plans left open, then each plan) so that a plan's schema
 * problems can be kept while the plan is unchanged, like its rules' (validation/planResults.ts).
 */
function validators(): OfferValidators {
  if (!compiled) {
    // The schema's patterns are ASCII (GUIDs, versions): without the u flag they run faster.
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: false, unicodeRegExp: false });
    const { $id, ...schema } = offerSchema as typeof offerSchema & { $id?: string };
    const plans = schema.properties.plans;
    compiled = {
      offerWithoutPlans: ajv.compile({ ...schema, properties: { ...schema.properties, plans: { ...plans, items: true } } }),
      // The plan's schema refers to the offer's definitions (#/definitions/…): they come along.
      plan: ajv.compile({ ...plans.items, definitions: schema.definitions }),
    };
  }
  return compiled;
}

export function syntaxDiagnostics(document: OfferDocument): OfferDiagnostic[] {
  if (document.tooDeepAt !== undefined) {
    return [
      {
        code: 'schema',
        severity: 'error',
        message: t('The file nests more than {0} levels deep: an offer is never this deep, so it was not read further.', MAX_NESTING_DEPTH),
        range: document.rangeAt(document.tooDeepAt, 1),
        path: '',
      },
    ];
  }
  if (!document.root && isBlank(document.getText())) {
    return [
      {
        code: 'schema',
        severity: 'error',
        message: t('The file is empty: an offer is a JSON object that starts with {.'),
        range: document.rangeAt(0, 0),
        path: '',
      },
    ];
  }
  return document.syntaxErrors.map((error) => syntaxDiagnostic(document, error));
}

/** Only white space and comments. */
function isBlank(text: string): boolean {
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.Trivia && token !== SyntaxKind.LineBreakTrivia && token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) {
      return false;
    }
  }
  return true;
}

function syntaxDiagnostic(document: OfferDocument, error: ParseError): OfferDiagnostic {
  return {
    code: 'schema',
    severity: 'error',
    message: t('Malformed JSON: {0}.', describeParseError(printParseErrorCode(error.error))),
    range: document.rangeAt(error.offset, Math.max(error.length, 1)),
    path: '',
  };
}

function describeParseError(code: string): string {
  const descriptions: Record<string, string> = {
    InvalidSymbol: t('unexpected character'),
    InvalidNumberFormat: t('invalid number'),
    PropertyNameExpected: t('a property name in double quotes is expected'),
    ValueExpected: t('a value is expected'),
    ColonExpected: t('a colon is expected'),
    CommaExpected: t('a comma is expected'),
    CloseBraceExpected: t('a closing brace } is expected'),
    CloseBracketExpected: t('a closing bracket ] is expected'),
    EndOfFileExpected: t('nothing may follow the offer object'),
    InvalidCommentToken: t('invalid comment'),
    UnexpectedEndOfComment: t('a comment is not closed'),
    UnexpectedEndOfString: t('a string is not closed'),
    UnexpectedEndOfNumber: t('a number is not finished'),
    InvalidUnicode: t('invalid unicode escape'),
    InvalidEscapeCharacter: t('invalid escape character'),
    InvalidCharacter: t('invalid character in a string'),
  };
  return descriptions[code] ?? code;
}

/**
 * The schema's problems: those of the offer around its plans, then each plan's (kept per plan
 * while the plan is unchanged, when an environment says what else they would depend on).
 */
export function schemaDiagnostics(document: OfferDocument, environment?: PlanCheckEnvironment): OfferDiagnostic[] {
  const root = document.root;
  if (!root) {
    return [];
  }
  const { offerWithoutPlans, plan: validatePlan } = validators();
  const plansNode = prop(root, 'plans');
  const diagnostics = errorDiagnostics(document, root, offerWithoutPlans, valueWithPlansLeftOut(root, plansNode), '');
  if (plansNode?.type !== 'array') {
    return diagnostics;
  }
  const check = (plans: readonly PlanRef[]) =>
    plans.flatMap((plan) => errorDiagnostics(document, root, validatePlan, schemaValueOf(plan.node), `/plans/${plan.index}`));
  const plans = plansOf(root);
  // Kept per plan only within a validation (which names the environment the rules see too).
  return [...diagnostics, ...(environment ? diagnosticsPerPlan(document, plans, 'schema', environment, check) : check(plans))];
}

/** The validator's errors on `value` (found at `pointer` in the offer) as diagnostics, each once. */
function errorDiagnostics(document: OfferDocument, root: Node, validate: ValidateFunction, value: unknown, pointer: string): OfferDiagnostic[] {
  validate(value);
  const diagnostics: OfferDiagnostic[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const diagnostic = toDiagnostic(document, root, { ...error, instancePath: pointer + error.instancePath });
    const key = diagnostic && `${diagnostic.path}\0${diagnostic.message}`;
    if (diagnostic && !seen.has(key!)) {
      seen.add(key!);
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

/**
 * The offer's value with every plan replaced by null: what `offerWithoutPlans` checks. The plans
 * are checked one by one, and turning their nodes into values is most of the work of a check.
 */
function valueWithPlansLeftOut(root: Node, plansNode: Node | undefined): unknown {
  if (root.type !== 'object' || plansNode?.type !== 'array') {
    return schemaValueOf(root);
  }
  const value = Object.create(RECORD_PROTOTYPE) as Record<string, unknown>;
  for (const property of root.children ?? []) {
    const [key, valueNode] = property.children ?? [];
    if (key && valueNode) {
      value[key.value as string] = valueNode === plansNode ? plansNode.children!.map(() => null) : schemaValueOf(valueNode);
    }
  }
  return value;
}

/**
 * Above every object the validator is given: an empty, frozen object with no prototype. Nothing is
 * inherited (no `toString`, no `__proto__` setter: a key "__proto__" is an ordinary property), as
 * with `Object.create(null)`, but V8 keeps such objects in its fast mode, where `Object.create(null)`
 * makes each one a hash table: the objects are made faster, and the validator's compiled property
 * reads on them are several times faster.
 */
const RECORD_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/**
 * A node's value as plain data, for the validator: what jsonc-parser's `getNodeValue` gives
 * (a later property of the same name overwrites an earlier one; a property without a value is
 * left out), with objects made under {@link RECORD_PROTOTYPE}.
 */
function schemaValueOf(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return node.children!.map(schemaValueOf);
    case 'object': {
      const value = Object.create(RECORD_PROTOTYPE) as Record<string, unknown>;
      for (const property of node.children!) {
        const valueNode = property.children![1];
        if (valueNode) {
          value[property.children![0].value as string] = schemaValueOf(valueNode);
        }
      }
      return value;
    }
    case 'null':
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    default:
      return undefined;
  }
}

function toDiagnostic(document: OfferDocument, root: Node, error: ErrorObject): OfferDiagnostic | undefined {
  const path = fromPointer(error.instancePath);
  const node = document.nodeAt(path) ?? root;
  const pointer = toPointer(nodePath(node));
  const base = { code: 'schema', severity: 'error' as const };
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return {
        ...base,
        message: t("Missing required property '{0}'.", missing),
        range: missingPropertyRange(document, node),
        path: pointer + toPointer([missing]),
        data: { kind: 'missing-property', property: missing, parent: pointer },
      };
    }
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      const key = keyNode(node, property);
      const suggestion = closestKnownKey(property, knownKeysAt(path));
      return {
        ...base,
        message: suggestion
          ? t("Unknown property '{0}': did you mean '{1}'?", quoteValue(property), suggestion)
          : t("Unknown property '{0}': remove it, Partner Center does not know it.", quoteValue(property)),
        range: document.rangeOf(key ?? node),
        path: pointer + toPointer([property]),
        data: { kind: 'unknown-property', property, suggestion },
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type).replace(/,/g, t(' or '));
      return {
        ...base,
        message: t('Expected {0} here, found {1}.', describeType(expected), describeType(node.type)),
        range: document.rangeOf(node),
        path: pointer,
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      return {
        ...base,
        message: t('Value is not accepted: use one of {0}.', allowed.join(', ')),
        range: document.rangeOf(node),
        path: pointer,
      };
    }
    case 'const': {
      const allowed = JSON.stringify((error.params as { allowedValue: unknown }).allowedValue);
      return { ...base, message: t('Value must be {0}.', allowed), range: document.rangeOf(node), path: pointer };
    }
    case 'uniqueItems': {
      // On the later of the two equal items, not on the whole array: that is the one to remove,
      // and where a rule that checks the same list (categories-count) reports it, so that the
      // rule's diagnostic replaces this one (validateOffer drops schema problems at a rule's path).
      const { i, j } = error.params as { i: number; j: number };
      const duplicate = node.type === 'array' ? node.children?.[Math.max(i, j)] : undefined;
      const target = duplicate ?? node;
      return {
        ...base,
        message: t('This value is already in the list (item {0}): remove this one.', Math.min(i, j) + 1),
        range: document.rangeOf(target),
        path: toPointer(nodePath(target)),
      };
    }
    case 'minItems':
    case 'maxItems':
    case 'pattern':
    case 'format':
      return { ...base, message: keywordMessage(error, node), range: document.rangeOf(node), path: pointer };
    case 'if':
    case 'anyOf':
    case 'oneOf':
      // Their sub-errors say what is wrong more precisely.
      return undefined;
    default:
      // Ajv's own message is English whatever the locale: a keyword the schema does not use yet
      // is named, not described (schema.test.ts fails until the keyword has its own message).
      return { ...base, message: t('The value does not meet the schema\'s "{0}" rule.', error.keyword), range: document.rangeOf(node), path: pointer };
  }
}

/** The schema's GUID (knowledge/identifiers) and version patterns, named the way a person knows them. */
const VERSION_PATTERN = '^\\d+\\.\\d+\\.\\d+$';

/** The message of a list-size, pattern or format error, in our words (Ajv's are English only). */
function keywordMessage(error: ErrorObject, node: Node): string {
  const value = typeof node.value === 'string' ? quoteValue(node.value) : String(node.value);
  switch (error.keyword) {
    case 'minItems': {
      const { limit } = error.params as { limit: number };
      return limit === 1 ? t('This list is empty: add at least one entry.') : t('This list has {0} entries; it needs at least {1}.', node.children?.length ?? 0, limit);
    }
    case 'maxItems': {
      const { limit } = error.params as { limit: number };
      const count = node.children?.length ?? 0;
      return t('This list has {0} entries; the limit is {1}: remove {2}.', count, limit, count - limit);
    }
    case 'pattern': {
      const { pattern } = error.params as { pattern: string };
      return pattern === GUID_PATTERN
        ? t("'{0}' is not a GUID: write it as 00000000-0000-0000-0000-000000000000.", value)
        : pattern === VERSION_PATTERN
          ? t("'{0}' is not a version of the form n.n.n, such as 1.0.0.", value)
          : t("'{0}' does not have the form this field takes.", value);
    }
    default: {
      const { format } = error.params as { format: string };
      return format === 'email'
        ? t("'{0}' is not an email address: write it as name@example.com.", value)
        : format === 'uri'
          ? t("'{0}' is not an absolute URL: write the full address, starting with https://.", value)
          : t("'{0}' does not have the form this field takes.", value);
    }
  }
}

function describeType(type: string): string {
  const names: Record<string, string> = {
    string: t('a string'),
    number: t('a number'),
    integer: t('a whole number'),
    boolean: t('true or false'),
    object: t('an object'),
    array: t('an array'),
    null: t('null'),
  };
  return type
    .split(t(' or '))
    .map((part) => names[part] ?? part)
    .join(t(' or '));
}
