// GET /servers/{id}/ips and /ips/{network_label}: a server's addresses, as its detail shows them
// but with only version and addr (Nova's ips view); an unknown label is a 404.
import type { Stores } from '../../../deps.js';
import { notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findServer } from '../servers/servers.handlers.js';
import { plainAddresses as ipsOf } from '../servers/servers.view.js';

export function listServerIpsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => ({ body: { addresses: ipsOf(findServer(stores, ctx.auth, ctx.params.serverId)) } });
}

export function showServerNetworkIpsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const ips = ipsOf(findServer(stores, ctx.auth, ctx.params.serverId));
    const label = ctx.params.networkLabel;
    if (!Object.hasOwn(ips, label)) throw notFound('Instance is not a member of specified network');
    return { body: { [label]: ips[label] } };
  };
}
