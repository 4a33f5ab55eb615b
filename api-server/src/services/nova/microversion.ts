// Nova microversion negotiation. We advertise only the versions whose behaviour is implemented.
import type { Request, Response } from 'express';
import { ApiError } from '../../common/errors.js';

export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.1';

interface Version {
  major: number;
  minor: number;
}

function parse(v: string): Version | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(v.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

function cmp(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor;
}

/** The requested version string, preferring the new header over the legacy one. */
function requested(req: Request): string | undefined {
  const modern = req.get('OpenStack-API-Version');
  if (modern) {
    for (const part of modern.split(',')) {
      const [service, version] = part.trim().split(/\s+/);
      if (service?.toLowerCase() === 'compute' && version) return version;
    }
  }
  return req.get('X-OpenStack-Nova-API-Version') ?? undefined;
}

export function negotiate(req: Request, res: Response): string {
  const asked = requested(req);
  let chosen = MIN_VERSION;
  if (asked && asked.toLowerCase() === 'latest') chosen = MAX_VERSION;
  else if (asked) {
    const v = parse(asked);
    if (!v) throw new ApiError(400, `Invalid API version request: ${asked}`);
    const [min, max] = [parse(MIN_VERSION)!, parse(MAX_VERSION)!];
    if (cmp(v, min) < 0 || cmp(v, max) > 0) {
      throw new ApiError(406, `Version ${asked} is not supported by the API. Minimum is ${MIN_VERSION} and maximum is ${MAX_VERSION}.`);
    }
    chosen = `${v.major}.${v.minor}`;
  }
  res.setHeader('OpenStack-API-Version', `compute ${chosen}`);
  res.setHeader('X-OpenStack-Nova-API-Version', chosen);
  res.setHeader('Vary', 'OpenStack-API-Version, X-OpenStack-Nova-API-Version');
  return chosen;
}
