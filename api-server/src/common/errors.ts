// Errors a handler can raise. Each carries the HTTP status the client must see; the router renders
// it in the service's own fault format (see faults.ts) and checks it against the route's
// expectedErrors, turning anything unexpected into a 500 as Nova does.
import { KubeApiError } from '../../../crds/client/client.js';

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

/**
 * How a failed Kubernetes call looks to an OpenStack client: 404 and AlreadyExists pass through,
 * overload and outages become a retryable 503, and anything else is our bug (500).
 */
export function mapKubeError(err: unknown): ApiError | undefined {
  if (!(err instanceof KubeApiError)) return undefined;
  if (err.statusCode === 404) return notFound(err.message);
  if (err.statusCode === 409 && err.reason === 'AlreadyExists') return conflict(err.message);
  if (err.statusCode === 429 || err.statusCode >= 500) {
    const retry = String(err.retryAfterSeconds ?? 1);
    return new ApiError(503, 'The service is temporarily unavailable, please retry.', { 'Retry-After': retry });
  }
  return new ApiError(500, `Unexpected API Error: the cluster rejected a request (${err.statusCode} ${err.reason}).`);
}

/** Socket-level failures reaching the kube-apiserver are an outage, not a bug. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE';
}
