// Wire <-> CR for servers: the only place Nova's snake_case meets the CR's camelCase.
import { randomUUID } from 'node:crypto';
import type { Server } from '../../../../../crds/types.generated.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { API_FIELD_MANAGER, FINALIZER, hostnameLabel, MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { badRequest } from '../../../common/errors.js';
import type { ServerCreateRequest } from './servers.schema.js';

/** imageRef and flavorRef may be bare IDs or hrefs ending in the ID. */
export function refId(ref: string | number | undefined): string {
  const s = String(ref ?? '').trim();
  return s.includes('/') ? s.slice(s.lastIndexOf('/') + 1) : s;
}

export function parseCount(raw: number | string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  return typeof raw === 'number' ? raw : Number.parseInt(raw, 10);
}

function networksOf(body: ServerCreateRequest): Pick<Server['spec'], 'networks' | 'networkMode'> {
  if (body.networks === undefined || body.networks === 'auto') return { networkMode: 'auto' };
  if (body.networks === 'none') return { networkMode: 'none' };
  return {
    networkMode: 'list',
    networks: body.networks.map((n) => ({
      ...(n.uuid ? { uuid: n.uuid } : {}),
      ...(n.port ? { port: n.port } : {}),
      ...(n.fixed_ip ? { fixedIp: n.fixed_ip } : {}),
      ...(n.tag ? { tag: n.tag } : {}),
    })),
  };
}

/** RFC 5952's canonical text form, which Nova stores and Tempest compares against. */
export function canonicalIPv6(addr: string): string {
  return new URL(`http://[${addr}]/`).hostname.slice(1, -1);
}

/** Fields copied only when the client sent them, so the CR carries no empty strings. */
function optionalFields(body: ServerCreateRequest): Partial<Server['spec']> {
  const pairs: [keyof Server['spec'], string | undefined][] = [
    ['availabilityZone', body.availability_zone],
    ['keyName', body.key_name],
    ['accessIPv4', body.accessIPv4],
    ['accessIPv6', body.accessIPv6 ? canonicalIPv6(body.accessIPv6) : undefined],
    ['userData', body.user_data],
    ['description', body.description ?? undefined],
  ];
  return Object.fromEntries(pairs.filter(([, v]) => v));
}

export interface ServerIdentity {
  projectId: string;
  userId: string;
  name: string;
  id?: string;
  /** The create request's reservation id and this server's index in it (Nova's launch_index). */
  reservationId?: string;
  launchIndex?: number;
}


export function toServerResource(who: ServerIdentity, body: ServerCreateRequest): Server {
  const id = who.id ?? randomUUID();
  const az = body.availability_zone;
  if (az !== undefined && az.includes('::')) throw badRequest('Forcing a host through the availability zone is not supported.');
  return {
    ...typeMeta(Resources.Server),
    metadata: {
      name: id,
      namespace: projectNamespace(who.projectId),
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: who.projectId },
      annotations: { 'openstack.sim/created-by': API_FIELD_MANAGER },
      // The operator's finalizer is written at create time, so the operator need not patch every
      // new server before it can reconcile it (one apiserver write fewer per boot).
      finalizers: [FINALIZER],
    },
    spec: {
      name: who.name,
      projectId: who.projectId,
      userId: who.userId,
      // Nova's hostname from the display name; the operator gives the Pod the same (crds/naming.ts).
      hostname: hostnameLabel(who.name),
      ...(who.reservationId ? { reservationId: who.reservationId, launchIndex: who.launchIndex ?? 0 } : {}),
      flavorRef: refId(body.flavorRef),
      imageRef: refId(body.imageRef),
      ...optionalFields(body),
      configDrive: body.config_drive === true || String(body.config_drive).toLowerCase() === 'true',
      metadata: body.metadata ?? {},
      securityGroups: (body.security_groups ?? [{ name: 'default' }]).map((g) => g.name ?? 'default'),
      ...networksOf(body),
      ...(body.tags?.length ? { tags: [...new Set(body.tags)] } : {}),
      powerState: 'Running',
    },
  };
}
