// The metadata routes under a volume or a snapshot: readers read, members write.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { deleteMetaItemHandler, setMetaItemHandler, showMetaItemHandler, showMetadataHandler, writeMetadataHandler, type MetadataOwner, type WithMetadata } from './metadata.handlers.js';
import { metadataBody, metadataResponse, metaItemBody, metaItemResponse } from './metadata.schema.js';

/** `parent` is the owner's path, e.g. /v3/:projectId/volumes/:volumeId. */
export function metadataRoutes<T extends WithMetadata>(parent: string, owner: MetadataOwner<T>): RouteDef[] {
  const all = `${parent}/metadata`;
  const one = `${all}/:key`;
  const errors = [400, 404];
  const write = { policy: 'member' as const, query: noQuery, successStatus: 200, expectedErrors: [...errors, 409] };
  const guarded = { ...write, expectedErrors: [...write.expectedErrors, ...(owner.etags ? [412] : [])] };
  return [
    defineRoute({ method: 'get', path: all, policy: 'reader', body: null, query: noQuery, response: metadataResponse, successStatus: 200, expectedErrors: errors, handler: showMetadataHandler(owner) }),
    defineRoute({ ...write, method: 'post', path: all, body: metadataBody, response: metadataResponse, handler: writeMetadataHandler(owner, 'merge') }),
    defineRoute({ ...guarded, method: 'put', path: all, body: metadataBody, response: metadataResponse, handler: writeMetadataHandler(owner, 'replace') }),
    defineRoute({ method: 'get', path: one, policy: 'reader', body: null, query: noQuery, response: metaItemResponse, successStatus: 200, expectedErrors: errors, handler: showMetaItemHandler(owner) }),
    defineRoute({ ...guarded, method: 'put', path: one, body: metaItemBody, response: metaItemResponse, handler: setMetaItemHandler(owner) }),
    defineRoute({ ...write, method: 'delete', path: one, body: null, response: null, handler: deleteMetaItemHandler(owner) }),
  ];
}
