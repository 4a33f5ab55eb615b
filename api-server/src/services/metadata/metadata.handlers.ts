// Nova's metadata API, as a guest reaches it through the metadata proxy: the proxy names the
// instance (X-Instance-ID), its project (X-Tenant-ID) and signs the id with the shared secret
// (X-Instance-ID-Signature); Nova answers only a request so signed, and only about that instance.
// The documents are crds/guest-metadata.ts's, the same the operator writes into a config drive.
import type { Request } from 'express';
import { ec2MetaData, OPENSTACK_VERSIONS, openstackFiles, type Ec2Tree } from '../../../../crds/guest-metadata.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Server } from '../../../../crds/types.generated.js';
import { badRequest, forbidden, notFound } from '../../common/errors.js';
import type { RouteContext, RouteResult } from '../../common/route.js';
import type { Stores } from '../../deps.js';
import type { ProxySecret } from './metadata.proxy-secret.js';

export interface MetadataDeps {
  stores: Stores;
  proxySecret: ProxySecret;
}

/** The EC2 versions answered (Nova lists more; these two are what guests ask for). */
export const EC2_VERSIONS = ['2009-04-04', 'latest'];

function oneHeader(req: Request, name: string): string {
  const value = req.get(name);
  if (!value) throw badRequest(`${name} header is missing from request.`);
  if (value.includes(',')) throw badRequest(`Multiple ${name} headers found within request.`);
  return value;
}

/** The instance the signed proxy headers name, in the project they name (Nova's checks, in its order). */
export async function requestingServer(deps: MetadataDeps, req: Request): Promise<Server> {
  const instanceId = oneHeader(req, 'X-Instance-ID');
  const signature = oneHeader(req, 'X-Instance-ID-Signature');
  const tenantId = oneHeader(req, 'X-Tenant-ID');
  if (!(await deps.proxySecret.verifies(instanceId, signature))) throw forbidden('Invalid proxy request signature.');
  const server = deps.stores.servers.get(instanceId, projectNamespace(tenantId));
  if (!server || server.metadata.deletionTimestamp) throw notFound(`Tenant_id ${tenantId} does not match tenant_id of instance ${instanceId}.`);
  return server;
}

const text = (body: string, type = 'text/plain'): RouteResult => ({ status: 200, body, headers: { 'Content-Type': `${type}; charset=utf-8` } });

export function openstackVersionsHandler(deps: MetadataDeps) {
  return async ({ req }: RouteContext): Promise<RouteResult> => {
    await requestingServer(deps, req);
    return text([...OPENSTACK_VERSIONS, 'latest'].join('\n'));
  };
}

function checkOpenstackVersion(version: string): void {
  if (version !== 'latest' && !OPENSTACK_VERSIONS.includes(version)) throw notFound(`The resource could not be found: OpenStack metadata version ${version}.`);
}

export function openstackListingHandler(deps: MetadataDeps) {
  return async ({ req, params }: RouteContext): Promise<RouteResult> => {
    const server = await requestingServer(deps, req);
    checkOpenstackVersion(params.version);
    return text(Object.keys(openstackFiles(server)).join('\n'));
  };
}

export function openstackFileHandler(deps: MetadataDeps) {
  return async ({ req, params }: RouteContext): Promise<RouteResult> => {
    const server = await requestingServer(deps, req);
    checkOpenstackVersion(params.version);
    const content = openstackFiles(server)[params.file];
    if (content === undefined) throw notFound(`The resource could not be found: ${params.file}.`);
    return text(content, params.file.endsWith('.json') ? 'application/json' : 'text/plain');
  };
}

/** A directory's listing as EC2 gives it: a trailing '/' on directories; a key's index as "0=name". */
function listing(tree: Ec2Tree, keyName: string | undefined, isKeys: boolean): string {
  return Object.entries(tree)
    .map(([k, v]) => (isKeys ? `${k}=${keyName ?? ''}` : typeof v === 'string' ? k : `${k}/`))
    .sort()
    .join('\n');
}

export function ec2MetaDataHandler(deps: MetadataDeps) {
  return async ({ req, params }: RouteContext): Promise<RouteResult> => {
    const server = await requestingServer(deps, req);
    if (!EC2_VERSIONS.includes(params.version)) throw notFound(`The resource could not be found: EC2 metadata version ${params.version}.`);
    const path = [params.key, params.sub, params.leaf].filter((p): p is string => Boolean(p));
    let node: string | Ec2Tree | undefined = ec2MetaData(server);
    for (const part of path) node = typeof node === 'object' ? node[part] : undefined;
    if (node === undefined) throw notFound(`The resource could not be found: meta-data/${path.join('/')}.`);
    return text(typeof node === 'string' ? node : listing(node, server.spec.keyName, path.length === 1 && path[0] === 'public-keys'));
  };
}

export function ec2UserDataHandler(deps: MetadataDeps) {
  return async ({ req, params }: RouteContext): Promise<RouteResult> => {
    const server = await requestingServer(deps, req);
    if (!EC2_VERSIONS.includes(params.version)) throw notFound(`The resource could not be found: EC2 metadata version ${params.version}.`);
    const userData = openstackFiles(server).user_data;
    if (userData === undefined) throw notFound('The resource could not be found: user-data.');
    return text(userData, 'application/octet-stream');
  };
}
