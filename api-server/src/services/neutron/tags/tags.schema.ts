// standard-attr-tag: schemas of /{collection}/{id}/tags. Neutron caps a tag at 60 characters.
import { Type } from '@sinclair/typebox';
import { responseObject, strictObject } from '../../../common/parameter-types.js';

export const MAX_TAG_LENGTH = 60;
export const MAX_TAGS = 50;

const tag = Type.String({ minLength: 1, maxLength: MAX_TAG_LENGTH });

export const replaceTagsBody = strictObject({ tags: Type.Array(tag, { maxItems: MAX_TAGS }) });
export const tagsResponse = responseObject({ tags: Type.Array(Type.String()) });
