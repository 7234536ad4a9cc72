import { OWNER_ROLE_ID, READER_ROLE_ID } from '@core/catalog/roleCatalog';

/**
 * Role definitions as `az role definition list` prints them (trimmed to what matters): two
 * well-known roles, one newer than the shipped catalog, one with DataActions and a custom role.
 */
export function azRoleDefinitions(): unknown[] {
  const definition = (name: string, roleName: string, description: string, actions: string[], dataActions: string[] = [], roleType = 'BuiltInRole') => ({
    assignableScopes: ['/'],
    description,
    id: `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${name}`,
    name,
    permissions: [{ actions, dataActions, notActions: [], notDataActions: [], condition: null, conditionVersion: null }],
    roleName,
    roleType,
    type: 'Microsoft.Authorization/roleDefinitions',
  });
  return [
    definition(READER_ROLE_ID, 'Reader', 'View all resources, but does not allow you to make any changes.', ['*/read']),
    definition(OWNER_ROLE_ID, 'Owner', 'Grants full access to manage all resources.', ['*']),
    definition('3d2a4f1e-5b6c-4d7e-8f90-a1b2c3d4e5f6', 'Contoso Future Operator', 'A role newer than the release.', [
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Insights/components/read',
      'Microsoft.Resources/deployments/*',
    ]),
    definition('ba92f5b4-2d11-453d-a403-e96b0029c9fe', 'Storage Blob Data Contributor', 'Read, write and delete blobs.', ['Microsoft.Storage/storageAccounts/blobServices/containers/write'], [
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
    ]),
    definition('5f7a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c', 'Contoso Custom', 'A custom role.', ['*/read'], [], 'CustomRole'),
  ];
}

