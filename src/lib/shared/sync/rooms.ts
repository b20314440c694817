// What the signaling server learns of a peer's access: nothing from its topics. Every session
// subscribes to the same number of topics (meta, tasks, books, people, people files), all of one
// shape (`keel-` and 24 base64url characters, hashed from the room id, so the files room's "-files"
// suffix no longer shows). A slot this browser holds no key for is a decoy: a room every member
// without that shard derives alike from the meta key (so it has several members, like a real room),
// synced with an empty document that is never written, so it carries no data.
import { sha256Hex } from '../domain/sha256';
import { toBase64Url, type ShardKey, type ShardName } from '../domain/workspace';
import { peopleFilesKey } from './files';

/** The rooms a session subscribes to, one per slot, always in this order. */
export const ROOM_SLOTS = ['meta', 'tasks', 'books', 'people', 'people-files'] as const;
export type RoomSlot = (typeof ROOM_SLOTS)[number];

export interface RoomPlan {
	readonly slot: RoomSlot;
	/** The y-webrtc room name, i.e. the signaling topic. */
	readonly topic: string;
	readonly password: string;
	/** True for a padding room that no data goes into. */
	readonly decoy: boolean;
}

const hexBytes = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((b) => parseInt(b, 16)));
/** 18 bytes of SHA-256 as base64url: the same 24-character shape as a room id. */
const digest = (text: string) => toBase64Url(hexBytes(sha256Hex(text)).subarray(0, 18));

/** The signaling topic of a room id: hashed, so no suffix or format tells rooms apart. */
export function topicOf(room: string): string {
	return `keel-${digest(`keel-topic:${room}`)}`;
}

/**
 * One room per slot for a browser holding `shards`: its real rooms, and decoys for the rest (derived
 * from the meta key, which every member holds; none when there is no meta key).
 */
export function roomPlan(shards: Partial<Record<ShardName, ShardKey>>): RoomPlan[] {
	const meta = shards.meta;
	const real: Partial<Record<RoomSlot, ShardKey>> = {
		...shards,
		...(shards.people ? { 'people-files': peopleFilesKey(shards.people) } : {})
	};
	const out: RoomPlan[] = [];
	for (const slot of ROOM_SLOTS) {
		const key = real[slot];
		if (key) out.push({ slot, topic: topicOf(key.room), password: key.secret, decoy: false });
		else if (meta)
			out.push({
				slot,
				topic: topicOf(digest(`keel-decoy-room:${meta.secret}:${slot}`)),
				password: digest(`keel-decoy-secret:${meta.secret}:${slot}`),
				decoy: true
			});
	}
	return out;
}
