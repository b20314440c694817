// Handover: a device whose keys changed keeps a tiny separate document in each OLD meta room it left
// (the meta keys it held before), into which it writes ONLY the signed revoke, rekey and
// invite-withdrawal statements — never business data. A member who was offline when keys changed comes
// back to the old meta room, where only the removed device and these handover documents are: its meta
// shard merges the rekey addressed to it and it moves to the new rooms; the removed device learns there
// that it was removed; someone joining through a link made before the change learns it was withdrawn.
// A handover document also receives whatever the old room's peers send (the removed device's copy of
// meta, say): it is never persisted and never read except for statements of the handover kinds that
// are for this workspace and carry a good signature, and even those only enter the meta shard, where
// the usual checks (signer's role, the chain) decide what they do. Old rooms are served with their own
// room id and secret, so a device that never changed keys subscribes to no extra signaling topic.
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { v } from '$lib/shared/domain/schema';
import { signedStatement, type SignedStatement } from '$lib/shared/domain/identity';
import type { ShardKey, WorkspaceEntry } from '$lib/shared/domain/workspace';
import { verifySigned } from '$lib/shared/crypto/signing';
import { topicOf } from './rooms';
import { TRUST_MAP } from './trust-doc';

const HANDOVER_KINDS = new Set(['revoke', 'rekey', 'invite-revoke']);

/** The statements a handover document may carry: revokes, rekeys and invite withdrawals. */
export function handoverStatements(statements: readonly SignedStatement[]): SignedStatement[] {
	return statements.filter((s) => HANDOVER_KINDS.has(s.body.kind));
}

/**
 * The handover statements among `raw` that are well formed, for `workspaceId`, and signed by their
 * `by`; those `known` says are held already are skipped before their signature is checked.
 */
export async function acceptHandover(
	raw: readonly unknown[],
	workspaceId: string,
	known: (id: string) => boolean = () => false
): Promise<SignedStatement[]> {
	const out: SignedStatement[] = [];
	for (const x of raw) {
		const r = v.safeParse(signedStatement, x);
		if (!r.success || !HANDOVER_KINDS.has(r.output.body.kind)) continue;
		if (r.output.body.workspaceId !== workspaceId || known(r.output.body.id)) continue;
		if (await verifySigned(r.output.body.by, r.output.body, r.output.sig)) out.push(r.output);
	}
	return out;
}

/** The room a handover document is served in: the old meta room itself. */
export function handoverRoom(key: ShardKey): { topic: string; password: string } {
	return { topic: topicOf(key.room), password: key.secret };
}

export class HandoverRooms {
	readonly #onReceived: (raw: unknown[]) => void;
	#rooms: { provider: WebrtcProvider; doc: Y.Doc }[] = [];
	#published: SignedStatement[] = [];

	constructor(onReceived: (raw: unknown[]) => void) {
		this.#onReceived = onReceived;
	}

	/** (Re)joins the old meta rooms: those of every meta key the entry held before its current one. */
	connect(entry: WorkspaceEntry): void {
		this.destroy();
		const current = entry.shards.meta?.room;
		const seen = new Set<string>(current ? [current] : []);
		for (const key of entry.formerMeta ?? []) {
			if (seen.has(key.room)) continue;
			seen.add(key.room);
			const doc = new Y.Doc({ gc: true });
			const { topic, password } = handoverRoom(key);
			const provider = new WebrtcProvider(topic, doc, {
				signaling: entry.signaling,
				password,
				maxConns: 20,
				filterBcConns: true,
				peerOpts: { config: { iceServers: [] } }
			});
			provider.awareness.setLocalState(null);
			if (!entry.online) provider.disconnect();
			const map = doc.getMap<unknown>(TRUST_MAP);
			map.observe(() => this.#onReceived([...map.values()]));
			this.#rooms.push({ provider, doc });
		}
		this.publish(this.#published);
	}

	/** Serves these statements (handover kinds only) in every old meta room. */
	publish(statements: readonly SignedStatement[]): void {
		this.#published = handoverStatements(statements);
		for (const { doc } of this.#rooms) {
			const m = doc.getMap<unknown>(TRUST_MAP);
			doc.transact(() => {
				for (const s of this.#published) if (!m.has(s.body.id)) m.set(s.body.id, s);
			});
		}
	}

	setOnline(online: boolean): void {
		for (const { provider } of this.#rooms) {
			if (online && !provider.connected) provider.connect();
			else if (!online && provider.connected) provider.disconnect();
		}
	}

	destroy(): void {
		for (const { provider, doc } of this.#rooms.splice(0)) {
			provider.destroy();
			doc.destroy();
		}
	}
}
