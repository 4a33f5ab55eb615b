// Every endpoint is declared with defineRoute: who may call it, its request and response schemas,
// success status and expected errors are data, so the router enforces them uniformly and the meta
// and persona tests can walk them. Request types are derived from the schemas (TypeBox's Static),
// never written beside them.
import type { Readable } from 'node:stream';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Request, Response } from 'express';
import type { Policy } from './policy.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';

/** Who is calling, from a validated token. */
export interface AuthContext {
  userId: string;
  userName: string;
  userDomainId: string;
  projectId?: string;
  projectName?: string;
  projectDomainId?: string;
  /** A domain-scoped token's domain (never a project admin, whatever its roles). */
  domainId?: string;
  domainName?: string;
  /** A system-scoped token (scope {system: {all: true}}); with the admin role, the cloud admin. */
  system?: boolean;
  /** Set when the token was issued with an application credential (Keystone's token.application_credential). */
  applicationCredential?: { id: string; name: string; unrestricted: boolean };
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
  /** Present unless the route's policy is 'public'. */
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
  /** Bytes streamed as the answer (Glance's image download) instead of a JSON body. */
  stream?: Readable;
}

/**
 * The body or answer of a route that moves raw bytes (Glance's image upload and download): the
 * router reads none of the request (the handler streams `ctx.req`) and pipes the answer's
 * `stream`, so a 1 GiB image never sits in memory.
 */
export const RAW_BYTES = Type.Unsafe<undefined>({ description: 'raw bytes (application/octet-stream), streamed', streamed: true });

export function isRawBytes(schema: TSchema | null): boolean {
  return (schema as { streamed?: boolean } | null)?.streamed === true;
}

/** The request body's type: none for a bodiless route, else what the schema admits. */
export type BodyOf<B extends TSchema | null> = B extends TSchema ? Static<B> : undefined;

export interface RouteSpec<B extends TSchema | null, Q extends TSchema> {
  method: HttpMethod;
  /** Express path relative to the service's mount point. */
  path: string;
  /** Who may call it (see policy.ts); everyone else gets 403 before any input is read. */
  policy: Policy;
  /** null means the request must have no body (GET/DELETE). */
  body: B;
  query: Q;
  /** The success body's schema (null: no body); unit tests validate every response against it. */
  response: TSchema | null;
  successStatus: number;
  /** Statuses the handler may return besides success; anything else becomes a 500. */
  expectedErrors: number[];
  /**
   * The first microversion that serves the route (Cinder's attachments API: 3.27). Asked at a lower
   * one it is a 404, as Cinder's VersionNotFoundForAPIMethod, before the body is read.
   */
  minVersion?: string;
  /**
   * The first microversion that no longer serves the route (Nova's proxy APIs: 2.36). Asked at it or
   * above it is a 404, as Nova's VersionNotFoundForAPIMethod.
   */
  removedAt?: string;
  handler: (ctx: RouteContext<BodyOf<B>, Static<Q>>) => Promise<RouteResult>;
}

/** A declared route with its types erased, as the router and the meta tests see it. */
export interface RouteDef extends Omit<RouteSpec<TSchema | null, TSchema>, 'handler'> {
  handler: (ctx: RouteContext) => Promise<RouteResult>;
}

export function defineRoute<B extends TSchema | null, Q extends TSchema>(spec: RouteSpec<B, Q>): RouteDef {
  return spec as unknown as RouteDef;
}
