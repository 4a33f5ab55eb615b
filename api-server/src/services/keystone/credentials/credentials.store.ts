// Where Keystone's credentials live: their blobs are secrets (an EC2 secret key, a TOTP seed), so
// each credential is one Secret in the API server's namespace (openstack-sim-credential-<id>),
// never a CR or a ConfigMap that RBAC on the openstack.sim kinds or configmaps would reach. The
// owner is a label (listed by selector), project and type are annotations, the blob is the data.
// The Secret is owned by its User, so deleting the user deletes their credentials, as Keystone does.
import { isAlreadyExists, type KubeClient } from '../../../../../crds/client/client.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { User } from '../../../../../crds/types.generated.js';
import { conflict } from '../../../common/errors.js';
import { newSecret, readSecretValue, type SecretObject } from '../../../auth/secret.js';

const USER_LABEL = 'openstack.sim/credential-user-id';
const PROJECT_ANNOTATION = 'openstack.sim/credential-project-id';
const TYPE_ANNOTATION = 'openstack.sim/credential-type';
const BLOB_KEY = 'blob';

export interface CredentialRecord {
  id: string;
  userId: string;
  projectId: string | null;
  type: string;
  blob: string;
  /** The Secret's resourceVersion when read: an update is written under it. */
  version?: string;
}

/** Where credentials are: the KubeClient and the API server's own namespace. */
export interface CredentialHome {
  kube: KubeClient;
  namespace: string;
}

function secretName(id: string): string {
  return `openstack-sim-credential-${id}`;
}

function toRecord(secret: SecretObject | undefined): CredentialRecord | undefined {
  const userId = secret?.metadata.labels?.[USER_LABEL];
  if (!secret || userId === undefined || secret.metadata.deletionTimestamp) return undefined;
  const annotations = secret.metadata.annotations ?? {};
  return {
    id: secret.metadata.name.slice(secretName('').length),
    userId,
    projectId: annotations[PROJECT_ANNOTATION] || null,
    type: annotations[TYPE_ANNOTATION] ?? '',
    blob: readSecretValue(secret, BLOB_KEY) ?? '',
    version: secret.metadata.resourceVersion,
  };
}

function toSecret(home: CredentialHome, c: CredentialRecord, owner: User | undefined): SecretObject {
  const secret = newSecret(secretName(c.id), home.namespace, { [BLOB_KEY]: c.blob });
  secret.metadata.labels = { ...secret.metadata.labels, [USER_LABEL]: c.userId };
  secret.metadata.annotations = { [PROJECT_ANNOTATION]: c.projectId ?? '', [TYPE_ANNOTATION]: c.type };
  if (owner?.metadata.uid) secret.metadata.ownerReferences = [{ ...typeMeta(Resources.User), name: owner.metadata.name, uid: owner.metadata.uid }];
  return secret;
}

/** Read live: a credential made a moment ago on another replica is there. */
export async function readCredential(home: CredentialHome, id: string): Promise<CredentialRecord | undefined> {
  return toRecord(await home.kube.get<SecretObject>(Resources.Secret, secretName(id), home.namespace));
}

/** Every credential, or one user's. */
export async function listCredentials(home: CredentialHome, userId?: string): Promise<CredentialRecord[]> {
  const selector = userId === undefined ? USER_LABEL : `${USER_LABEL}=${userId}`;
  const { items } = await home.kube.list<SecretObject>(Resources.Secret, { namespace: home.namespace, labelSelector: selector });
  return items.map(toRecord).filter((c): c is CredentialRecord => c !== undefined).sort((a, b) => a.id.localeCompare(b.id));
}

/** The id decides: a second credential with the same id (an EC2 access key again) is Keystone's 409. */
export async function createCredential(home: CredentialHome, c: CredentialRecord, owner: User | undefined): Promise<void> {
  try {
    await home.kube.create<SecretObject>(Resources.Secret, toSecret(home, c, owner));
  } catch (err) {
    if (isAlreadyExists(err)) throw conflict(`Conflict occurred attempting to store credential - Duplicate ID, ${c.id}.`);
    throw err;
  }
}

/** Writes the credential's new state at the resourceVersion it was read with (a concurrent change is the apiserver's 409). */
export async function replaceCredential(home: CredentialHome, c: CredentialRecord, owner: User | undefined): Promise<void> {
  const next = toSecret(home, c, owner);
  await home.kube.replace<SecretObject>(Resources.Secret, { ...next, metadata: { ...next.metadata, resourceVersion: c.version } });
}

export async function deleteCredential(home: CredentialHome, id: string): Promise<void> {
  await home.kube.delete(Resources.Secret, secretName(id), home.namespace);
}
