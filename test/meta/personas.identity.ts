// Who may call each route of Keystone's identity resources: domains, projects, users, groups (the rest must get 403), per the services' default policies.
import type { Persona } from './personas.common.js';

export const IDENTITY_EXPECTED: Record<string, Persona[]> = {};

/** Values for this area's own path parameters (those the shared table in personas.test.ts lacks). */
export const IDENTITY_PARAMS: Record<string, string> = {};
