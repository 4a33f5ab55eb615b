// /v3/users/{user_id}/credentials/OS-EC2: EC2-style access/secret key pairs, which are Keystone
// credentials of type "ec2" (the same Secrets, credentials.store.ts) whose id is the SHA-256 of the
// access key. The user or an admin manages them (Keystone's identity:ec2_*_credential defaults).
import { randomBytes } from 'node:crypto';
import { badRequest, notFound } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { collectionLinks } from '../collection.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { checkMayOwn, credentialHome } from '../credentials/credentials.access.js';
import { findOwner } from '../credentials/credentials.handlers.js';
import { ec2CredentialId } from '../credentials/credentials.mapper.js';
import { createCredential, deleteCredential, listCredentials, readCredential, type CredentialRecord } from '../credentials/credentials.store.js';
import type { CreateEc2CredentialRequest } from './ec2-credentials.schema.js';
import { ec2CredentialListView, ec2CredentialView } from './ec2-credentials.view.js';

const isEc2 = (c: CredentialRecord): boolean => c.type.toLowerCase() === 'ec2';

/** The path's user, once the caller may act for them (403 before 404, as Keystone's policy runs first). */
function pathUser(k: KeystoneDeps, auth: AuthContext, userId: string, action: string): void {
  checkMayOwn(auth, userId, action);
  findOwner(k.app.stores, userId);
}

async function findEc2Credential(k: KeystoneDeps, userId: string, access: string): Promise<CredentialRecord> {
  const found = await readCredential(credentialHome(k), ec2CredentialId(access));
  if (!found || found.userId !== userId || !isEc2(found)) throw notFound(`Could not find credential: ${ec2CredentialId(access)}.`);
  return found;
}

/** The project the pair is for: tenant_id, a string naming an existing project. */
function tenantOf(k: KeystoneDeps, body: CreateEc2CredentialRequest): string {
  const id = body.tenant_id;
  if (typeof id !== 'string' || id === '') throw badRequest("Invalid input for field 'tenant_id': a project id is required.");
  const project = k.app.stores.projects.get(id);
  if (!project || project.metadata.deletionTimestamp) throw notFound(`Could not find project: ${id}.`);
  return id;
}

export function createEc2CredentialHandler(k: KeystoneDeps): Handler<CreateEc2CredentialRequest> {
  return async (ctx) => {
    const { userId } = ctx.params;
    pathUser(k, ctx.auth, userId, 'ec2_create_credential');
    const projectId = tenantOf(k, ctx.body);
    const access = randomBytes(16).toString('hex');
    const blob = JSON.stringify({ access, secret: randomBytes(16).toString('hex'), trust_id: null, app_cred_id: null, access_token_id: null });
    const made: CredentialRecord = { id: ec2CredentialId(access), userId, projectId, type: 'ec2', blob };
    await createCredential(credentialHome(k), made, findOwner(k.app.stores, userId));
    return { status: 201, body: { credential: ec2CredentialView(ctx.baseUrl, made) } };
  };
}

export function listEc2CredentialsHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const { userId } = ctx.params;
    pathUser(k, ctx.auth, userId, 'ec2_list_credentials');
    const creds = (await listCredentials(credentialHome(k), userId)).filter(isEc2);
    return { body: ec2CredentialListView(ctx.baseUrl, collectionLinks(ctx), creds) };
  };
}

export function showEc2CredentialHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const { userId, access } = ctx.params;
    pathUser(k, ctx.auth, userId, 'ec2_get_credential');
    return { body: { credential: ec2CredentialView(ctx.baseUrl, await findEc2Credential(k, userId, access)) } };
  };
}

export function deleteEc2CredentialHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const { userId, access } = ctx.params;
    pathUser(k, ctx.auth, userId, 'ec2_delete_credential');
    await deleteCredential(credentialHome(k), (await findEc2Credential(k, userId, access)).id);
    return { status: 204 };
  };
}
