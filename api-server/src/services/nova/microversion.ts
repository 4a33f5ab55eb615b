// Nova microversion negotiation. We advertise only the versions whose behaviour is implemented.
import { microversionNegotiator } from '../../common/microversion.js';

export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.1';

export const negotiate = microversionNegotiator({ service: 'compute', legacyHeader: 'X-OpenStack-Nova-API-Version', min: MIN_VERSION, max: MAX_VERSION });
