// Handover rooms: a tiny separate document per meta key this browser holds or held, synced in a room
// derived from that key, holding ONLY the signed revoke, rekey and invite-withdrawal statements (never
// business data, never member names). A member who was offline when keys changed still holds only the old meta key:
// in the old key's handover room it meets the rotated devices, picks up the rekey addressed to it and
// moves to the new rooms; a removed device learns there that it was removed, and someone joining
// through a link made before the change learns that the link was withdrawn. Every peer may write
// here, so nothing read from a handover document counts unless it is a well-formed revoke or rekey for
// this workspace with a good signature, and even then it only enters the meta shard, where the usual
// checks (signer's role, the chain) decide what it does.
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

/** The handover statements among `raw` that are well formed, for `workspaceId`, and signed by their `by`. */
export async function acceptHandover(
	raw: readonly unknown[],
	workspaceId: string
): Promise<SignedStatement[]> {
	const out: SignedStatement[] = [];
	for (const x of raw) {
		const r = v.safeParse(signedStatement, x);
		if (!r.success || !HANDOVER_KINDS.has(r.output.body.kind)) continue;
		if (r.output.body.workspaceId !== workspaceId) continue;
		if (await verifySigned(r.output.body.by, r.output.body, r.output.sig)) out.push(r.output);
	}
	return out;
}

/** The handover room of one meta key: its own topic and password, so it never meets the meta room. */
export function handoverRoom(key: ShardKey): { topic: string; password: string } {
	return { topic: topicOf(`${key.room}:handover`), password: `${key.secret}:handover` };
}

export class HandoverRooms {
	readonly #onReceived: (raw: unknown[]) => void;
	#rooms: { provider: WebrtcProvider; doc: Y.Doc }[] = [];
	#published: SignedStatement[] = [];

	constructor(onReceived: (raw: unknown[]) => void) {
		this.#onReceived = onReceived;
	}

	/** (Re)joins the handover rooms of the entry's meta key and every meta key it held before. */
	connect(entry: WorkspaceEntry): void {
		this.destroy();
		const keys = [...(entry.shards.meta ? [entry.shards.meta] : []), ...(entry.formerMeta ?? [])];
		const seen = new Set<string>();
		for (const key of keys) {
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

	/** Serves these statements (handover kinds only) in every handover room. */
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
