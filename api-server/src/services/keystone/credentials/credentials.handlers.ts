// /v3/credentials: Keystone's credentials (blob, type, user, project), each in its own Secret
// (credentials.store.ts). The owner or an admin creates, reads, updates and deletes one.
import { notFound } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import type { User } from '../../../../../crds/types.generated.js';
import { collectionLinks, matchesQuery } from '../collection.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { checkMayOwn, credentialHome, findCredential } from './credentials.access.js';
import { toCredentialRecord, updatedCredentialRecord } from './credentials.mapper.js';
import type { CreateCredentialRequest, ListCredentialsQuery, UpdateCredentialRequest } from './credentials.schema.js';
import { createCredential, deleteCredential, listCredentials, replaceCredential } from './credentials.store.js';
import { credentialListView, credentialView } from './credentials.view.js';

/** The credential's user, else Keystone's 404. */
export function findOwner(stores: Stores, userId: string): User {
  const user = stores.users.get(userId);
  if (!user || user.metadata.deletionTimestamp) throw notFound(`Could not find user: ${userId}.`);
  return user;
}

export function listCredentialsHandler(k: KeystoneDeps): Handler<undefined, ListCredentialsQuery> {
  return async (ctx) => {
    const mine = ctx.auth.isAdmin ? undefined : ctx.auth.userId;
    const creds = (await listCredentials(credentialHome(k), mine)).filter((c) => matchesQuery(ctx.query.user_id, c.userId) && matchesQuery(ctx.query.type, c.type));
    return { body: credentialListView(ctx.baseUrl, collectionLinks(ctx), creds) };
  };
}

export function showCredentialHandler(k: KeystoneDeps): Handler {
  return async (ctx) => ({ body: { credential: credentialView(ctx.baseUrl, await findCredential(k, ctx.auth, ctx.params.credentialId)) } });
}

export function createCredentialHandler(k: KeystoneDeps): Handler<{ credential: CreateCredentialRequest }> {
  return async (ctx) => {
    checkMayOwn(ctx.auth, ctx.body.credential.user_id, 'create_credential');
    const owner = findOwner(k.app.stores, ctx.body.credential.user_id);
    const made = toCredentialRecord(ctx.body.credential);
    await createCredential(credentialHome(k), made, owner);
    return { status: 201, body: { credential: credentialView(ctx.baseUrl, made) } };
  };
}

export function updateCredentialHandler(k: KeystoneDeps): Handler<{ credential: UpdateCredentialRequest }> {
  return async (ctx) => {
    const current = await findCredential(k, ctx.auth, ctx.params.credentialId);
    const next = updatedCredentialRecord(current, ctx.body.credential);
    // Giving a credential to another user is the new owner's business too.
    if (next.userId !== current.userId) checkMayOwn(ctx.auth, next.userId, 'update_credential');
    await replaceCredential(credentialHome(k), next, findOwner(k.app.stores, next.userId));
    return { body: { credential: credentialView(ctx.baseUrl, next) } };
  };
}

export function deleteCredentialHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const found = await findCredential(k, ctx.auth, ctx.params.credentialId);
    await deleteCredential(credentialHome(k), found.id);
    return { status: 204 };
  };
}
