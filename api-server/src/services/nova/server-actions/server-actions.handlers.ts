// POST /servers/{id}/action: one handler that finds the server (404 first, as Nova), checks the
// action's body against its schema, and dispatches on the action's key, as Nova's action
// controllers do. Each action is 202 with no body but rebuild's (the server) and createImage's (a
// Location header).
import { Type, type Static } from '@sinclair/typebox';
import { badRequest, notFound } from '../../../common/errors.js';
import { at, MV, type Change } from '../microversion.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import type { Server } from '../../../../../crds/types.generated.js';
import { check } from '../../../common/validate.js';
import { findServer } from '../servers/servers.handlers.js';
import { SERVED_ACTIONS, type GroupActionBody, type CreateImageBody, type RebootBody, type ResizeBody, type RebuildBody, type RescueBody, type ConsoleOutputBody, type ServedAction, type serverActionBody } from './server-actions.schema.js';
import { changePower, type PowerAction } from './server-actions.power.js';
import { rebootServer, rebuildServer } from './server-actions.boot.js';
import { createImageAction, type ImageDeps } from './server-actions.image.js';
import { shelveOffloadServer, shelveServer, unshelveServer } from './server-actions.shelve.js';
import { confirmResize, resizeServer, revertResize } from './server-actions.resize.js';
import { recordAction } from '../instance-actions/instance-actions.record.js';
import type { ActionName } from '../instance-actions/instance-actions.mapper.js';
import { lockServer, unlockServer } from './server-actions.lock.js';
import { rescueServer, unrescueServer } from './server-actions.rescue.js';
import { consoleOutput } from './server-actions.console.js';
import { createBackupAction, createBackupBody, type CreateBackupBody } from './server-actions.backup.js';
import { resetServerState, resetStateBody, type ResetStateBody } from './server-actions.reset-state.js';
import { changePassword, changePasswordBody, triggerCrashDump } from './server-actions.crash.js';
import { evacuateBody, evacuateServer, liveMigrateBody, liveMigrateServer, migrateBody, migrateServer, type EvacuateBody, type LiveMigrateBody, type MigrateBody } from './server-actions.migrate.js';
import { consoleUrl, type ConsoleDeps } from '../remote-consoles/remote-consoles.handlers.js';
import type { ConsoleActionBody } from '../remote-consoles/remote-consoles.schema.js';
import { addSecurityGroup, removeSecurityGroup } from './server-actions.security-groups.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';

/** Performs one action: a result when it answers more than an empty 202. */
/** What the actions use: the stores, Glance's data (snapshots), Pods' logs and console tokens (consoles). */
export type ActionDeps = ImageDeps & ConsoleDeps & { quotas: QuotaAdmission };

type Perform = (deps: ActionDeps, ctx: ActionContext, server: Server, body: unknown) => Promise<RouteResult | void>;
type ActionContext = Pick<RouteContext<unknown, object>, 'auth' | 'baseUrl' | 'microversion'>;

/** The 2.1 console actions: Nova's {console: {type, url}}. */
const remoteConsole: Perform = async (deps, { baseUrl }, server, body) => {
  const { type } = body as ConsoleActionBody;
  return { status: 200, body: { console: { type, url: consoleUrl(deps, baseUrl, server, type) } } };
};

const power = (action: PowerAction): Perform => ({ stores }, { auth }, server) => changePower(stores, auth, server, action);

/** The actions whose bodies' schemas live in their own modules. */
const MORE_ACTIONS = { createBackup: createBackupBody, 'os-resetState': resetStateBody, migrate: migrateBody, 'os-migrateLive': liveMigrateBody, evacuate: evacuateBody, trigger_crash_dump: Type.Unknown(), changePassword: changePasswordBody } as const;
const ACTION_BODIES = { ...SERVED_ACTIONS, ...MORE_ACTIONS };
type Action = ServedAction | keyof typeof MORE_ACTIONS;

