/** Nova's self (versioned) and bookmark (unversioned) links to one resource. */
export function novaLinks(base: string, collection: string, id: string): { rel: string; href: string }[] {
  return [
    { rel: 'self', href: `${base}/compute/v2.1/${collection}/${id}` },
    { rel: 'bookmark', href: `${base}/compute/${collection}/${id}` },
  ];
}

/** A list's `<collection>_links`: a next link only when another page exists. */
export function nextPageLinks(base: string, path: string, query: string | undefined): { rel: string; href: string }[] | undefined {
  return query === undefined ? undefined : [{ rel: 'next', href: `${base}/compute/v2.1/${path}?${query}` }];
}
