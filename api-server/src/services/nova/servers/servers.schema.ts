// Request schemas for /servers at microversion 2.1 (Nova's schemas/servers.py, base_create).
import { metadata, name, querySchema, queryInt, queryString, uuid } from '../../../common/parameter-types.js';
import { bodySchema } from '../../../common/legacy-route.js';
import { Type } from '@sinclair/typebox';
import type { JsonSchema } from '../../../common/validate.js';

const networkEntry: JsonSchema = {
  type: 'object',
  properties: {
    uuid: { type: 'string', minLength: 1, maxLength: 255 },
    port: { oneOf: [uuid, { type: 'null' }] },
    fixed_ip: { type: 'string', minLength: 1, maxLength: 64 },
  },
  additionalProperties: false,
};

const countParam: JsonSchema = {
  oneOf: [
    { type: 'integer', minimum: 1 },
    { type: 'string', pattern: '^[1-9][0-9]*$' },
  ],
};

const serverProps: Record<string, JsonSchema> = {
  name,
  imageRef: { type: 'string', maxLength: 255 },
  flavorRef: { type: ['string', 'integer'], minLength: 1, maxLength: 255 },
  adminPass: { type: 'string' },
  metadata,
  // The bounds match the Server CRD's, so nothing valid here is rejected by the cluster.
  networks: { type: 'array', maxItems: 32, items: networkEntry },
  'OS-DCF:diskConfig': { type: 'string', enum: ['AUTO', 'MANUAL'] },
  accessIPv4: { type: 'string', maxLength: 64 },
  accessIPv6: { type: 'string', maxLength: 64 },
  availability_zone: { type: 'string', minLength: 1, maxLength: 255 },
  block_device_mapping: { type: 'array' },
  block_device_mapping_v2: { type: 'array' },
  config_drive: { type: ['boolean', 'string', 'null'] },
  key_name: { type: 'string', minLength: 1, maxLength: 255 },
  min_count: countParam,
  max_count: countParam,
  return_reservation_id: { type: ['boolean', 'string'] },
  security_groups: {
    type: 'array',
    maxItems: 64,
    items: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 255 } }, additionalProperties: false },
  },
  user_data: { type: 'string', maxLength: 65535, pattern: '^[A-Za-z0-9+/=\\s]*$' },
  personality: { type: 'array' },
};

export const createServerBody: JsonSchema = {
  type: 'object',
  properties: {
    server: bodySchema(serverProps, ['name', 'flavorRef']),
    'os:scheduler_hints': { type: 'object' },
    'OS-SCH-HNT:scheduler_hints': { type: 'object' },
  },
  required: ['server'],
  additionalProperties: false,
};

export const listServersQuery: JsonSchema = querySchema({
  limit: queryInt,
  marker: Type.String(),
  name: queryString,
  status: queryString,
  image: queryString,
  flavor: queryString,
  host: queryString,
  ip: queryString,
  'changes-since': queryString,
  all_tenants: queryString,
  project_id: queryString,
  tenant_id: queryString,
  sort_key: queryString,
  sort_dir: queryString,
});

export interface CreateServerBody {
  server: {
    name: string;
    imageRef?: string;
    flavorRef: string | number;
    adminPass?: string;
    metadata?: Record<string, string>;
    networks?: { uuid?: string; port?: string | null; fixed_ip?: string }[];
    accessIPv4?: string;
    accessIPv6?: string;
    availability_zone?: string;
    block_device_mapping_v2?: unknown[];
    config_drive?: boolean | string | null;
    key_name?: string;
    min_count?: number | string;
    max_count?: number | string;
    return_reservation_id?: boolean | string;
    security_groups?: { name?: string }[];
    user_data?: string;
  };
}
