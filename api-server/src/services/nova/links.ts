/** Nova's self (versioned) and bookmark (unversioned) links to one resource. */
export function novaLinks(base: string, collection: string, id: string): { rel: string; href: string }[] {
  return [
    { rel: 'self', href: `${base}/compute/v2.1/${collection}/${id}` },
    { rel: 'bookmark', href: `${base}/compute/${collection}/${id}` },
  ];
}
