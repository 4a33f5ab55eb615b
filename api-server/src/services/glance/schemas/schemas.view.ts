// The JSON-Schema documents Glance publishes under /v2/schemas, built from the same TypeBox
// schemas that check our answers (a TypeBox schema is JSON Schema; JSON drops its symbol keys),
// so what glanceclient validates against is what we send.
import type { TSchema } from '@sinclair/typebox';
import { image } from '../images/images.schema.js';
import { member } from '../image-members/image-members.schema.js';

type SchemaDoc = Record<string, unknown>;

const plain = (schema: TSchema): SchemaDoc => JSON.parse(JSON.stringify(schema)) as SchemaDoc;

function imageDoc(): SchemaDoc {
  return {
    name: 'image',
    properties: plain(image).properties,
    additionalProperties: { type: 'string' },
    links: [
      { rel: 'self', href: '{self}' },
      { rel: 'enclosure', href: '{file}' },
      { rel: 'describedby', href: '{schema}' },
    ],
  };
}

function collectionDoc(name: string, item: SchemaDoc): SchemaDoc {
  return {
    name,
    properties: {
      [name]: { type: 'array', items: item },
      schema: { type: 'string' },
      first: { type: 'string' },
      next: { type: 'string' },
    },
    links: [
      { rel: 'first', href: '{first}' },
      { rel: 'next', href: '{next}' },
      { rel: 'describedby', href: '{schema}' },
    ],
  };
}

function memberDoc(): SchemaDoc {
  return { name: 'member', properties: plain(member).properties };
}

/** The documents by the name in /v2/schemas/{name}. */
export const SCHEMA_DOCS: Record<string, () => SchemaDoc> = {
  image: imageDoc,
  images: () => collectionDoc('images', imageDoc()),
  member: memberDoc,
  members: () => collectionDoc('members', memberDoc()),
};
