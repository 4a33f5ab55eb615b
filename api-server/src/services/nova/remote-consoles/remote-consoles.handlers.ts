// Remote consoles. Nova hands out a URL to a console proxy whose token authorizes that one
// console; here the URL leads to a page of the API server that shows the server's live console
// log (its Pod's log, as os-getConsoleOutput reads it). Only noVNC is offered, as a default Nova
// deployment offers only VNC: other types are Nova's 400 "Unavailable console type". A server not
// on a host has no console: 409. The page and its log need no Keystone token, only an unexpired
// console token, which names one server.
import type { Server } from '../../../../../crds/types.generated.js';
import type { PodLogReader } from '../../../../../crds/client/client.js';
import type { ConsoleTokens } from '../../../auth/token-provider.js';
import { badRequest, conflict, notFound, unauthorized } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { findServer } from '../servers/servers.handlers.js';
import { consoleOutput } from '../server-actions/server-actions.console.js';
import { consolePage } from './remote-consoles.view.js';
import type { RemoteConsoleBody } from './remote-consoles.schema.js';

export interface ConsoleDeps {
  stores: Stores;
  podLogs: PodLogReader;
  consoleTokens: ConsoleTokens;
}

/** The console URL for server, after Nova's checks: a served type, a server on a host. */
export function consoleUrl(deps: ConsoleDeps, baseUrl: string, server: Server, type: string): string {
  if (type !== 'novnc') throw badRequest(`Unavailable console type ${type}.`);
  if (!server.status?.host || !server.status.podName) throw conflict(`Instance ${server.metadata.name} is not ready`);
  const token = deps.consoleTokens.seal({ serverId: server.metadata.name, namespace: server.metadata.namespace ?? '', type });
  return `${baseUrl}/compute/console/?token=${encodeURIComponent(token)}`;
}

export function createRemoteConsoleHandler(deps: ConsoleDeps) {
  return async (ctx: RouteContext<RemoteConsoleBody, object>): Promise<RouteResult> => {
    const server = findServer(deps.stores, ctx.auth, ctx.params.serverId);
    const { protocol, type } = ctx.body.remote_console;
    if (protocol !== 'vnc') throw badRequest(`Unavailable console type ${protocol}.`);
    return { status: 200, body: { remote_console: { protocol, type, url: consoleUrl(deps, ctx.baseUrl, server, type) } } };
  };
}

/** The server a console token names, if the token is genuine and unexpired and the server still there. */
function consoleServer(deps: ConsoleDeps, token: string): Server {
  const claims = deps.consoleTokens.open(token);
  if (!claims) throw unauthorized();
  const server = deps.stores.servers.get(claims.serverId, claims.namespace);
  if (!server || server.metadata.deletionTimestamp) throw notFound(`Instance ${claims.serverId} could not be found.`);
  return server;
}

export function consolePageHandler(deps: ConsoleDeps) {
  return async (ctx: RouteContext<undefined, { token: string }>): Promise<RouteResult> => {
    const server = consoleServer(deps, ctx.query.token);
    return { status: 200, body: consolePage(server), headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } };
  };
}

export function consoleLogHandler(deps: ConsoleDeps) {
  return async (ctx: RouteContext<undefined, { token: string }>): Promise<RouteResult> => {
    const server = consoleServer(deps, ctx.query.token);
    return consoleOutput(deps.podLogs, server, { length: 200 });
  };
}
