/**
 * The Azure Lighthouse onboarding template: what a customer (or a provider testing in its own
 * test tenant) deploys to delegate a subscription or a resource group. A plan's technical
 * configuration maps one to one onto it: `tenantId` → `managedByTenantId`, and the authorizations
 * keep their field names.
 */

export const SUBSCRIPTION_DEPLOYMENT_SCHEMA = 'https://schema.management.azure.com/schemas/2019-08-01/subscriptionDeploymentTemplate.json#';
export const RESOURCE_GROUP_DEPLOYMENT_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const DEPLOYMENT_PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** The first API version of Microsoft.ManagedServices with eligible (just-in-time) authorizations as GA. */
export const MANAGED_SERVICES_API_VERSION = '2022-10-01';

export const REGISTRATION_DEFINITIONS = 'Microsoft.ManagedServices/registrationDefinitions';
export const REGISTRATION_ASSIGNMENTS = 'Microsoft.ManagedServices/registrationAssignments';

export type DelegationScope = 'subscription' | 'resourceGroup';

type Json = Record<string, unknown>;

function parameter(type: 'string' | 'array', description: string): Json {
  return { type, metadata: { description } };
}

/**
 * The deployment template for a scope. Lighthouse onboarding is always deployed at subscription
 * level (the registration definition lives on the subscription); for a resource group, the
 * assignment is made by a nested deployment into that group.
 */
export function lighthouseTemplate(scope: DelegationScope, withEligibleAuthorizations: boolean): Json {
  const parameters: Json = {
    mspOfferName: parameter('string', 'Name of the offer, shown to the customer on the Service providers page.'),
    mspOfferDescription: parameter('string', 'Description of the offer, shown to the customer.'),
    managedByTenantId: parameter('string', 'ID of the managing (service provider) tenant.'),
    authorizations: parameter('array', 'Permanent authorizations: principalId, principalIdDisplayName, roleDefinitionId and, for User Access Administrator, delegatedRoleDefinitionIds.'),
  };
  if (withEligibleAuthorizations) {
    parameters.eligibleAuthorizations = parameter('array', 'Just-in-time authorizations: principalId, principalIdDisplayName, roleDefinitionId and justInTimeAccessPolicy.');
  }
  if (scope === 'resourceGroup') {
    parameters.rgName = parameter('string', 'Name of the resource group to delegate.');
  }

  const definitionProperties: Json = {
    registrationDefinitionName: "[parameters('mspOfferName')]",
    description: "[parameters('mspOfferDescription')]",
    managedByTenantId: "[parameters('managedByTenantId')]",
    authorizations: "[parameters('authorizations')]",
  };
  if (withEligibleAuthorizations) {
    definitionProperties.eligibleAuthorizations = "[parameters('eligibleAuthorizations')]";
  }
  const definitionId = "[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('mspRegistrationName'))]";
  const assignment: Json = {
    type: REGISTRATION_ASSIGNMENTS,
    apiVersion: MANAGED_SERVICES_API_VERSION,
    name: "[variables('mspAssignmentName')]",
    properties: { registrationDefinitionId: definitionId },
  };

  const resources: Json[] = [
    { type: REGISTRATION_DEFINITIONS, apiVersion: MANAGED_SERVICES_API_VERSION, name: "[variables('mspRegistrationName')]", properties: definitionProperties },
  ];
  if (scope === 'subscription') {
    resources.push({ ...assignment, dependsOn: [definitionId] });
  } else {
    resources.push({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2021-04-01',
      name: 'rgAssignment',
      resourceGroup: "[parameters('rgName')]",
      dependsOn: [definitionId],
      properties: {
        mode: 'Incremental',
        // The nested template sees the outer variables because its expressions are evaluated in the outer scope.
        template: { $schema: RESOURCE_GROUP_DEPLOYMENT_SCHEMA, contentVersion: '1.0.0.0', parameters: {}, resources: [assignment] },
      },
    });
  }

  return {
    $schema: SUBSCRIPTION_DEPLOYMENT_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters,
    variables: {
      mspRegistrationName: "[guid(parameters('mspOfferName'))]",
      mspAssignmentName: scope === 'subscription' ? "[guid(parameters('mspOfferName'))]" : "[guid(parameters('rgName'))]",
    },
    resources,
    outputs: {
      mspOfferName: { type: 'string', value: "[concat('Managed by', ' ', parameters('mspOfferName'))]" },
      authorizations: { type: 'array', value: "[parameters('authorizations')]" },
    },
  };
}
