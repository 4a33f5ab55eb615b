// Bodies of the metadata sub-collections of volumes and snapshots (Cinder's metadata schemas).
import { Type } from '@sinclair/typebox';
import { metadata, responseObject, strictObject } from '../../../common/parameter-types.js';

export const metadataBody = strictObject({ metadata });
export const metaItemBody = strictObject({ meta: metadata });
export const metadataResponse = responseObject({ metadata: Type.Record(Type.String(), Type.String()) });
export const metaItemResponse = responseObject({ meta: Type.Record(Type.String(), Type.String()) });
