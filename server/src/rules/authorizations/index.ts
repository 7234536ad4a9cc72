import type { Rule } from '../rule';
import { authorizationDuplicate } from './authorizationDuplicate';
import { authorizationsLimit } from './authorizationsLimit';
import { authorizationsRequired } from './authorizationsRequired';
import { delegatedRoleInvalid } from './delegatedRoleInvalid';
import { delegatedRolesNotAllowed } from './delegatedRolesNotAllowed';
import { deleteRoleMissing } from './deleteRoleMissing';
import { displayNamePersonal } from './displayNamePersonal';
import { displayNameRequired } from './displayNameRequired';
import { eligibleRoleInvalid } from './eligibleRoleInvalid';
import { eligibleServicePrincipal } from './eligibleServicePrincipal';
import { jitDuration } from './jitDuration';
import { jitMfa } from './jitMfa';
import { principalIdFormat } from './principalIdFormat';
import { readerMissing } from './readerMissing';
import { roleDataActions } from './roleDataActions';
import { roleNameInsteadOfId } from './roleNameInsteadOfId';
import { roleOwner } from './roleOwner';
import { roleUnknown } from './roleUnknown';
import { tenantIdFormat } from './tenantIdFormat';
import { uaaDelegatedRolesRequired } from './uaaDelegatedRolesRequired';

/** Technical configuration: tenant, authorizations, roles, just-in-time access. */
export const authorizationRules: Rule[] = [
  tenantIdFormat,
  authorizationsRequired,
  authorizationsLimit,
  principalIdFormat,
  displayNameRequired,
  displayNamePersonal,
  roleUnknown,
  roleNameInsteadOfId,
  roleOwner,
  roleDataActions,
  uaaDelegatedRolesRequired,
  delegatedRolesNotAllowed,
  delegatedRoleInvalid,
  authorizationDuplicate,
  deleteRoleMissing,
  readerMissing,
  jitDuration,
  jitMfa,
  eligibleRoleInvalid,
  eligibleServicePrincipal,
];
