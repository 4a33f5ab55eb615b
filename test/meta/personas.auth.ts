// Who may call each route of Keystone's application credentials and scoped tokens (the rest must get 403), per the services' default policies.
import type { Persona } from './personas.common.js';

export const AUTH_EXPECTED: Record<string, Persona[]> = {};

/** Values for this area's own path parameters (those the shared table in personas.test.ts lacks). */
export const AUTH_PARAMS: Record<string, string> = {};
