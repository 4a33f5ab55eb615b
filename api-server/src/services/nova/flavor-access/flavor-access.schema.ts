// Nova's flavor access requests and answers: the access list of a private flavor, and the
// addTenantAccess / removeTenantAccess actions on POST /flavors/{id}/action.
import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

const tenant = strictObject({ tenant: Type.String({ minLength: 1, maxLength: 255 }) });

/** One action per request: Nova's add_tenant_access or remove_tenant_access schema. */
export const flavorActionBody = Type.Union([strictObject({ addTenantAccess: tenant }), strictObject({ removeTenantAccess: tenant })]);
export type FlavorActionBody = Static<typeof flavorActionBody>;

export const flavorAccessResponse = strictObject({ flavor_access: Type.Array(strictObject({ flavor_id: Type.String(), tenant_id: Type.String() })) });
