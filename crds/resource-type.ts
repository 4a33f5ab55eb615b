// Where a kind lives in the Kubernetes API: what every client call addresses.
export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}
