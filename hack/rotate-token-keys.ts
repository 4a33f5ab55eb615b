// Rotates the Keystone token keys, as `keystone-manage fernet_rotate` does: the staged key becomes
// the primary, a new staged key is made, and keys beyond --max-active are dropped (tokens they
// signed stop validating). Every API server replica picks the change up from the Secret.
//   npm run rotate-token-keys [-- --kubeconfig FILE --namespace NS --max-active 3]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpKubeClient, loadKubeConfig } from '../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../crds/naming.js';
import { DEFAULT_MAX_ACTIVE_KEYS, rotateKeys } from '../api-server/src/auth/token-keys.js';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string', default: join(process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim'), 'kubeconfig') },
    namespace: { type: 'string', default: DEFAULT_SYSTEM_NAMESPACE },
    'max-active': { type: 'string', default: String(DEFAULT_MAX_ACTIVE_KEYS) },
  },
});
const kube = new HttpKubeClient(loadKubeConfig(values.kubeconfig));
const secret = await rotateKeys(kube, values.namespace ?? DEFAULT_SYSTEM_NAMESPACE, Number(values['max-active']));
const indexes = Object.keys(secret.data ?? {}).map(Number).sort((a, b) => a - b);
console.log(`rotated token keys in ${values.namespace}/${secret.metadata.name}: now ${indexes.length} keys, primary ${indexes[indexes.length - 1]}`);
