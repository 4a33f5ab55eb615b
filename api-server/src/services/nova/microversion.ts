// Nova microversion negotiation. We advertise only the versions whose behaviour is implemented:
// each change up to MAX_VERSION is named in MV, as in Nova's api/openstack/api_version_request.py,
// and the code asks at(mv, CHANGE) rather than comparing version strings.
import { atLeast, microversionNegotiator } from '../../common/microversion.js';

export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.2';

export const MV = {
  /** Keypair `type` (ssh, x509); keypair create answers 201 and delete 204. */
  KEYPAIR_TYPE: '2.2',
} as const;

export function at(microversion: string | undefined, change: keyof typeof MV): boolean {
  return atLeast(microversion, MV[change]);
}

export const negotiate = microversionNegotiator({ service: 'compute', legacyHeader: 'X-OpenStack-Nova-API-Version', min: MIN_VERSION, max: MAX_VERSION });
