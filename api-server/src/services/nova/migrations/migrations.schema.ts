// Schemas of /os-migrations, as Nova's schemas/migrations.py (2.1; migration_type from 2.23;
// uuid, paging and changes-since from 2.59; changes-before from 2.66).
import { Type, type Static } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, strictObject } from '../../../common/parameter-types.js';
import { novaLinkList } from '../nova.schema.js';

/** Nova's 2.1 filters (more keys are ignored, as Nova's additionalProperties: true). */
export const listMigrationsQuery = querySchema({
  hidden: queryString, host: queryString, instance_uuid: queryString, source_compute: queryString, status: queryString, migration_type: queryString,
  limit: queryInt, marker: queryString, 'changes-since': queryString, 'changes-before': queryString,
});

const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

const migration = strictObject({
  id: Type.Integer(),
  status: Type.String(),
  instance_uuid: Type.String(),
  source_node: nullableString,
  source_compute: nullableString,
  dest_node: nullableString,
  dest_compute: nullableString,
  dest_host: nullableString,
  old_instance_type_id: nullableInt,
  new_instance_type_id: nullableInt,
  created_at: Type.String(),
  updated_at: nullableString,
  migration_type: Type.Optional(Type.Union([Type.Literal('migration'), Type.Literal('resize'), Type.Literal('live-migration'), Type.Literal('evacuation')])),
  links: Type.Optional(novaLinkList),
  uuid: Type.Optional(Type.String()),
});

export const listMigrationsResponse = strictObject({ migrations: Type.Array(migration), migrations_links: Type.Optional(novaLinkList) });

export type MigrationView = Static<typeof migration>;
