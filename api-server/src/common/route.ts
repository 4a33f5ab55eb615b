// Every endpoint is declared with defineRoute: its schemas, success status and expected errors are
// data, so the router enforces them uniformly and a meta-test can walk them.
import type { Request, Response } from 'express';
import type { JsonSchema } from './validate.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';

/** Who is calling, from a validated token. */
export interface AuthContext {
  userId: string;
  userName: string;
  userDomainId: string;
  projectId?: string;
  projectName?: string;
  projectDomainId?: string;
  roles: { id: string; name: string }[];
  isAdmin: boolean;
  methods: string[];
  expiresAt: Date;
  issuedAt: Date;
  auditIds: string[];
  token: string;
}

export interface RouteContext<B = unknown, Q = Record<string, unknown>> {
  req: Request;
  res: Response;
  params: Record<string, string>;
  body: B;
  query: Q;
  /** Present when the route requires authentication. */
  auth: AuthContext;
  /** Externally visible root URL of this API server, without a trailing slash. */
  baseUrl: string;
  /** Nova's negotiated microversion, e.g. "2.1"; undefined for services without microversions. */
  microversion?: string;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDef<B = unknown, Q = Record<string, unknown>> {
  method: HttpMethod;
  /** Express path relative to the service's mount point. */
  path: string;
  /** 'token' requires X-Auth-Token; 'none' is public (discovery, authentication itself). */
  auth: 'token' | 'none';
  /** null means the request must have no body (GET/DELETE). */
  bodySchema: JsonSchema | null;
  querySchema: JsonSchema;
  successStatus: number;
  /** Statuses the handler may return besides success; anything else becomes a 500. */
  expectedErrors: number[];
  handler: (ctx: RouteContext<B, Q>) => Promise<RouteResult>;
}

export function defineRoute<B = unknown, Q = Record<string, unknown>>(def: RouteDef<B, Q>): RouteDef {
  return def as unknown as RouteDef;
}
