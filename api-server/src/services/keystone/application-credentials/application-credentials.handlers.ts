// POST, GET and DELETE /v3/users/{user_id}/application_credentials[/{id}], as Keystone's
// application credential API does them: who may act is checked first (access.ts), then the
// request, then the roles delegated, then the write (writes.ts).
import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { check } from '../../../common/validate.js';
import { rolesOn } from '../../../auth/assignments.js';
import { generateAppCredSecret } from '../../../auth/app-cred-secrets.js';
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks } from '../collection.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { checkMayCreate, checkMayDelete, checkMayRead, findCredentialOf } from './application-credentials.access.js';
import { refuseAccessRules, toApplicationCredentialResource, toExpiresAt } from './application-credentials.mapper.js';
import { credentialsOf } from './application-credentials.query.js';
import {
  applicationCredentialFields,
  type ApplicationCredentialFields,
  type CreateApplicationCredentialBody,
  type ListApplicationCredentialsQuery,
} from './application-credentials.schema.js';
import { applicationCredentialListView, applicationCredentialView } from './application-credentials.view.js';
import { createCredential, deleteCredential } from './application-credentials.writes.js';

type RoleWire = NonNullable<ApplicationCredentialFields['roles']>[number];

/** The body's application_credential, validated as Keystone's create schema (a missing one lacks its name). */
function credentialFields(body: CreateApplicationCredentialBody): ApplicationCredentialFields {
  const fields = body.application_credential ?? {};
  const problem = check(applicationCredentialFields, fields, 'application_credential');
  if (problem) throw badRequest(problem);
  return fields as ApplicationCredentialFields;
}

/** A credential belongs to the project the creating token is scoped to. */
function scopedProject(auth: AuthContext): string {
  if (!auth.projectId) throw badRequest('Invalid application credential: a project-scoped token is required to create an application credential.');
  return auth.projectId;
}

/** A role named by id, or by name (Keystone's get_unique_role_by_name: 404 when there is none). */
function roleIdOf(stores: Stores, ref: RoleWire): string {
  if (ref.id !== undefined) return ref.id;
  if (ref.name === undefined) throw badRequest("'id' or 'name' is required in application_credential.roles.");
  const role = stores.roles.list().find((r) => r.spec.name === ref.name && !r.spec.domainId);
  if (!role) throw notFound(`Could not find role: ${ref.name}.`);
  return role.metadata.name;
}

/** The roles delegated (the token's, unless named): each must be one the user holds on the project, else Keystone's 400. */
function delegatedRoleIds(stores: Stores, auth: AuthContext, projectId: string, wanted: RoleWire[] | undefined): string[] {
  const ids = [...new Set((wanted ?? auth.roles.map((r) => ({ id: r.id }))).map((ref) => roleIdOf(stores, ref)))];
  const held = new Set(rolesOn(stores, auth.userId, projectId).map((r) => r.metadata.name));
  const missing = ids.find((id) => !held.has(id));
  if (missing !== undefined) {
    throw badRequest(`Invalid application credential: Could not find role assignment with role: ${missing}, user or group: ${auth.userId}, project, domain, or system: ${projectId}.`);
  }
  return ids;
}

export function createApplicationCredentialHandler(k: KeystoneDeps): Handler<CreateApplicationCredentialBody> {
  return async (ctx) => {
    const userId = ctx.params.userId;
    checkMayCreate(ctx.auth, userId);
    const fields = credentialFields(ctx.body);
    refuseAccessRules(fields);
    const projectId = scopedProject(ctx.auth);
    const expiresAt = toExpiresAt(fields.expires_at, Date.now());
    const roleIds = delegatedRoleIds(k.app.stores, ctx.auth, projectId, fields.roles);
    const secret = fields.secret ?? generateAppCredSecret();
    const id = randomUUID().replace(/-/g, '');
    const made = await createCredential(k.app, k.tokens, toApplicationCredentialResource(fields, { id, userId, projectId, roleIds, expiresAt }), secret);
    // The secret is answered once, here; only its hash is kept.
    return { status: 201, body: { application_credential: { ...applicationCredentialView(k.app.stores, ctx.baseUrl, made), secret } } };
  };
}

export function listApplicationCredentialsHandler(k: KeystoneDeps): Handler<undefined, ListApplicationCredentialsQuery> {
  return syncHandler((ctx) => {
    checkMayRead(ctx.auth, ctx.params.userId, 'list');
    if (!k.app.stores.users.get(ctx.params.userId)) throw notFound(`Could not find user: ${ctx.params.userId}.`);
    const creds = credentialsOf(k.app.stores, ctx.params.userId, ctx.query);
    return { body: applicationCredentialListView(k.app.stores, ctx.baseUrl, collectionLinks(ctx), creds) };
  });
}

export function showApplicationCredentialHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    checkMayRead(ctx.auth, ctx.params.userId, 'get');
    const cred = findCredentialOf(k.app.stores, ctx.params.userId, ctx.params.applicationCredentialId);
    return { body: { application_credential: applicationCredentialView(k.app.stores, ctx.baseUrl, cred) } };
  });
}

export function deleteApplicationCredentialHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    checkMayDelete(ctx.auth, ctx.params.userId);
    await deleteCredential(k.app, findCredentialOf(k.app.stores, ctx.params.userId, ctx.params.applicationCredentialId));
    return { status: 204 };
  };
}
