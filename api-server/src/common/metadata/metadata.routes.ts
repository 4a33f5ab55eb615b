// The metadata routes under a server, a volume or a snapshot: readers read, members write.
import { defineRoute, type RouteDef } from '../route.js';
import { noQuery } from '../parameter-types.js';
import { deleteMetaItemHandler, setMetaItemHandler, showMetaItemHandler, showMetadataHandler, writeMetadataHandler, type MetadataOwner, type WithMetadata } from './metadata.handlers.js';
import { metadataBody, metadataResponse, metaItemBody, metaItemResponse } from './metadata.schema.js';

/** How a service answers: the delete's status (Nova 204, Cinder 200) and the write errors beyond 400, 404 and 409. */
export interface MetadataRouteStyle {
  deleteStatus: 200 | 204;
  writeErrors?: number[];
}

/** `parent` is the owner's path, e.g. /v3/:projectId/volumes/:volumeId. */
export function metadataRoutes<T extends WithMetadata>(parent: string, owner: MetadataOwner<T>, style: MetadataRouteStyle = { deleteStatus: 200 }): RouteDef[] {
  const all = `${parent}/metadata`;
  const one = `${all}/:key`;
  const errors = [400, 404];
  const write = { policy: 'member' as const, query: noQuery, successStatus: 200, expectedErrors: [...errors, 409, ...(style.writeErrors ?? [])] };
  const guarded = { ...write, expectedErrors: [...write.expectedErrors, ...(owner.etags ? [412] : [])] };
  return [
    defineRoute({ method: 'get', path: all, policy: 'reader', body: null, query: noQuery, response: metadataResponse, successStatus: 200, expectedErrors: errors, handler: showMetadataHandler(owner) }),
    defineRoute({ ...write, method: 'post', path: all, body: metadataBody, response: metadataResponse, handler: writeMetadataHandler(owner, 'merge') }),
    defineRoute({ ...guarded, method: 'put', path: all, body: metadataBody, response: metadataResponse, handler: writeMetadataHandler(owner, 'replace') }),
    defineRoute({ method: 'get', path: one, policy: 'reader', body: null, query: noQuery, response: metaItemResponse, successStatus: 200, expectedErrors: errors, handler: showMetaItemHandler(owner) }),
    defineRoute({ ...guarded, method: 'put', path: one, body: metaItemBody, response: metaItemResponse, handler: setMetaItemHandler(owner) }),
    defineRoute({ ...write, method: 'delete', path: one, body: null, response: null, successStatus: style.deleteStatus, handler: deleteMetaItemHandler(owner) }),
  ];
}
