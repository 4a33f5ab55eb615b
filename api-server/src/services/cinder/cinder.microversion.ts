// Cinder v3 microversions. Only the base version is advertised: the later ones change behaviour
// (attachments API 3.27, in-use extend 3.42, with_count 3.45, ...) that is not all built yet.
import { microversionNegotiator } from '../../common/microversion.js';

export const MIN_VERSION = '3.0';
export const MAX_VERSION = '3.0';

export const negotiate = microversionNegotiator({ service: 'volume', min: MIN_VERSION, max: MAX_VERSION });
