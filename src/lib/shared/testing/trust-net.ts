// Trust replicas over Y.Docs that pass every update to each other at once, for testing the Members
// state on several "devices" without a browser. Test-only code.
import * as Y from 'yjs';
import { TrustReplica } from '../sync/trust-doc';

/** `count` meta docs of one workspace, kept in step, each wrapped as a TrustReplica. */
export function trustNet(workspaceId: string, count: number): { replicas: TrustReplica[]; docs: Y.Doc[] } {
	const docs = Array.from({ length: count }, () => new Y.Doc());
	docs.forEach((doc, from) =>
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'net') return;
			docs.forEach((other, to) => {
				if (to !== from) Y.applyUpdate(other, update, 'net');
			});
		})
	);
	return { replicas: docs.map((d) => new TrustReplica(d, workspaceId)), docs };
}
