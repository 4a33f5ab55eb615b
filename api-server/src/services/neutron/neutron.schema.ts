// The response envelopes every Neutron collection shares: a list of items (any subset of their
// attributes with fields=) with `<collection>_links`, a show (a subset too), the full item that a
// create or update answers, and the full items a bulk create answers.
import { Type, type TObject } from '@sinclair/typebox';
import { isoTime, responseObject } from '../../common/parameter-types.js';

const pageLinks = Type.Optional(Type.Array(responseObject({ rel: Type.String(), href: Type.String() })));

export function collectionResponses(singular: string, plural: string, item: TObject): { list: TObject; show: TObject; one: TObject; bulk: TObject } {
  const partial = Type.Partial(item);
  return {
    list: responseObject({ [plural]: Type.Array(partial), [`${plural}_links`]: pageLinks }),
    show: responseObject({ [singular]: partial }),
    one: responseObject({ [singular]: item }),
    bulk: responseObject({ [plural]: Type.Array(item) }),
  };
}

/** Neutron's standard attributes (standard-attr-tag, -timestamp and -revisions) that every resource body carries. */
export const standardAttributes = {
  tags: Type.Array(Type.String()),
  created_at: isoTime,
  updated_at: isoTime,
  revision_number: Type.Integer(),
};
