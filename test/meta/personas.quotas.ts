// Who may call each route of Nova's, Neutron's and Cinder's quotas and limits (the rest must get 403), per the services' default policies.
import type { Persona } from './personas.common.js';

export const QUOTA_EXPECTED: Record<string, Persona[]> = {};

/** Values for this area's own path parameters (those the shared table in personas.test.ts lacks). */
export const QUOTA_PARAMS: Record<string, string> = {};
