// os-stop / os-start: the API only records the wanted power state in the Server's spec; the
// operator deletes the Pod (SHUTOFF) or creates it again (ACTIVE), keeping the server's id, ports
// and volumes. Nova's state checks come first, on the live object inside the update, so two stops
// racing give one 202 and one 409: stop needs vm_state active or error, start needs stopped, and
// both need no task in progress. A locked server refuses both to non-admins (409), checked first as in Nova.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { conflict, notFound } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { serverTaskState } from '../servers/servers.view.js';
import { checkUnlocked } from './server-actions.lock.js';

type PowerState = NonNullable<Server['spec']['powerState']>;

const POWER_ACTIONS = {
  'os-stop': { verb: 'stop', from: new Set(['active', 'error']), want: 'Stopped' },
  'os-start': { verb: 'start', from: new Set(['stopped']), want: 'Running' },
} as const satisfies Record<string, { verb: string; from: ReadonlySet<string>; want: PowerState }>;

export type PowerAction = keyof typeof POWER_ACTIONS;

/** Nova's InstanceInvalidState, as the API words it: a task in progress first, then the vm_state. */
export function checkInstanceState(s: Server, verb: string, from: ReadonlySet<string>): void {
  const task = serverTaskState(s);
  if (task) throw conflict(`Cannot '${verb}' instance ${s.metadata.name} while it is in task_state ${task}`);
  const vmState = s.status?.vmState ?? 'building';
  if (!from.has(vmState)) throw conflict(`Cannot '${verb}' instance ${s.metadata.name} while it is in vm_state ${vmState}`);
}

export async function changePower(stores: Stores, auth: AuthContext, server: Server, action: PowerAction): Promise<void> {
  const { verb, from, want } = POWER_ACTIONS[action];
  const written = await stores.servers.update(server.metadata.name, server.metadata.namespace, (cur) => {
    checkUnlocked(cur, auth);
    checkInstanceState(cur, verb, from);
    return { ...cur, spec: { ...cur.spec, powerState: want } };
  });
  if (!written) throw notFound(`Instance ${server.metadata.name} could not be found.`);
}
