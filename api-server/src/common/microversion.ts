// OpenStack microversion negotiation, as Nova and Cinder do it: `OpenStack-API-Version: <service>
// X.Y` (or the service's legacy header), `latest` for the maximum, 400 for a malformed version,
// 406 outside [min, max]; the chosen version is echoed. Each service advertises only the versions
// whose behaviour it implements.
import type { Request, Response } from 'express';
import { ApiError } from './errors.js';

export interface MicroversionRange {
  /** The service's name in OpenStack-API-Version: compute, volume. */
  service: string;
  /** The pre-2.27 style header (X-OpenStack-Nova-API-Version), if the service has one. */
  legacyHeader?: string;
  min: string;
  max: string;
}

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

/** Whether version `v` is at least `floor` (both "X.Y"). */
export function atLeast(v: string | undefined, floor: string): boolean {
  const [a, b] = [parse(v ?? '0.0'), parse(floor)];
  return !!a && !!b && cmp(a, b) >= 0;
}

/** The requested version string, preferring the new header over the legacy one. */
function requested(req: Request, range: MicroversionRange): string | undefined {
  const modern = req.get('OpenStack-API-Version');
  if (modern) {
    for (const part of modern.split(',')) {
      const [service, version] = part.trim().split(/\s+/);
      if (service?.toLowerCase() === range.service && version) return version;
    }
  }
  return range.legacyHeader ? (req.get(range.legacyHeader) ?? undefined) : undefined;
}

function chosenVersion(asked: string | undefined, range: MicroversionRange): string {
  if (!asked) return range.min;
  if (asked.toLowerCase() === 'latest') return range.max;
  const v = parse(asked);
  if (!v) throw new ApiError(400, `Invalid API version request: ${asked}`);
  if (cmp(v, parse(range.min)!) < 0 || cmp(v, parse(range.max)!) > 0) {
    throw new ApiError(406, `Version ${asked} is not supported by the API. Minimum is ${range.min} and maximum is ${range.max}.`);
  }
  return `${v.major}.${v.minor}`;
}

/** The router's negotiate hook for one service. */
export function microversionNegotiator(range: MicroversionRange): (req: Request, res: Response) => string {
  return (req, res) => {
    const chosen = chosenVersion(requested(req, range), range);
    res.setHeader('OpenStack-API-Version', `${range.service} ${chosen}`);
    const vary = ['OpenStack-API-Version'];
    if (range.legacyHeader) {
      res.setHeader(range.legacyHeader, chosen);
      vary.push(range.legacyHeader);
    }
    res.setHeader('Vary', vary.join(', '));
    return chosen;
  };
}
