// os-quota-sets (Nova's schemas/quota_sets.py, Tempest's compute/v2_1, v2_36 and v2_57 quotas.py).
// The request schema is every version's: keys a version dropped are refused by the handler with
// the 400 that version's own schema gives (quota-sets.mapper.ts).
import { Type, type Static, type TOptional } from '@sinclair/typebox';
import { querySchema, queryString, strictObject } from '../../../common/parameter-types.js';

/** Every resource os-quota-sets has shown at some version, in Nova's order. */
export const NOVA_QUOTA_RESOURCES = [
  'instances', 'cores', 'ram', 'floating_ips', 'fixed_ips', 'metadata_items', 'key_pairs', 'security_groups', 'security_group_rules',
  'server_groups', 'server_group_members', 'injected_files', 'injected_file_content_bytes', 'injected_file_path_bytes',
] as const;
export type NovaQuotaResource = (typeof NOVA_QUOTA_RESOURCES)[number];

/** Nova's quota limit: an integer (or its string) of at least -1, -1 being unlimited. */
const limitValue = Type.Union([Type.Integer({ minimum: -1 }), Type.String({ pattern: '^-?[0-9]+$' })]);
/** Nova's parameter_types.boolean. */
const booleanValue = Type.Union([Type.Boolean(), Type.String({ pattern: '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|1|0|[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)$' })]);

const limitProps = Object.fromEntries(NOVA_QUOTA_RESOURCES.map((r) => [r, Type.Optional(limitValue)])) as Record<NovaQuotaResource, TOptional<typeof limitValue>>;

export const updateQuotaSetBody = strictObject({ quota_set: strictObject({ ...limitProps, force: Type.Optional(booleanValue) }) });
export type QuotaSetUpdate = Static<typeof updateQuotaSetBody>['quota_set'];

export const quotaClassLimitsBody = strictObject({ quota_class_set: strictObject(limitProps) });
export type QuotaClassUpdate = Static<typeof quotaClassLimitsBody>['quota_class_set'];

export const quotaSetQuery = querySchema({ user_id: queryString });

/** show and defaults: {quota_set: {id, <resource>: limit...}}; update: the same without id. */
export const quotaSetResponse = strictObject({ quota_set: Type.Record(Type.String(), Type.Union([Type.Integer(), Type.String()])) });
const usage = strictObject({ in_use: Type.Integer(), limit: Type.Integer(), reserved: Type.Integer() });
export const quotaSetDetailResponse = strictObject({ quota_set: Type.Record(Type.String(), Type.Union([Type.String(), usage])) });
export const quotaClassSetResponse = strictObject({ quota_class_set: Type.Record(Type.String(), Type.Union([Type.Integer(), Type.String()])) });