const PERFORM: Record<Action, Perform> = {
  addSecurityGroup: ({ stores }, { auth }, server, body) => addSecurityGroup(stores, auth, server, (body as GroupActionBody).name),
  removeSecurityGroup: ({ stores }, { auth }, server, body) => removeSecurityGroup(stores, auth, server, (body as GroupActionBody).name),
  'os-stop': power('os-stop'),
  'os-start': power('os-start'),
  pause: power('pause'),
  unpause: power('unpause'),
  suspend: power('suspend'),
  resume: power('resume'),
  lock: ({ stores }, ctx, server, body) => lockServer(stores, ctx, server, body),
  unlock: ({ stores }, { auth }, server) => unlockServer(stores, auth, server),
  reboot: ({ stores }, { auth }, server, body) => rebootServer(stores, auth, server, body as RebootBody),
  rebuild: ({ stores }, ctx, server, body) => rebuildServer(stores, ctx, server, body as RebuildBody),
  createImage: (deps, ctx, server, body) => createImageAction(deps, ctx, server, body as CreateImageBody),
  shelve: (deps, { auth }, server) => shelveServer(deps, auth, server),
  shelveOffload: (deps, { auth }, server) => shelveOffloadServer(deps, auth, server),
  unshelve: (deps, ctx, server, body) => unshelveServer(deps, ctx, server, body),
  resize: ({ stores, quotas }, { auth }, server, body) => resizeServer({ stores, quotas }, auth, server, body as ResizeBody),
  confirmResize: ({ stores }, { auth }, server) => confirmResize(stores, auth, server),
  revertResize: ({ stores, quotas }, { auth }, server) => revertResize({ stores, quotas }, auth, server),
  rescue: ({ stores }, { auth }, server, body) => rescueServer(stores, auth, server, body as RescueBody),
  unrescue: ({ stores }, { auth }, server) => unrescueServer(stores, auth, server),
  'os-getConsoleOutput': ({ podLogs }, _ctx, server, body) => consoleOutput(podLogs, server, body as ConsoleOutputBody),
  'os-getVNCConsole': remoteConsole,
  'os-getSPICEConsole': remoteConsole,
  'os-getRDPConsole': remoteConsole,
  'os-getSerialConsole': remoteConsole,
  createBackup: (deps, ctx, server, body) => createBackupAction(deps, ctx, server, body as CreateBackupBody),
  'os-resetState': ({ stores }, { auth }, server, body) => resetServerState(stores, auth, server, body as ResetStateBody),
  migrate: ({ stores }, ctx, server, body) => migrateServer(stores, ctx, server, body as MigrateBody),
  'os-migrateLive': ({ stores }, { auth }, server, body) => liveMigrateServer(stores, auth, server, body as LiveMigrateBody),
  evacuate: ({ stores }, ctx, server, body) => evacuateServer(stores, ctx, server, body as EvacuateBody),
  trigger_crash_dump: ({ stores }, ctx, server) => triggerCrashDump(stores, ctx, server),
  changePassword: async (_deps, { auth }, server) => changePassword(auth, server),
};

/** The name Nova records each action under in os-instance-actions (security group changes are not recorded). */
const RECORDED_AS: Partial<Record<Action, ActionName>> = {
  'os-stop': 'stop', 'os-start': 'start', pause: 'pause', unpause: 'unpause', suspend: 'suspend', resume: 'resume',
  reboot: 'reboot', rebuild: 'rebuild', lock: 'lock', unlock: 'unlock', createImage: 'createImage',
  shelve: 'shelve', shelveOffload: 'shelveOffload', unshelve: 'unshelve', resize: 'resize', confirmResize: 'confirmResize', revertResize: 'revertResize',
  rescue: 'rescue', unrescue: 'unrescue', createBackup: 'createBackup', migrate: 'migrate', 'os-migrateLive': 'live-migration', evacuate: 'evacuate', trigger_crash_dump: 'trigger_crash_dump',
};

const isServed = (name: string): name is Action => Object.hasOwn(ACTION_BODIES, name);

/** Actions a microversion removed: 2.1's console actions give way to 2.6's remote-consoles (Nova's 404 from it on). */
const REMOVED_AT: Partial<Record<Action, Change>> = {
  'os-getVNCConsole': 'REMOTE_CONSOLES', 'os-getSPICEConsole': 'REMOTE_CONSOLES', 'os-getRDPConsole': 'REMOTE_CONSOLES', 'os-getSerialConsole': 'REMOTE_CONSOLES',
};

function checkNotRemoved(action: Action, mv: string | undefined): void {
  const removed = REMOVED_AT[action];
  if (removed && at(mv, removed)) throw notFound(`The resource could not be found: action ${action} is removed from version ${MV[removed]} on.`);
}

export function serverActionHandler(deps: ActionDeps) {
  const { stores } = deps;
  return async (ctx: RouteContext<Static<typeof serverActionBody>, object>): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const [action, body] = Object.entries(ctx.body)[0];
    if (!isServed(action)) throw badRequest(`There is no such action: ${action}`);
    checkNotRemoved(action, ctx.microversion);
    const invalid = check(ACTION_BODIES[action], body, action);
    if (invalid) throw badRequest(invalid);
    const result = (await PERFORM[action](deps, ctx, server, body)) ?? { status: 202 };
    const recorded = RECORDED_AS[action];
    if (recorded) await recordAction(stores, ctx, server, recorded);
    return result;
  };
}
