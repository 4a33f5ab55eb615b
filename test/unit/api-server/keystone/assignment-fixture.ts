// The Keystone world of the assignment tests (roles, implied roles, grants, role assignments): the
// identity fixture's world served at /identity, plus a domain d1 with a project tree
// (top ⊃ mid ⊃ leaf), a group "devs" with carol in it, and a helper that calls the API as admin.
import type { KubeObject } from '../../../../crds/kube-object.js';
import { API_VERSION, Resources, type ResourceType } from '../../../../crds/resources.js';
import { passwordAuth, serveKeystone, type HttpWorld } from '../auth/identity-fixture.js';

export interface Answer {
  status: number;
  body: any;
}

export interface AssignmentWorld extends HttpWorld {
  adminToken: string;
  /** Calls /identity/v3/<path> with the admin's token (or the given one). */
  api(method: string, path: string, body?: unknown, token?: string): Promise<Answer>;
  /** A password login of a fixture user, scoped as asked; the answer's token in body.token_id. */
  login(user: string, scope?: unknown): Promise<Answer & { token?: string }>;
  seed(res: ResourceType, name: string, spec: object): void;
}

export const D1 = 'd1';
export const TREE = { top: 'p-top', mid: 'p-mid', leaf: 'p-leaf' } as const;
export const GROUP = 'devs';

export async function assignmentWorld(): Promise<AssignmentWorld> {
  const w = await serveKeystone();
  const seed = (res: ResourceType, name: string, spec: object): void => {
    w.kube.seed(res, { apiVersion: API_VERSION, kind: res.kind, metadata: { name }, spec } as KubeObject);
  };
  seed(Resources.Domain, D1, { name: 'D1', enabled: true });
  seed(Resources.Project, TREE.top, { name: 'top', domainId: D1, enabled: true });
  seed(Resources.Project, TREE.mid, { name: 'mid', domainId: D1, enabled: true, parentId: TREE.top });
  seed(Resources.Project, TREE.leaf, { name: 'leaf', domainId: D1, enabled: true, parentId: TREE.mid });
  seed(Resources.Group, GROUP, { name: 'devs', domainId: 'default' });
  seed(Resources.GroupMembership, `${GROUP}.carol`, { groupId: GROUP, userId: w.ids.users.carol });
  const api = async (method: string, path: string, body?: unknown, token?: string): Promise<Answer> => {
    const res = await fetch(`${w.url}/identity/v3/${path}`, {
      method,
      headers: { 'X-Auth-Token': token ?? adminToken, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const login = async (user: string, scope?: unknown): Promise<Answer & { token?: string }> => {
    const res = await fetch(`${w.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(passwordAuth({ name: user }, `${user}-pw`, scope)),
    });
    return { status: res.status, body: await res.json(), token: res.headers.get('X-Subject-Token') ?? undefined };
  };
  const admin = await login('admin');
  if (admin.status !== 201 || !admin.token) throw new Error(`admin login: ${admin.status}`);
  const adminToken = admin.token;
  return { ...w, adminToken, api, login, seed };
}

/** A Keystone error's message. */
export const messageOf = (a: Answer): string => (a.body as { error: { message: string } }).error.message;
