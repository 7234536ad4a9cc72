import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { t } from '@core/l10n';
import { REGISTRATION_DEFINITIONS } from './lighthouseTemplate';

type Json = Record<string, unknown>;

/** A problem with the template or parameters given: the message is for the user. */
export class TemplateImportError extends Error {}

export interface TechnicalConfiguration {
  version: string;
  tenantId: unknown;
  authorizations: unknown;
  eligibleAuthorizations?: unknown;
}

/** Parses a template or parameters file (comments tolerated, as Azure tooling does). */
export function parseArmJson(text: string, what: string): Json {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    throw new TemplateImportError(t('{0} is not valid JSON: {1} at offset {2}.', what, printParseErrorCode(errors[0].error), errors[0].offset));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TemplateImportError(t('{0} is not a JSON object.', what));
  }
  return value as Json;
}

/** The registration definition of a template, also inside nested deployments. */
function findRegistrationDefinition(template: Json, depth = 0): Json | undefined {
  const resources = Array.isArray(template.resources) ? (template.resources as Json[]) : [];
  for (const resource of resources) {
    if (typeof resource !== 'object' || resource === null) {
      continue;
    }
    if (typeof resource.type === 'string' && resource.type.toLowerCase() === REGISTRATION_DEFINITIONS.toLowerCase()) {
      return resource;
    }
    const nested = (resource.properties as Json | undefined)?.template;
    if (depth < 5 && typeof nested === 'object' && nested !== null) {
      const found = findRegistrationDefinition(nested as Json, depth + 1);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/**
 * Resolves a template value: a literal stays as it is; `[parameters('name')]` takes the
 * parameters file's value, else the template's default. Any other expression can't be known
 * before deployment, so it is refused with the expression named.
 */
function resolve(value: unknown, template: Json, parameters: Json | undefined, field: string): unknown {
  if (typeof value !== 'string' || !value.startsWith('[') || value.startsWith('[[')) {
    return value;
  }
  const match = /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/.exec(value);
  if (!match) {
    throw new TemplateImportError(t("{0} is the expression {1}, which can't be resolved before deployment: write the value or a parameters('…') reference.", field, value));
  }
  const name = match[1];
  const given = (parameters?.parameters as Json | undefined)?.[name] as Json | undefined;
  if (given && 'value' in given) {
    return given.value;
  }
  if (given && 'reference' in given) {
    throw new TemplateImportError(t("Parameter '{0}' is a Key Vault reference: its value can't be read here.", name));
  }
  const declared = (template.parameters as Json | undefined)?.[name] as Json | undefined;
  if (!declared) {
    throw new TemplateImportError(t("{0} refers to parameter '{1}', which the template does not declare.", field, name));
  }
  if (!('defaultValue' in declared)) {
    throw new TemplateImportError(t("Parameter '{0}' has no value: give a parameters file that sets it.", name));
  }
  return declared.defaultValue;
}

/** The plan technical configuration that an onboarding template (and its parameters) describes. */
export function importTemplate(template: Json, parameters?: Json): TechnicalConfiguration {
  const definition = findRegistrationDefinition(template);
  if (!definition) {
    throw new TemplateImportError(t('The template declares no {0} resource: it is not an Azure Lighthouse onboarding template.', REGISTRATION_DEFINITIONS));
  }
  const properties = resolve(definition.properties, template, parameters, 'properties');
  if (typeof properties !== 'object' || properties === null) {
    throw new TemplateImportError(t('The registration definition has no properties.'));
  }
  const p = properties as Json;
  const tenantId = resolve(p.managedByTenantId, template, parameters, 'managedByTenantId');
  const authorizations = resolve(p.authorizations, template, parameters, 'authorizations');
  if (!Array.isArray(authorizations)) {
    throw new TemplateImportError(t('The registration definition has no authorizations array.'));
  }
  const configuration: TechnicalConfiguration = { version: '1.0.0', tenantId, authorizations };
  if (p.eligibleAuthorizations !== undefined) {
    const eligible = resolve(p.eligibleAuthorizations, template, parameters, 'eligibleAuthorizations');
    if (Array.isArray(eligible) && eligible.length > 0) {
      configuration.eligibleAuthorizations = eligible;
    }
  }
  return configuration;
}
