// reboot (SOFT, HARD) and rebuild: each asks for a new boot of the server (spec.boot, its serial
// one above the last), which the operator realizes by replacing the Pod; the server shows REBOOT,
// HARD_REBOOT or REBUILD until the new Pod is ready. Nova's state checks run on the live object
// inside the guarded update: a soft reboot needs an active server with no task; a hard reboot
// also takes a stopped, paused, suspended or errored one (and powers it on), and may interrupt a
// soft reboot or a power change in progress; a rebuild takes an active, stopped or errored server
// and leaves a stopped one stopped.
import { randomBytes } from 'node:crypto';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict } from '../../../common/errors.js';
import type { AuthContext, RouteResult } from '../../../common/route.js';
import { lookupImage } from '../../glance/images/images.access.js';
import { checkAccessIps } from '../servers/servers.handlers.js';
import { canonicalIPv6 } from '../servers/servers.mapper.js';
import { effectiveVmState, serverTaskState } from '../servers/servers.view.js';
import { updatedServerView } from '../servers/servers.versioned-view.js';
import { checkInstanceState, guardedChange } from './server-actions.power.js';
import { REBUILD_KEYS, type RebootBody, type RebuildBody } from './server-actions.schema.js';
import { at, refuseKeysOutsideVersion } from '../microversion.js';
import { lookupKeypair } from '../keypairs/keypairs.handlers.js';
import { refuseTrustedCertificates } from '../servers/servers.create-versions.js';

type BootKind = NonNullable<Server['spec']['boot']>['kind'];
/** Who asks, and the base of the links in the answer. */
type Caller = { auth: AuthContext; baseUrl: string; microversion?: string };

const SOFT_REBOOT_FROM = new Set(['active']);
const HARD_REBOOT_FROM = new Set(['active', 'stopped', 'paused', 'suspended', 'error']);
/** The tasks a hard reboot may interrupt (Nova's reboot check allows these besides none). */
const HARD_REBOOT_DURING = new Set(['reboot_pending', 'reboot_started', 'reboot_pending_hard', 'reboot_started_hard', 'pausing', 'unpausing', 'suspending', 'resuming']);
const REBUILD_FROM = new Set(['active', 'stopped', 'error']);

/** The next boot: one past any asked or done, so a boot is never asked twice. */
export function nextBoot(cur: Server, kind: BootKind): NonNullable<Server['spec']['boot']> {
  return { serial: Math.max(cur.spec.boot?.serial ?? 0, cur.status?.bootSerial ?? 0) + 1, kind };
}

function checkHardRebootable(s: Server): void {
  const task = serverTaskState(s);
  if (task && !HARD_REBOOT_DURING.has(task)) throw conflict(`Cannot 'reboot' instance ${s.metadata.name} while it is in task_state ${task}`);
  const vmState = effectiveVmState(s);
  if (!HARD_REBOOT_FROM.has(vmState)) throw conflict(`Cannot 'reboot' instance ${s.metadata.name} while it is in vm_state ${vmState}`);
}

export async function rebootServer(stores: Stores, auth: AuthContext, server: Server, body: RebootBody): Promise<void> {
  const hard = body.type.toUpperCase() === 'HARD';
  await guardedChange(stores, auth, server, (cur) => {
    if (hard) checkHardRebootable(cur);
    else checkInstanceState(cur, 'reboot', SOFT_REBOOT_FROM);
    return { ...cur.spec, powerState: 'Running', boot: nextBoot(cur, hard ? 'HardReboot' : 'SoftReboot') };
  });
}

/** The image to rebuild with: visible to the caller and active; a volume-backed server keeps its (no) image. */
/** An image a boot may use: visible to the caller and active (Nova's 400s); its id, from an id or a link. */
export function checkUsableImage(stores: Stores, auth: AuthContext, imageRef: string): string {
  const id = imageRef.split('/').pop() ?? imageRef;
  const image = lookupImage(stores.images, auth, id);
  if (!image) throw badRequest(`Image ${id} could not be found.`);
  if ((image.status?.status ?? 'queued') !== 'active') throw badRequest(`Image ${id} is not active.`);
  return id;
}

function checkRebuildImage(stores: Stores, auth: AuthContext, server: Server, imageRef: string): string {
  const id = checkUsableImage(stores, auth, imageRef);
  if (!server.spec.imageRef) throw badRequest('Unable to rebuild with a different image for a volume-backed server.');
  return id;
}

/** 2.54's key_name: the caller's keypair's public key copied in (Nova's 400 for an unknown one), or null to remove it. */
function rebuildKey(stores: Stores, auth: AuthContext, keyName: string | null | undefined): Partial<Server['spec']> | undefined {
  if (keyName === undefined) return undefined;
  if (keyName === null) return { keyName: undefined, keyData: undefined };
  const kp = lookupKeypair(stores, auth.userId, keyName);
  if (!kp) throw badRequest('Invalid key_name provided.');
  return { keyName, keyData: kp.spec.publicKey };
}

/** The spec a rebuild asks for: the new image, and any new name, metadata, access addresses, description, key and user data. */
function rebuiltSpec(cur: Server, imageRef: string, body: RebuildBody, key: Partial<Server['spec']> | undefined): Server['spec'] {
  const spec: Server['spec'] = { ...cur.spec, imageRef, boot: nextBoot(cur, 'Rebuild'), ...key };
  if (body.user_data !== undefined) spec.userData = body.user_data ?? undefined;
  if (body.name !== undefined) spec.name = body.name;
  if (body.metadata !== undefined) spec.metadata = body.metadata;
  if (body.description !== undefined) spec.description = body.description ?? undefined;
  if (body.accessIPv4 !== undefined) spec.accessIPv4 = body.accessIPv4 || undefined;
  if (body.accessIPv6 !== undefined) spec.accessIPv6 = body.accessIPv6 ? canonicalIPv6(body.accessIPv6) : undefined;
  return spec;
}

/** 202 with the server as it now reads (Nova's update view) and its new admin password. */
export async function rebuildServer(stores: Stores, { auth, baseUrl, microversion }: Caller, server: Server, body: RebuildBody): Promise<RouteResult> {
  refuseKeysOutsideVersion('rebuild', body, microversion, REBUILD_KEYS);
  refuseTrustedCertificates(body.trusted_image_certificates);
  const imageRef = checkRebuildImage(stores, auth, server, body.imageRef);
  checkAccessIps(body);
  const key = rebuildKey(stores, auth, body.key_name);
  const written = await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'rebuild', REBUILD_FROM);
    return rebuiltSpec(cur, imageRef, body, key);
  });
  const adminPass = body.adminPass ?? randomBytes(9).toString('base64url');
  const view = updatedServerView(stores, baseUrl, written, { microversion, isAdmin: auth.isAdmin, kind: 'rebuild' });
  const userData = at(microversion, 'REBUILD_USER_DATA') ? { user_data: written.spec.userData ?? null } : {};
  return { status: 202, body: { server: { ...view, adminPass, ...userData } } };
}
