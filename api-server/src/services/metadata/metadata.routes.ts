// The metadata API's documents, mounted at /metadata (Nova serves them at the root of its own
// port). No Keystone token: the metadata proxy's signed headers are the authorization, checked by
// every handler before anything is read.
import { Type } from '@sinclair/typebox';
import { defineRoute, type RouteDef } from '../../common/route.js';
import { noQuery } from '../../common/parameter-types.js';
import { ec2MetaDataHandler, ec2UserDataHandler, openstackFileHandler, openstackListingHandler, openstackVersionsHandler, type MetadataDeps } from './metadata.handlers.js';

/** Every answer is a document or a listing, as text. */
const document = Type.String();
const ERRORS = [400, 403, 404];

export function metadataRoutes(deps: MetadataDeps): RouteDef[] {
  const get = (path: string, handler: RouteDef['handler']): RouteDef =>
    defineRoute({ method: 'get', path, policy: 'public', body: null, query: noQuery, response: document, successStatus: 200, expectedErrors: ERRORS, handler });
  const ec2 = ec2MetaDataHandler(deps);
  return [
    get('/openstack', openstackVersionsHandler(deps)),
    get('/openstack/:version', openstackListingHandler(deps)),
    get('/openstack/:version/:file', openstackFileHandler(deps)),
    get('/:version/meta-data/', ec2),
    get('/:version/meta-data/:key', ec2),
    get('/:version/meta-data/:key/:sub', ec2),
    get('/:version/meta-data/:key/:sub/:leaf', ec2),
    get('/:version/user-data', ec2UserDataHandler(deps)),
  ];
}
