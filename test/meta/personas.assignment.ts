// Who may call each route of Keystone's roles, implied roles and role assignments (the rest must get 403), per the services' default policies.
import type { Persona } from './personas.common.js';

export const ASSIGNMENT_EXPECTED: Record<string, Persona[]> = {};

/** Values for this area's own path parameters (those the shared table in personas.test.ts lacks). */
export const ASSIGNMENT_PARAMS: Record<string, string> = {};
