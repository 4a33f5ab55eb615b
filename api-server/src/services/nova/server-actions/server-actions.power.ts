// os-stop / os-start, pause / unpause, suspend / resume: the API only records the wanted power
// state in the Server's spec; the operator deletes the Pod (SHUTOFF, SUSPENDED), marks it paused
// (PAUSED) or creates it again (ACTIVE), keeping the server's id, host, ports and volumes. Nova's state checks come first, on the live object inside the update, so two stops
// racing give one 202 and one 409: each needs the vm_state Nova's check_instance_state names, and
// no task in progress. A locked server refuses both to non-admins (409), checked first as in Nova.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { conflict, notFound } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { effectiveVmState, serverTaskState } from '../servers/servers.view.js';
import { checkUnlocked } from './server-actions.lock.js';

type PowerState = NonNullable<Server['spec']['powerState']>;

/** Each power action: Nova's name for it in errors, the vm_states it may start from, and the power state it asks for. */
const POWER_ACTIONS = {
  'os-stop': { verb: 'stop', from: new Set(['active', 'error']), want: 'Stopped' },
  'os-start': { verb: 'start', from: new Set(['stopped']), want: 'Running' },
  pause: { verb: 'pause', from: new Set(['active']), want: 'Paused' },
  unpause: { verb: 'unpause', from: new Set(['paused']), want: 'Running' },
  suspend: { verb: 'suspend', from: new Set(['active']), want: 'Suspended' },
  resume: { verb: 'resume', from: new Set(['suspended']), want: 'Running' },
} as const satisfies Record<string, { verb: string; from: ReadonlySet<string>; want: PowerState }>;

export type PowerAction = keyof typeof POWER_ACTIONS;

/** Nova's InstanceInvalidState, as the API words it: a task in progress first, then the vm_state. */
export function checkInstanceState(s: Server, verb: string, from: ReadonlySet<string>): void {
  const task = serverTaskState(s);
  if (task) throw conflict(`Cannot '${verb}' instance ${s.metadata.name} while it is in task_state ${task}`);
  const vmState = effectiveVmState(s);
  if (!from.has(vmState)) throw conflict(`Cannot '${verb}' instance ${s.metadata.name} while it is in vm_state ${vmState}`);
}

/** Changes the live server as change says, after the lock check; a server gone meanwhile is a 404. */
export async function guardedChange(stores: Stores, auth: AuthContext, server: Server, change: (cur: Server) => Server['spec']): Promise<Server> {
  const written = await stores.servers.update(server.metadata.name, server.metadata.namespace, (cur) => {
    checkUnlocked(cur, auth);
    // An accepted action takes the server out of an admin's reset to error, as Nova's new task does.
    return { ...cur, spec: { ...change(cur), resetState: undefined } };
  });
  if (!written) throw notFound(`Instance ${server.metadata.name} could not be found.`);
  return written;
}

export async function changePower(stores: Stores, auth: AuthContext, server: Server, action: PowerAction): Promise<void> {
  const { verb, from, want } = POWER_ACTIONS[action];
  await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, verb, from);
    return { ...cur.spec, powerState: want };
  });
}
