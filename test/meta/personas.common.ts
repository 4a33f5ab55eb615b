// The personas and the usual groups of them, shared by the persona matrix's expectation tables.
export const PERSONAS = ['cloudAdmin', 'projectAdmin', 'member', 'reader', 'noRole', 'otherMember'] as const;
export type Persona = (typeof PERSONAS)[number];

export const ANY: Persona[] = [...PERSONAS];
export const ADMINS: Persona[] = ['cloudAdmin', 'projectAdmin'];
/** Project-scoped reads: a reader or better on the token's project (another project's member reads its own). */
export const PROJECT_READERS: Persona[] = [...ADMINS, 'member', 'reader', 'otherMember'];
/** Project-scoped writes: a member or better on the token's project. */
export const PROJECT_MEMBERS: Persona[] = [...ADMINS, 'member', 'otherMember'];

