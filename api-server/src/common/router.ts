// Turns a service's route table into an Express router that parses and validates input,
// authenticates, negotiates microversions, runs the handler and renders faults the service's way.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { pipeline } from 'node:stream/promises';
import { isRawBytes, type AuthContext, type RouteContext, type RouteDef, type RouteResult } from './route.js';
import { ApiError, forbidden, isConnectionError, mapKubeError, notFound, unauthorized } from './errors.js';
import { atLeast } from './microversion.js';
import { allows } from './policy.js';
import { sendFault, type FaultStyle } from './faults.js';
import { check } from './validate.js';
import { readJsonBody } from './body.js';

export interface ServiceDef {
  /** Service type as in the catalog: identity, compute, image... */
  name: string;
  faultStyle: FaultStyle;
  routes: RouteDef[];
  /** A trailing slash is significant (Glance: `GET /v2/images/` names an image with an empty id, a 404). */
  strictSlash?: boolean;
  /** Returns the negotiated microversion and sets the echo headers; throws ApiError on a bad one. */
  negotiate?: (req: Request, res: Response) => string;
}

export interface RouterDeps {
  authenticate(token: string): Promise<AuthContext>;
  baseUrl(req: Request): string;
  onRequest?(service: string, route: string, status: number): void;
  logError?(err: unknown, req: Request): void;
  /** Check every success body against its route's response schema (tests turn this on). */
  validateResponses?: boolean;
}

// Authentication, oversized bodies and cluster outages can happen on any route.
const ALWAYS_ALLOWED = [401, 413, 503];
// Microversion negotiation rejects malformed (400) and unsupported (406) versions on any route.
const NEGOTIATION_ERRORS = [400, 406];

function allowedEverywhere(svc: ServiceDef, route: RouteDef): Set<number> {
  const allowed = svc.negotiate ? [...ALWAYS_ALLOWED, ...NEGOTIATION_ERRORS] : [...ALWAYS_ALLOWED];
  // Any route behind a role may refuse the caller.
  if (route.policy !== 'public' && route.policy !== 'authenticated') allowed.push(403);
  if (route.minVersion || route.removedAt) allowed.push(404);
  return new Set(allowed);
}

function errorStatus(svc: ServiceDef, route: RouteDef, err: unknown): { status: number; message: string; headers: Record<string, string>; type?: string } {
  const apiErr = err instanceof ApiError ? err : (mapKubeError(err) ?? (isConnectionError(err) ? new ApiError(503, 'The service is temporarily unavailable, please retry.', { 'Retry-After': '1' }) : undefined));
  if (apiErr && (apiErr.status === 500 || route.expectedErrors.includes(apiErr.status) || allowedEverywhere(svc, route).has(apiErr.status))) {
    return { status: apiErr.status, message: apiErr.message, headers: apiErr.headers, type: apiErr.type };
  }
  return {
    status: 500,
    message: 'Unexpected API Error. Please report this at the openstack-sim issue tracker and attach the API server log if possible.',
    headers: {},
  };
}

/** Authenticates, then applies the route's policy before any input is read. */
async function authorize(route: RouteDef, req: Request, deps: RouterDeps): Promise<AuthContext> {
  if (route.policy === 'public') return undefined as unknown as AuthContext;
  const token = req.get('X-Auth-Token');
  if (!token) throw unauthorized();
  const auth = await deps.authenticate(token);
  if (!allows(route.policy, auth)) throw forbidden(`Policy doesn't allow ${route.method.toUpperCase()} ${route.path} to be performed.`);
  return auth;
}

interface Endpoint {
  svc: ServiceDef;
  route: RouteDef;
  deps: RouterDeps;
}

async function validatedBody(route: RouteDef, req: Request): Promise<unknown> {
  if (route.body === null || isRawBytes(route.body)) return undefined;
  const body = await readJsonBody(req);
  const bodyError = check(route.body, body, 'request body');
  if (bodyError) throw new ApiError(400, bodyError);
  return body;
}

