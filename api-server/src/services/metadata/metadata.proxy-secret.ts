// Nova's metadata_proxy_shared_secret: the metadata proxy in front of the guests (Neutron's, in a
// DevStack) signs each request's instance id with it, and the metadata service trusts only a
// request so signed. Here it is a random secret in a Secret of the API server's namespace, made
// by the first replica that needs it (every replica then reads the same one); whoever runs the
// proxy reads it from there. Never committed, never logged.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isAlreadyExists, type KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import { newSecret, readSecretValue, type SecretObject } from '../../auth/secret.js';

export const METADATA_PROXY_SECRET = 'openstack-sim-metadata-proxy';
export const SHARED_SECRET_KEY = 'shared-secret';

async function ensureSecret(kube: KubeClient, namespace: string): Promise<SecretObject> {
  const existing = await kube.get<SecretObject>(Resources.Secret, METADATA_PROXY_SECRET, namespace);
  if (existing) return existing;
  try {
    return await kube.create<SecretObject>(Resources.Secret, newSecret(METADATA_PROXY_SECRET, namespace, { [SHARED_SECRET_KEY]: randomBytes(32).toString('hex') }));
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const winner = await kube.get<SecretObject>(Resources.Secret, METADATA_PROXY_SECRET, namespace);
    if (!winner) throw err;
    return winner;
  }
}

/** The hex HMAC-SHA256 of the instance id under the shared secret, as Neutron's proxy sends it. */
export function instanceSignature(secret: string, instanceId: string): string {
  return createHmac('sha256', secret).update(instanceId, 'utf8').digest('hex');
}

/** Loads the shared secret once (made if absent) and checks signatures against it in constant time. */
export class ProxySecret {
  private secret: Promise<string> | undefined;

  constructor(
    private readonly kube: KubeClient,
    private readonly namespace: string,
  ) {}

  private load(): Promise<string> {
    this.secret ??= ensureSecret(this.kube, this.namespace).then((s) => readSecretValue(s, SHARED_SECRET_KEY) ?? '');
    // A failed load (the apiserver away) is retried by the next request, not remembered.
    this.secret.catch(() => (this.secret = undefined));
    return this.secret;
  }

  async verifies(instanceId: string, signature: string): Promise<boolean> {
    const secret = await this.load();
    const want = Buffer.from(instanceSignature(secret, instanceId), 'utf8');
    const got = Buffer.from(signature, 'utf8');
    return secret !== '' && want.length === got.length && timingSafeEqual(want, got);
  }
}
