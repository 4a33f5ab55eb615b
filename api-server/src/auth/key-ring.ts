// The token keys this replica currently signs and validates with. They are re-read through an
// informer watching only the key Secret (fieldSelector metadata.name=...), so a rotation made by
// any replica or by an operator (rotateKeys) takes effect here within one watch event, without
// a restart and without polling.
import type { KubeClient } from '../../../crds/client/client.js';
import { Informer, type InformerLogger } from '../../../crds/client/informer.js';
import { Resources } from '../../../crds/resources.js';
import { ensureKeys, keySetFromSecret, TOKEN_KEYS_SECRET, type KeySet } from './token-keys.js';
import type { SecretObject } from './secret.js';

export class KeyRing {
  private keys: KeySet | undefined;
  private readonly informer: Informer<SecretObject>;

  constructor(
    private readonly kube: KubeClient,
    private readonly namespace: string,
    log?: InformerLogger,
  ) {
    const selector = { namespace, fieldSelector: `metadata.name=${TOKEN_KEYS_SECRET}` };
    this.informer = new Informer<SecretObject>(kube, Resources.Secret, selector, log);
    this.informer.on({ onUpsert: (secret) => this.load(secret) });
  }

  private load(secret: SecretObject): void {
    if (secret.metadata.name !== TOKEN_KEYS_SECRET) return;
    // A Secret emptied by hand must not leave us without keys: keep the last good set.
    this.keys = keySetFromSecret(secret) ?? this.keys;
  }

  /** Creates the repository if this is the first replica ever, then follows it. */
  async start(): Promise<void> {
    this.load(await ensureKeys(this.kube, this.namespace));
    await this.informer.start();
  }

  stop(): void {
    this.informer.stop();
  }

  current(): KeySet {
    if (!this.keys) throw new Error('token keys are not loaded; call start() first');
    return this.keys;
  }
}
