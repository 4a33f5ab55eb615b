// Errors a handler can raise. Each carries the HTTP status the client must see; the router renders
// it in the service's own fault format (see faults.ts) and checks it against the route's
// expectedErrors, turning anything unexpected into a 500 as Nova does.
import { KubeApiError } from '../../../crds/client/client.js';
import type { StatusCause, StatusDetails } from '../../../crds/client/http-client.js';
import { projectNamespace } from '../../../crds/naming.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Neutron's error type (e.g. NetworkNotFound); other services ignore it. */
    readonly type?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (msg: string): ApiError => new ApiError(400, msg);
export const unauthorized = (msg = 'The request you have made requires authentication.'): ApiError =>
  new ApiError(401, msg);
export const forbidden = (msg: string): ApiError => new ApiError(403, msg);
export const notFound = (msg: string): ApiError => new ApiError(404, msg);
export const conflict = (msg: string): ApiError => new ApiError(409, msg);
/** A create in a project whose namespace the operator has not made yet: retryable, so a 409. */
export const projectNotReady = (projectId: string): ApiError => conflict(`Project ${projectId} is not ready yet; retry shortly.`);

export const unavailable = (retryAfterSeconds?: number): ApiError =>
  // Retry-After is whole seconds; never 0, so that retrying clients do not hammer a struggling cluster.
  new ApiError(503, 'The service is temporarily unavailable, please retry.', { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds ?? 1))) });

/** Kubernetes refuses new objects in a namespace being deleted with a 403 that says so. */
const TERMINATING = 'because it is being terminated';

function projectBeingDeleted(err: KubeApiError): ApiError | undefined {
  if (err.statusCode !== 403 || !err.message.includes(TERMINATING)) return undefined;
  const namespace = /namespace (\S+) because/.exec(err.message)?.[1];
  const prefix = projectNamespace('');
  const project = namespace?.startsWith(prefix) ? namespace.slice(prefix.length) : namespace;
  return conflict(project ? `Project ${project} is being deleted.` : 'The project is being deleted.');
}

/** The rejected fields of a 422, read structurally: http-client's KubeStatusError carries them. */
function causesOf(err: KubeApiError): StatusCause[] {
  const causes = (err as { details?: StatusDetails }).details?.causes;
  return Array.isArray(causes) ? causes.filter((c) => typeof c?.message === 'string') : [];
}

function invalid(err: KubeApiError): ApiError {
  const causes = causesOf(err).map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? '')));
  return badRequest(`Invalid input: ${causes.length ? causes.join('; ') : err.message}`);
}

/**
 * How a failed Kubernetes call looks to an OpenStack client: 404 and 409 pass through, a write
 * into a project being deleted is a 409, a value the CRD schema rejected (422) is the client's
 * 400, overload, outages and timeouts are a retryable 503, and anything else (a 403 from our own
 * RBAC, say) is our bug: a 500, which the router logs.
 */
export function mapKubeError(err: unknown): ApiError | undefined {
  if (isConnectionError(err)) return unavailable();
  if (!(err instanceof KubeApiError)) return undefined;
  const code = err.statusCode;
  if (code === 404) return notFound(err.message);
  if (code === 409 && err.reason === 'AlreadyExists') return conflict(err.message);
  if (code === 409) return conflict('The resource was modified by another request at the same time; please retry.');
  if (code === 422) return invalid(err);
  if (code === 429 || code >= 500) return unavailable(err.retryAfterSeconds);
  return projectBeingDeleted(err) ?? new ApiError(500, `Unexpected API Error: the cluster rejected a request (${code} ${err.reason}).`);
}

// Socket-level failures and timeouts (http-client's KubeTimeoutError has code ETIMEDOUT).
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Socket-level failures reaching the kube-apiserver are an outage, not a bug. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code);
}
