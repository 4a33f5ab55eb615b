// Names unique in a scope (a Keystone project or user name in its domain, a domain name, an
// application credential's name for its user), decided by the apiserver rather than by a check of
// the cache: a name is taken when its NameClaim exists, and the claim's object name is a digest of
// kind, scope and name, so of two concurrent creates on any replica exactly one gets past the
// AlreadyExists. The holder releases its claim when it is deleted and moves it when renamed; a
// crash in between leaves an orphan that the operator's name-claim controller deletes.
import { createHash } from 'node:crypto';
import { isAlreadyExists, isNotFound } from '../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../crds/naming.js';
import { Resources, typeMeta } from '../../../crds/resources.js';
import type { NameClaim } from '../../../crds/types.generated.js';
import type { Stores } from '../deps.js';
import { conflict, type ApiError } from './errors.js';

/** What is claimed: a name of a kind in a scope (a domain ID, a user ID; '' for global). */
export interface NameKey {
  kind: string;
  scope: string;
  name: string;
}

/** A claim being made: the name, who holds it, and the error a taken name is. */
export interface ClaimRequest {
  key: NameKey;
  holderId: string;
  taken: () => ApiError;
}

type ClaimStores = Pick<Stores, 'nameClaims'>;

/** The claim's object name: a digest, so any name (any length, any characters) maps to a valid one. */
export function nameClaimName(key: NameKey): string {
  const digest = createHash('sha256').update([key.kind, key.scope, key.name].join('\0')).digest('hex');
  return `${key.kind.toLowerCase()}-${digest.slice(0, 40)}`;
}

/** Keystone's 409 for a taken name: "Conflict occurred attempting to store <type> - <details>". */
export function duplicateEntry(type: string, details: string): ApiError {
  return conflict(`Conflict occurred attempting to store ${type} - ${details}`);
}

/** Keystone's wording for a name taken in a domain. */
export function duplicateInDomain(type: string, name: string, domainId: string): ApiError {
  return duplicateEntry(type, `Duplicate entry found with name ${name} at domain ID ${domainId}.`);
}

/** The NameClaim object for a key and its holder (the seed writes these directly). */
export function nameClaimObject(key: NameKey, holderId: string): NameClaim {
  return {
    ...typeMeta(Resources.NameClaim),
    metadata: { name: nameClaimName(key), labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: { kind: key.kind, scope: key.scope, name: key.name, holderId },
  };
}

/**
 * Claims the name for holderId, or throws taken() when another holder has it. Claiming a name the
 * holder already has succeeds (a retried request, an idempotent seed).
 */
export async function claimName(stores: ClaimStores, claim: ClaimRequest): Promise<void> {
  const { key, holderId, taken } = claim;
  try {
    await stores.nameClaims.create(nameClaimObject(key, holderId));
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const existing = await stores.nameClaims.client.get<NameClaim>(Resources.NameClaim, nameClaimName(key));
    if (existing?.spec.holderId !== holderId) throw taken();
  }
}

/** Releases the name if holderId still holds it; a claim already gone is fine. */
export async function releaseName(stores: ClaimStores, key: NameKey, holderId: string): Promise<void> {
  const name = nameClaimName(key);
  const existing = await stores.nameClaims.client.get<NameClaim>(Resources.NameClaim, name);
  if (!existing || existing.spec.holderId !== holderId) return;
  try {
    // At the UID read: a claim someone else made under this name since is not ours to delete.
    await stores.nameClaims.delete(name, undefined, { uid: existing.metadata.uid });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** Whether two keys name the same claim. */
export function sameName(a: NameKey, b: NameKey): boolean {
  return a.kind === b.kind && a.scope === b.scope && a.name === b.name;
}

/**
 * A rename under a unique name: claims the new name first, then runs the update, then releases
 * the old name; when the update fails the new claim is released and the error rethrown. With an
 * unchanged name it only runs the update.
 */
export async function withRenamedClaim<T>(stores: ClaimStores, from: NameKey, to: ClaimRequest, update: () => Promise<T>): Promise<T> {
  if (sameName(from, to.key)) return update();
  await claimName(stores, to);
  let result: T;
  try {
    result = await update();
  } catch (err) {
    await releaseName(stores, to.key, to.holderId);
    throw err;
  }
  await releaseName(stores, from, to.holderId);
  return result;
}

/**
 * A create under a unique name: claims it, then creates; when the create fails the claim is
 * released and the error rethrown, so a refused create leaves the name free.
 */
export async function withNewClaim<T>(stores: ClaimStores, claim: ClaimRequest, create: () => Promise<T>): Promise<T> {
  await claimName(stores, claim);
  try {
    return await create();
  } catch (err) {
    await releaseName(stores, claim.key, claim.holderId);
    throw err;
  }
}
