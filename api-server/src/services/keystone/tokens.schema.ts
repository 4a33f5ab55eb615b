// Request schemas of /v3/auth/tokens, after keystone/auth/schema.py: the shapes are typed, but
// unknown keys are tolerated below the top level as Keystone tolerates them (clients send
// extras such as application_credential or OS-TRUST:trust that are refused later, with 401).
import { querySchema, queryString } from '../../common/parameter-types.js';
import { bodySchema } from '../../common/legacy-route.js';
import type { JsonSchema } from '../../common/validate.js';

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 64 };
const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 255 };

const domainRef: JsonSchema = { type: 'object', properties: { id, name } };

const passwordMethod: JsonSchema = {
  type: 'object',
  required: ['user'],
  properties: {
    user: {
      type: 'object',
      required: ['password'],
      properties: { id, name, domain: domainRef, password: { type: 'string', maxLength: 4096 } },
    },
  },
};

const tokenMethod: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 1024 } },
};

const identity: JsonSchema = {
  type: 'object',
  required: ['methods'],
  properties: {
    methods: { type: 'array', minItems: 1, items: { type: 'string' } },
    password: passwordMethod,
    token: tokenMethod,
  },
};

const scope: JsonSchema = {
  anyOf: [
    { type: 'string', enum: ['unscoped'] },
    {
      type: 'object',
      properties: {
        project: { type: 'object', properties: { id, name, domain: domainRef } },
        domain: domainRef,
        system: { type: 'object' },
        'OS-TRUST:trust': { type: 'object' },
      },
    },
  ],
};

export const issueTokenBody: JsonSchema = bodySchema(
  { auth: { type: 'object', required: ['identity'], properties: { identity, scope } } },
  ['auth'],
);

export const issueTokenQuery: JsonSchema = querySchema({ nocatalog: queryString });
export const validateTokenQuery: JsonSchema = querySchema({ nocatalog: queryString, allow_expired: queryString });

/** The request body as the schema guarantees it. */
export interface DomainRefWire {
  id?: string;
  name?: string;
}

export interface IssueTokenWire {
  auth: {
    identity: {
      methods: string[];
      password?: { user: { id?: string; name?: string; domain?: DomainRefWire; password: string } };
      token?: { id: string };
    };
    scope?:
      | 'unscoped'
      | {
          project?: { id?: string; name?: string; domain?: DomainRefWire };
          domain?: DomainRefWire;
          system?: object;
          'OS-TRUST:trust'?: object;
        };
  };
}
