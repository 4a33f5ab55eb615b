// Request and response schemas of /os-keypairs, as Nova's keypairs schemas and Tempest's response
// schemas have them: type is 2.2 and user_id 2.10 (the handler refuses them below).
import { Type, type Static } from '@sinclair/typebox';
import { isoTime, name, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { novaLinkList } from '../nova.schema.js';

export const KEYPAIR_TYPES = ['ssh', 'x509'] as const;

export const createKeypairBody = strictObject({
  keypair: strictObject({
    name,
    public_key: Type.Optional(Type.String({ maxLength: 65535 })),
    type: Type.Optional(Type.Union(KEYPAIR_TYPES.map((t) => Type.Literal(t)))),
    user_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  }),
});
export type KeypairCreateRequest = Static<typeof createKeypairBody>['keypair'];

/** Nova's index, show and delete take user_id from 2.10 (an admin's, else 403), index limit and marker from 2.35; below, they are ignored. */
export const keypairQuery = querySchema({ user_id: queryString, limit: queryString, marker: queryString });

const nullableTime = Type.Union([isoTime, Type.Null()]);

/** What every keypair view has: the list item, and the start of show and create. */
const keyFields = {
  name: Type.String(),
  public_key: Type.String(),
  fingerprint: Type.String(),
  type: Type.Optional(Type.String()),
};

export const listKeypairsResponse = responseObject({ keypairs: Type.Array(responseObject({ keypair: responseObject(keyFields) })), keypairs_links: Type.Optional(novaLinkList) });

export const showKeypairResponse = responseObject({
  keypair: responseObject({
    ...keyFields,
    user_id: Type.String(),
    id: Type.Integer(),
    created_at: isoTime,
    updated_at: nullableTime,
    deleted_at: nullableTime,
    deleted: Type.Boolean(),
  }),
});

export const createKeypairResponse = responseObject({
  keypair: responseObject({
    ...keyFields,
    user_id: Type.String(),
    private_key: Type.Optional(Type.String()),
  }),
});
