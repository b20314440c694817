// Writing and opening rekey statements: the new room and secret of each rotated shard, sealed for each
// remaining member's box key with only the shards that member's role may read, all in ONE statement
// the writer signs (the signature covers every box). A device walks the chain (domain/identity/rekey.ts)
// and takes from each rekey the boxes addressed to its own keys; a box that does not open, or opens to
// something malformed, is set aside and never applied. Nothing here decides by a clock.
import { v } from '$lib/shared/domain/schema';
import type { RekeyBody, RekeyShard, SignedStatement } from '$lib/shared/domain/identity';
import { randomKey, type ShardKey, type ShardName } from '$lib/shared/domain/workspace';
import { openBox, sealBox, type BoxKey } from '$lib/shared/crypto/box';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { signStatement } from './trust-doc';

export type ShardKeys = Partial<Record<ShardName, ShardKey>>;

/** What a box binds to: this workspace, this rekey, its signer and the recipient's two keys. */
const context = (r: Pick<RekeyBody, 'workspaceId' | 'id' | 'by'>, to: string, boxKey: string) =>
	`keel-rekey v1|${r.workspaceId}|${r.id}|${r.by}|${to}|${boxKey}`;

const payloadSchema = v.strictObject({
	shards: v.record(
		v.picklist(['meta', 'tasks', 'books', 'people']),
		v.strictObject({
			room: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,64}$/)),
			secret: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,64}$/))
		})
	)
});

/** A fresh room id and secret (144 bits each) for every shard named. */
export function freshKeys(shards: readonly RekeyShard[]): ShardKeys {
	const out: ShardKeys = {};
	for (const s of shards) out[s] = { room: randomKey(), secret: randomKey() };
	return out;
}

/**
 * One signed rekey: `keys` sealed for every box key each recipient published, with only the shards
 * listed for that recipient. Recipients without a published box key are returned as `unreached`.
 */
export async function writeRekey(args: {
	device: DeviceKey;
	workspaceId: string;
	id: string;
	after: string;
	removed: readonly string[];
	keys: ShardKeys;
	recipients: ReadonlyMap<string, readonly RekeyShard[]>;
	boxKeys: ReadonlyMap<string, readonly string[]>;
	at: string;
}): Promise<{ statement: SignedStatement; unreached: string[] }> {
	const head = { workspaceId: args.workspaceId, id: args.id, by: args.device.publicKey };
	const boxes: RekeyBody['boxes'] = [];
	const unreached: string[] = [];
	for (const [to, shards] of [...args.recipients].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const boxKeys = args.boxKeys.get(to) ?? [];
		if (!boxKeys.length) unreached.push(to);
		const given: ShardKeys = {};
		for (const s of shards) if (args.keys[s]) given[s] = args.keys[s];
		const text = JSON.stringify({ shards: given });
		for (const boxKey of boxKeys)
			boxes.push({ to, boxKey, ...(await sealBox(boxKey, text, context(head, to, boxKey))) });
	}
	const statement = await signStatement(args.device, args.workspaceId, args.id, {
		kind: 'rekey',
		after: args.after,
		removed: [...args.removed].sort(),
		shards: (Object.keys(args.keys) as RekeyShard[]).sort(),
		at: args.at,
		boxes
	});
	return { statement, unreached };
}

export interface OpenedChain {
	/** The keys this device holds once every rekey of the chain is applied to `base`. */
	keys: ShardKeys;
	/** Shards a rekey shut this device out of. */
	cutOff: ShardName[];
	/** Rekeys addressed to this device whose box did not open or held something malformed. */
	unopened: string[];
	/** The latest rekey that gave this device anything (its id), or ''. */
	appliedUpTo: string;
}

const opened = new Map<string, ShardKeys | null>();

/** The shards one rekey gives this device, null when its box for us does not open; undefined when none is for us. */
async function openMine(r: RekeyBody, me: string, box: BoxKey): Promise<ShardKeys | null | undefined> {
	const mine = r.boxes.find((b) => b.to === me && b.boxKey === box.publicKey);
	if (!mine) return undefined;
	const memo = `${r.id}|${r.by}|${me}|${mine.ct}`;
	if (opened.has(memo)) return opened.get(memo) ?? null;
	const text = await openBox(box, mine, context(r, me, box.publicKey));
	let keys: ShardKeys | null = null;
	if (text !== null) {
		try {
			const p = v.safeParse(payloadSchema, JSON.parse(text));
			if (p.success && Object.keys(p.output.shards).every((s) => r.shards.includes(s as RekeyShard)))
				keys = p.output.shards;
		} catch {
			keys = null;
		}
	}
	opened.set(memo, keys);
	return keys;
}

/** Applies the chain, in order, to the keys held before any rekey (`base`). */
export async function openChain(args: {
	chain: readonly RekeyBody[];
	me: string;
	box: BoxKey | undefined;
	base: ShardKeys;
}): Promise<OpenedChain> {
	const keys: ShardKeys = { ...args.base };
	const cutOff = new Set<ShardName>();
	const unopened: string[] = [];
	let appliedUpTo = '';
	for (const r of args.chain) {
		const got = args.box ? await openMine(r, args.me, args.box) : undefined;
		if (got === null) unopened.push(r.id);
		if (got) {
			for (const [s, k] of Object.entries(got) as [ShardName, ShardKey][])
				if (keys[s]) {
					keys[s] = k;
					cutOff.delete(s);
				}
			appliedUpTo = r.id;
		} else if (r.removed.includes(args.me)) for (const s of r.shards) if (keys[s]) cutOff.add(s);
	}
	return { keys, cutOff: [...cutOff], unopened, appliedUpTo };
}
