// Schema fragments every Cinder resource uses: nullable strings, the name and description with
// their v1 display_* aliases, nullable metadata, Cinder's loose booleans, and the list query keys.
import { Type, type TNull, type TString, type TUnion } from '@sinclair/typebox';
import { metadata, queryInt, queryString } from '../../common/parameter-types.js';

export const nullableString = (maxLength: number): TUnion<[TString, TNull]> => Type.Union([Type.String({ maxLength }), Type.Null()]);

/** name and description (null clears), and the display_name and display_description aliases. */
export const namedFields = {
  name: Type.Optional(nullableString(255)),
  display_name: Type.Optional(nullableString(255)),
  description: Type.Optional(nullableString(255)),
  display_description: Type.Optional(nullableString(255)),
};

export const nullableMetadata = Type.Optional(Type.Union([metadata, Type.Null()]));

/** True, "True", "false"...: Cinder reads these with strutils.bool_from_string. */
export const flag = Type.Union([Type.Boolean(), Type.String({ maxLength: 16 })]);

/** The keys every Cinder list takes: paging, sorting, and the project scope. */
export const listQueryKeys = {
  limit: queryInt, marker: queryString, sort: queryString, sort_key: queryString, sort_dir: queryString, offset: queryInt,
  all_tenants: queryString, project_id: queryString, name: queryString, display_name: queryString, status: queryString, metadata: queryString,
};
