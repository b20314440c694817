// A shard's state vector as text: a compact fingerprint of everything a replica has seen, used to
// tell whether a projection was built from the current contents.
import * as Y from 'yjs';
import { toBase64Url } from '$lib/shared/domain/workspace';

export function encodeStateVectorText(doc: Y.Doc): string {
	return toBase64Url(Y.encodeStateVector(doc));
}
