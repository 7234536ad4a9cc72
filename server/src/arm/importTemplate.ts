/**
 * An Azure Lighthouse onboarding template (and its parameters file) read back as a plan's
 * technical configuration. The files come from anywhere, so every value is checked before it is
 * used, and every problem is a {@link TemplateImportError} that names the file and the JSON path
 * (`gold.parameters.json: /parameters/authorizations is a string; it must be an object.`), never
 * an internal error.
 */
import { t } from '@core/l10n';
import { escapeControlCharacters, quoteValue } from '@core/text/quote';
import { ArmJsonFile, Json, TemplateImportError } from './armFile';
import { REGISTRATION_DEFINITIONS } from './lighthouseTemplate';

export { parseArmJson, TemplateImportError } from './armFile';
export type { ArmJsonFile } from './armFile';

export interface TechnicalConfiguration {
  version: string;
  tenantId: unknown;
  authorizations: unknown;
  eligibleAuthorizations?: unknown;
}

/** A value and where it was read: the file and the JSON pointer in it. */
interface Located {
  value: unknown;
  file: string;
  pointer: string;
}

/** How deep nested deployments are searched for the registration definition. */
const MAX_NESTED_DEPLOYMENTS = 5;

/** An own property only: `constructor` or `__proto__` in a file names nothing inherited. */
function own(object: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON pointer segment, escaped as RFC 6901 says and shown safely (a long name is cut). */
function segment(key: string | number): string {
  return typeof key === 'number' ? String(key) : quoteValue(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function child(located: Located, key: string | number): Located {
  const parent = located.value as Record<string | number, unknown>;
  const value = typeof key === 'number' ? (parent as unknown as unknown[])[key] : own(parent, key);
  return { value, file: located.file, pointer: `${located.pointer}/${segment(key)}` };
}

function typeOf(value: unknown): string {
  if (value === null) {
    return t('null');
  }
  if (Array.isArray(value)) {
    return t('an array');
  }
  switch (typeof value) {
    case 'string':
      return t('a string');
    case 'number':
      return t('a number');
    case 'boolean':
      return t('true or false');
    case 'object':
      return t('an object');
    default:
      return typeof value;
  }
}

function where(located: Located): string {
  return `${escapeControlCharacters(located.file)}: ${located.pointer === '' ? '/' : located.pointer}`;
}

/** Fails with a whole sentence about the place: `describe` gets "file: /pointer" as its subject, so a translation can put it where its grammar wants it. */
function fail(located: Located, describe: (place: string) => string): never {
  throw new TemplateImportError(describe(where(located)));
}

function wrongType(located: Located, expected: string): never {
  if (located.value === undefined) {
    fail(located, (place) => t('{0} is missing; it must be {1}.', place, expected));
  }
  fail(located, (place) => t('{0} is {1}; it must be {2}.', place, typeOf(located.value), expected));
}

function expectObject(located: Located): Json {
  return isObject(located.value) ? located.value : wrongType(located, t('an object'));
}

function expectArray(located: Located): unknown[] {
  return Array.isArray(located.value) ? located.value : wrongType(located, t('an array'));
}

function expectString(located: Located): string {
  return typeof located.value === 'string' ? located.value : wrongType(located, t('a string'));
}

/** The template and parameters files, checked once for the shape every lookup relies on. */
class TemplateFiles {
  readonly declared: Located | undefined;
  readonly given: Located | undefined;

  constructor(
    readonly template: ArmJsonFile,
    readonly parameters: ArmJsonFile | undefined,
  ) {
    const templateRoot: Located = { value: template.json, file: template.name, pointer: '' };
    const declared = child(templateRoot, 'parameters');
    if (declared.value !== undefined) {
      expectObject(declared);
      this.declared = declared;
    }
    if (parameters) {
      const given = child({ value: parameters.json, file: parameters.name, pointer: '' }, 'parameters');
      // Every parameter is checked, used or not: a malformed file is said to be malformed.
      for (const name of Object.keys(expectObject(given))) {
        expectObject(child(given, name));
      }
      this.given = given;
    }
  }

  /**
   * A template value resolved: a literal stays as it is; `[parameters('name')]` takes the
   * parameters file's value, else the template's default. Any other expression can't be known
   * before deployment, so it is refused with the expression named.
   */
  resolve(located: Located): Located {
    const value = located.value;
    if (typeof value !== 'string' || !value.startsWith('[') || value.startsWith('[[')) {
      return located;
    }
    const match = /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/.exec(value);
    if (!match) {
      fail(located, (place) =>
        t("{0} is the expression {1}, which can't be resolved before deployment: write the value or a parameters('…') reference.", place, quoteValue(value)),
      );
    }
    const name = match[1];
    const given = this.given && child(this.given, name);
    if (given?.value !== undefined) {
      const parameter = given.value as Json;
      if (own(parameter, 'value') !== undefined) {
        return child(given, 'value');
      }
      if (own(parameter, 'reference') !== undefined) {
        fail(given, (place) => t("{0} is a Key Vault reference: parameter '{1}' can't be read here.", place, quoteValue(name)));
      }
      fail(given, (place) => t('{0} has no "value".', place));
    }
    const declared = this.declared && child(this.declared, name);
    if (declared?.value === undefined) {
      fail(located, (place) => t("{0} refers to parameter '{1}', which the template does not declare.", place, quoteValue(name)));
    }
    const declaration = expectObject(declared);
    if (own(declaration, 'defaultValue') === undefined) {
      fail(declared, (place) =>
        t("{0} has no defaultValue and no parameters file sets parameter '{1}': give a parameters file that sets it.", place, quoteValue(name)),
      );
    }
    return child(declared, 'defaultValue');
  }
}

/** The registration definition of a template, also inside nested deployments. */
function findRegistrationDefinition(template: ArmJsonFile): Located | undefined {
  const root: Located = { value: template.json, file: template.name, pointer: '' };
  const topResources = child(root, 'resources');
  if (topResources.value === undefined) {
    fail(topResources, (place) => t('{0} is missing: an onboarding template lists its resources, among them a {1}.', place, REGISTRATION_DEFINITIONS));
  }
  const pending: { resources: Located; depth: number }[] = [{ resources: topResources, depth: 0 }];
  // Walked by index, not shift(): a template with 200,000 nested deployments would move the queue 200,000 times.
  for (let next = 0; next < pending.length; next++) {
    const { resources, depth } = pending[next];
    const list = expectArray(resources);
    for (let i = 0; i < list.length; i++) {
      const resource = child(resources, i);
      const fields = expectObject(resource);
      const type = own(fields, 'type');
      if (typeof type === 'string' && type.toLowerCase() === REGISTRATION_DEFINITIONS.toLowerCase()) {
        return resource;
      }
      const nested = isObject(own(fields, 'properties')) ? child(child(resource, 'properties'), 'template') : undefined;
      if (nested && isObject(nested.value) && depth < MAX_NESTED_DEPLOYMENTS && own(nested.value, 'resources') !== undefined) {
        pending.push({ resources: child(nested, 'resources'), depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** Each authorization an object, with the fields Azure Lighthouse reads of the types it reads. */
function checkAuthorizations(located: Located, eligible: boolean): void {
  const list = expectArray(located);
  for (let i = 0; i < list.length; i++) {
    const authorization = child(located, i);
    const fields = expectObject(authorization);
    expectString(child(authorization, 'principalId'));
    expectString(child(authorization, 'roleDefinitionId'));
    if (own(fields, 'principalIdDisplayName') !== undefined) {
      expectString(child(authorization, 'principalIdDisplayName'));
    }
    if (!eligible && own(fields, 'delegatedRoleDefinitionIds') !== undefined) {
      const delegated = child(authorization, 'delegatedRoleDefinitionIds');
      const ids = expectArray(delegated);
      ids.forEach((_, j) => expectString(child(delegated, j)));
    }
    if (eligible && own(fields, 'justInTimeAccessPolicy') !== undefined) {
      expectObject(child(authorization, 'justInTimeAccessPolicy'));
    }
  }
}

/** The plan technical configuration that an onboarding template (and its parameters) describes. */
export function importTemplate(template: ArmJsonFile, parameters?: ArmJsonFile): TechnicalConfiguration {
  const files = new TemplateFiles(template, parameters);
  const definition = findRegistrationDefinition(template);
  if (!definition) {
    throw new TemplateImportError(
      t('{0}: the template declares no {1} resource: it is not an Azure Lighthouse onboarding template.', escapeControlCharacters(template.name), REGISTRATION_DEFINITIONS),
    );
  }
  const properties = files.resolve(child(definition, 'properties'));
  expectObject(properties);
  const tenantId = files.resolve(child(properties, 'managedByTenantId'));
  expectString(tenantId);
  const authorizations = files.resolve(child(properties, 'authorizations'));
  checkAuthorizations(authorizations, false);
  const configuration: TechnicalConfiguration = { version: '1.0.0', tenantId: tenantId.value, authorizations: authorizations.value };
  if (own(properties.value as Json, 'eligibleAuthorizations') !== undefined) {
    const eligible = files.resolve(child(properties, 'eligibleAuthorizations'));
    checkAuthorizations(eligible, true);
    if ((eligible.value as unknown[]).length > 0) {
      configuration.eligibleAuthorizations = eligible.value;
    }
  }
  return configuration;
}
