// Schemas of /v3/auth/tokens, after keystone/auth/schema.py: the request shapes are typed, but
// unknown keys are tolerated below the top level as Keystone tolerates them (clients send extras
// such as OS-TRUST:trust or totp that are refused later, with 401). The token document is the one
// of wire contract §1.2.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { catalogSchema } from '../catalog.js';
import { domainRefSchema, keystoneTime, nullableString } from '../keystone.schema.js';

const id = Type.String({ minLength: 1, maxLength: 64 });
const name = Type.String({ minLength: 1, maxLength: 255 });
const domainSelector = Type.Object({ id: Type.Optional(id), name: Type.Optional(name) });

const passwordMethod = Type.Object({
  user: Type.Object({
    id: Type.Optional(id),
    name: Type.Optional(name),
    domain: Type.Optional(domainSelector),
    password: Type.String({ maxLength: 4096 }),
  }),
});

const tokenMethod = Type.Object({ id: Type.String({ minLength: 1, maxLength: 1024 }) });

/** By id, or by name and its user (id, or name and domain); the secret always. */
const applicationCredentialMethod = Type.Object({
  id: Type.Optional(id),
  name: Type.Optional(name),
  secret: Type.String({ minLength: 1, maxLength: 4096 }),
  user: Type.Optional(Type.Object({ id: Type.Optional(id), name: Type.Optional(name), domain: Type.Optional(domainSelector) })),
});

const identity = Type.Object({
  methods: Type.Array(Type.String(), { minItems: 1 }),
  password: Type.Optional(passwordMethod),
  token: Type.Optional(tokenMethod),
  application_credential: Type.Optional(applicationCredentialMethod),
});

const scope = Type.Union([
  Type.Literal('unscoped'),
  Type.Object({
    project: Type.Optional(Type.Object({ id: Type.Optional(id), name: Type.Optional(name), domain: Type.Optional(domainSelector) })),
    domain: Type.Optional(domainSelector),
    system: Type.Optional(Type.Object({ all: Type.Optional(Type.Boolean()) })),
    'OS-TRUST:trust': Type.Optional(Type.Object({})),
  }),
]);

export const issueTokenBody = strictObject({ auth: Type.Object({ identity, scope: Type.Optional(scope) }) });
export type IssueTokenBody = Static<typeof issueTokenBody>;

export const issueTokenQuery = querySchema({ nocatalog: queryString });
export const validateTokenQuery = querySchema({ nocatalog: queryString, allow_expired: queryString });
export type TokenQuery = Static<typeof issueTokenQuery>;

const tokenSchema = responseObject({
  methods: Type.Array(Type.String(), { minItems: 1 }),
  user: responseObject({ id: Type.String(), name: Type.String(), domain: domainRefSchema, password_expires_at: nullableString }),
  // keystoneauth reads audit_ids[0].
  audit_ids: Type.Array(Type.String(), { minItems: 1 }),
  expires_at: keystoneTime,
  issued_at: keystoneTime,
  project: Type.Optional(responseObject({ id: Type.String(), name: Type.String(), domain: domainRefSchema })),
  // Domain scope: the domain; system scope: {all: true}.
  domain: Type.Optional(domainRefSchema),
  system: Type.Optional(responseObject({ all: Type.Literal(true) })),
  application_credential: Type.Optional(responseObject({ id: Type.String(), name: Type.String(), restricted: Type.Boolean() })),
  roles: Type.Optional(Type.Array(responseObject({ id: Type.String(), name: Type.String() }))),
  is_domain: Type.Optional(Type.Boolean()),
  catalog: Type.Optional(catalogSchema),
});

export const tokenResponse = responseObject({ token: tokenSchema });
export type TokenDocument = Static<typeof tokenResponse>;