async function buildContext(ep: Endpoint, req: Request, res: Response): Promise<RouteContext> {
  const auth = await authorize(ep.route, req, ep.deps);
  const microversion = ep.svc.negotiate?.(req, res);
  if (ep.route.minVersion && !atLeast(microversion, ep.route.minVersion)) throw notFound(`The resource could not be found: ${ep.route.method.toUpperCase()} ${req.originalUrl.split('?')[0]} needs version ${ep.route.minVersion} or later.`);
  if (ep.route.removedAt && atLeast(microversion, ep.route.removedAt)) throw notFound(`The resource could not be found: ${ep.route.method.toUpperCase()} ${req.originalUrl.split('?')[0]} is removed from version ${ep.route.removedAt} on.`);
  const queryError = check(ep.route.query, req.query, 'query string');
  if (queryError) throw new ApiError(400, queryError);
  const body = await validatedBody(ep.route, req);
  const params = req.params as Record<string, string>;
  return { req, res, params, body, query: req.query, auth, baseUrl: ep.deps.baseUrl(req), microversion };
}

async function send(req: Request, res: Response, status: number, result: RouteResult): Promise<void> {
  for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
  // A stream that breaks midway cannot become a fault (the status is sent): the connection is cut.
  if (result.stream && req.method === 'HEAD') {
    // HEAD answers the headers (Content-Length, Content-MD5) without reading the bytes.
    result.stream.destroy();
    res.status(status).end();
  } else if (result.stream) await pipeline(result.stream, res.status(status)).catch(() => res.destroy());
  else if (result.body === undefined || status === 204 || req.method === 'HEAD') res.status(status).end();
  else if (typeof result.body === 'string') res.status(status).send(result.body);
  else res.status(status).json(result.body);
}

/** A success body that breaks its route's response schema is our bug: a 500 in tests. */
function checkResponse(route: RouteDef, deps: RouterDeps, result: RouteResult): void {
  if (!deps.validateResponses || result.body === undefined || typeof result.body === 'string') return;
  if (!route.response) throw new Error(`${route.method.toUpperCase()} ${route.path} answered a body but declares no response schema`);
  const problem = check(route.response, result.body, 'response body');
  if (problem) throw new Error(`${route.method.toUpperCase()} ${route.path}: ${problem}`);
}

function handle(svc: ServiceDef, route: RouteDef, deps: RouterDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    let status = route.successStatus;
    try {
      const result = await route.handler(await buildContext({ svc, route, deps }, req, res));
      checkResponse(route, deps, result);
      status = result.status ?? route.successStatus;
      await send(req, res, status, result);
    } catch (err) {
      const e = errorStatus(svc, route, err);
      status = e.status;
      if (status === 500) deps.logError?.(err, req);
      for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
      sendFault(res, svc.faultStyle, { status, message: e.message, type: e.type });
    } finally {
      deps.onRequest?.(svc.name, `${route.method.toUpperCase()} ${route.path}`, status);
    }
  };
}

export function buildServiceRouter(svc: ServiceDef, deps: RouterDeps): Router {
  const router = express.Router({ strict: svc.strictSlash === true });
  for (const route of svc.routes) router[route.method](route.path, handle(svc, route, deps));
  router.use((req, res) => {
    sendFault(res, svc.faultStyle, { status: 404, message: `The resource could not be found: ${req.method} ${req.originalUrl.split('?')[0]}` });
    deps.onRequest?.(svc.name, 'unmatched', 404);
  });
  // Express itself rejects some requests before any route runs (e.g. a malformed percent-encoding
  // in the path): answer in the service's format, never with Express's HTML page and stack.
  router.use((err: { status?: number; statusCode?: number }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) deps.logError?.(err, req);
    sendFault(res, svc.faultStyle, { status: status >= 400 && status < 500 ? status : 500, message: status < 500 ? 'The request could not be parsed.' : 'Unexpected API Error.' });
  });
  return router;
}
