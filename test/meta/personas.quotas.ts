// Who may call each route of Nova's, Neutron's and Cinder's quotas and limits (the rest must get 403), per the services' default policies.
import { ADMINS, ANY, PROJECT_READERS, type Persona } from './personas.common.js';

/** Neutron's quotas (and their usage) of demo, the path's project: its readers and the admins; another project's member gets the policy's 403. */
const DEMO_READERS: Persona[] = [...ADMINS, 'member', 'reader'];

/** Neutron's /v2.0/quotas and Cinder's quota sets, quota classes and limits. */
const NETWORK_VOLUME_QUOTAS: Record<string, Persona[]> = {
  'GET /network/v2.0/quotas': ADMINS,
  'GET /network/v2.0/quotas/:projectId': DEMO_READERS,
  'GET /network/v2.0/quotas/:projectId/default': DEMO_READERS,
  'GET /network/v2.0/quotas/:projectId/details': DEMO_READERS,
  'GET /network/v2.0/quotas/:projectId/details.json': DEMO_READERS,
  'PUT /network/v2.0/quotas/:projectId': ADMINS,
  'DELETE /network/v2.0/quotas/:projectId': ADMINS,
  // Cinder: under /v3/{project_id}, another project's member is answered 404 by the path check.
  'GET /volume/v3/:projectId/os-quota-sets/:tenantId': PROJECT_READERS,
  'GET /volume/v3/:projectId/os-quota-sets/:tenantId/defaults': PROJECT_READERS,
  'PUT /volume/v3/:projectId/os-quota-sets/:tenantId': ADMINS,
  'DELETE /volume/v3/:projectId/os-quota-sets/:tenantId': ADMINS,
  'GET /volume/v3/:projectId/os-quota-class-sets/:className': ADMINS,
  'PUT /volume/v3/:projectId/os-quota-class-sets/:className': ADMINS,
  'GET /volume/v3/:projectId/limits': PROJECT_READERS,
};

/**
 * Nova's os-quota-sets of demo (show and detail: its readers and the admins; defaults: anyone;
 * update and delete: admins), os-quota-class-sets (admins) and /limits (anyone, their own project's).
 */
const NOVA_QUOTAS: Record<string, Persona[]> = {
  'GET /compute/v2.1/os-quota-sets/:tenantId': DEMO_READERS,
  'GET /compute/v2.1/os-quota-sets/:tenantId/detail': DEMO_READERS,
  'GET /compute/v2.1/os-quota-sets/:tenantId/defaults': ANY,
  'PUT /compute/v2.1/os-quota-sets/:tenantId': ADMINS,
  'DELETE /compute/v2.1/os-quota-sets/:tenantId': ADMINS,
  'GET /compute/v2.1/os-quota-class-sets/:classId': ADMINS,
  'PUT /compute/v2.1/os-quota-class-sets/:classId': ADMINS,
  'GET /compute/v2.1/limits': ANY,
};

export const QUOTA_EXPECTED: Record<string, Persona[]> = { ...NETWORK_VOLUME_QUOTAS, ...NOVA_QUOTAS };

/** Values for this area's own path parameters (those the shared table in personas.test.ts lacks). */
export const QUOTA_PARAMS: Record<string, string> = { className: 'default', classId: 'default' };
