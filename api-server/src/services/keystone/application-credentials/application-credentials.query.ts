// The list of one user's application credentials: Keystone filters by name only.
import type { ApplicationCredential } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { byNameThenId, matchesQuery } from '../collection.js';
import type { ListApplicationCredentialsQuery } from './application-credentials.schema.js';

export function credentialsOf(stores: Stores, userId: string, query: ListApplicationCredentialsQuery): ApplicationCredential[] {
  return stores.applicationCredentials
    .list()
    .filter((c) => c.spec.userId === userId && !c.metadata.deletionTimestamp && matchesQuery(query.name, c.spec.name))
    .sort(byNameThenId);
}
