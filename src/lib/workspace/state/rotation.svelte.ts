// Key rotation for one open workspace: this device's encryption key (made and published on first
// open), the rekey a removal writes, and following the workspace's rekey chain — every valid rekey
// addressed to this device moves its shards to the new rooms (the local documents continue; only room
// and secret change). It also serves the handover rooms (shared/sync/handover.ts) and, on an owner's
// or admin's device, writes a follow-up rekey when a removed key is not yet shut out by the chain
// (two admins removing at once). Nothing here decides by a clock.
import {
	boxKeysOf,
	canManage,
	computeTrust,
	pendingRemovals,
	rekeyChain,
	rekeyRecipients,
	shardsToRotate,
	shutOut,
	withoutBoxKey,
	type RekeyBody,
	type RekeyShard,
	type Role,
	type SignedStatement,
	type StatementBody,
	type TrustState
} from '$lib/shared/domain/identity';
import type { ShardKey, ShardName, WorkspaceEntry } from '$lib/shared/domain/workspace';
import { generateBoxKey } from '$lib/shared/crypto/box';
import { signStatement, type TrustReplica } from '$lib/shared/sync/trust-doc';
import { freshKeys, openChain, writeRekey } from '$lib/shared/sync/rekey';
import { acceptHandover, HandoverRooms } from '$lib/shared/sync/handover';
import { background } from '$lib/shared/state/background';
import { err, ok, problem, type Result } from '$lib/shared/domain';
import { newId, nowIso } from '../../shared/state/ids';

/** What rotation needs of the handover rooms. */
export type Handover = Pick<HandoverRooms, 'connect' | 'publish' | 'setOnline' | 'destroy'>;

export interface RekeySetAside {
	key: string;
	why: string;
}

const sameKey = (a: ShardKey | undefined, b: ShardKey | undefined) =>
	a?.room === b?.room && a?.secret === b?.secret;

export class RotationState {
	readonly #replica: TrustReplica;
	readonly #entry: () => WorkspaceEntry;
	readonly #saveEntry: (entry: WorkspaceEntry) => Promise<void>;
	readonly #reconnect: (entry: WorkspaceEntry) => void;
	readonly #handover: Handover;
	#running: Promise<void> | null = null;
	#again = false;
	#stop: () => void;
	#closed = false;

	/** The rekeys that count, first to latest (for the Members screen). */
	chain = $state.raw<RekeyBody[]>([]);
	/** Rekeys set aside: signed by someone who is not an owner or admin, or not opening on this device. */
	setAside = $state.raw<RekeySetAside[]>([]);
	/** Shards a counted rekey shut this device out of. */
	cutOff = $state.raw<ShardName[]>([]);
	/** Member keys no change of keys can reach: their browsers have published no encryption key. */
	unreachable = $state.raw<string[]>([]);

	constructor(args: {
		replica: TrustReplica;
		entry: () => WorkspaceEntry;
		saveEntry: (entry: WorkspaceEntry) => Promise<void>;
		reconnect: (entry: WorkspaceEntry) => void;
		/** The handover rooms (shared/sync/handover.ts); tests pass their own. */
		handover?: (onReceived: (raw: unknown[]) => void) => Handover;
	}) {
		this.#replica = args.replica;
		this.#entry = args.entry;
		this.#saveEntry = args.saveEntry;
		this.#reconnect = args.reconnect;
		const onReceived = (raw: unknown[]) => background(this.#received(raw), 'reading a key handover');
		this.#handover = args.handover?.(onReceived) ?? new HandoverRooms(onReceived);
		this.#handover.connect(this.#entry());
		this.#stop = args.replica.observe(() => this.refresh());
		this.refresh();
	}

	/** Re-reads the statements (one run at a time; a change during a run runs it again). */
	refresh(): void {
		if (this.#closed) return;
		if (this.#running) {
			this.#again = true;
			return;
		}
		this.#running = this.#refresh()
			.catch((e: unknown) => console.error('Keel: following the key changes failed', e))
			.finally(() => {
				this.#running = null;
				if (this.#again) {
					this.#again = false;
					this.refresh();
				}
			});
		background(this.#running, 'following the workspace’s key changes');
	}

	/** Handover statements that check out go into the meta shard, where the usual checks apply. */
	async #received(raw: unknown[]): Promise<void> {
		const fresh = await acceptHandover(raw, this.#entry().id, (id) => this.#replica.has(id));
		if (fresh.length && !this.#closed) this.#replica.write(fresh);
	}

	/** The signed statements of the meta shard whose bodies verified, as stored (for the handover). */
	#signed(verified: readonly StatementBody[]): SignedStatement[] {
		return this.#replica.stored([...new Set(verified.map((s) => s.id))]);
	}

	async #refresh(): Promise<void> {
		let entry = this.#entry();
		if (!entry.root || !entry.device) return;
		if (!entry.box) {
			const box = await generateBoxKey();
			await this.#saveEntry({ ...this.#entry(), box });
			entry = this.#entry();
		}
		const box = entry.box;
		const device = entry.device;
		if (!box || !device || !entry.root) return;
		const { verified } = await this.#replica.read();
		const trust = computeTrust(entry.root, verified);
		const me = device.publicKey;
		const removed = trust.removed.has(me);
		if (!removed && !verified.some((s) => s.kind === 'box-key' && s.by === me && s.boxKey === box.publicKey))
			this.#replica.write([
				await signStatement(device, entry.id, newId(), { kind: 'box-key', boxKey: box.publicKey })
			]);
		this.#handover.publish(this.#signed(verified));

		const { chain, notCounted } = rekeyChain(trust, verified);
		const base = entry.baseShards ?? entry.shards;
		const opened = await openChain({ chain, me, box, base });
		this.chain = chain;
		this.cutOff = opened.cutOff;
		this.unreachable = withoutBoxKey(trust, verified);
		this.setAside = [
			...notCounted.map((r) => ({
				key: `rekey:${r.id}`,
				why: 'a change of keys signed by someone who is not an owner or admin'
			})),
			...opened.unopened.map((id) => ({
				key: `rekey-open:${id}`,
				why: 'a change of keys addressed to this device that could not be opened (altered or not meant for it)'
			}))
		];
		await this.#follow(opened.keys);
		if (!removed && canManage(trust.roles.get(me)?.role)) await this.#followUp(trust, verified, chain);
	}

	/** Moves this device to the keys the chain gives it, when they differ from the ones it holds. */
	async #follow(keys: Partial<Record<ShardName, ShardKey>>): Promise<void> {
		const entry = this.#entry();
		const changed = (Object.keys(keys) as ShardName[]).some(
			(s) => !!entry.shards[s] && !sameKey(entry.shards[s], keys[s])
		);
		if (!changed || this.#closed) return;
		// Never back to keys this device already left (a restored older copy of meta has a shorter
		// chain): those rooms may hold a removed device. The handover brings the later rekeys back.
		const base = entry.baseShards?.meta;
		if (keys.meta && (entry.formerMeta ?? []).some((k) => sameKey(k, keys.meta))) return;
		if (base && sameKey(keys.meta, base) && !sameKey(entry.shards.meta, base)) return;
		const oldMeta = entry.shards.meta;
		const formerMeta = [...(entry.formerMeta ?? [])];
		if (oldMeta && !sameKey(oldMeta, keys.meta) && !formerMeta.some((k) => sameKey(k, oldMeta)))
			formerMeta.push(oldMeta);
		const next: WorkspaceEntry = {
			...entry,
			shards: { ...entry.shards, ...keys },
			baseShards: entry.baseShards ?? entry.shards,
			formerMeta
		};
		await this.#saveEntry(next);
		if (this.#closed) return;
		this.#reconnect(this.#entry());
		this.#handover.connect(this.#entry());
	}

	/**
	 * An owner's or admin's device shuts out removed keys no rekey of the chain shut out yet (two
	 * removals at once). Only once the workspace has a chain: removals made before this version are
	 * left to an owner or admin to change keys for (`changeKeysNow`), since members whose browsers have
	 * not opened the workspace since cannot be given new keys.
	 */
	async #followUp(trust: TrustState, verified: readonly StatementBody[], chain: readonly RekeyBody[]) {
		const pending = pendingRemovals(trust, chain);
		if (!pending.length || !chain.length) return;
		const built = await this.buildRekey({ trust, verified, removing: pending, roles: [undefined] });
		if (built) this.#replica.write([built.statement]);
	}

	/**
	 * The rekey that shuts out `removing` (whose roles were `roles`; undefined: not known, rotate all):
	 * new keys for meta and the shards those roles could read that this device holds, sealed for every
	 * remaining member entitled to them. Null when this device cannot write one.
	 */
	async buildRekey(args: {
		trust: TrustState;
		verified?: readonly StatementBody[];
		removing: readonly string[];
		roles: readonly (Role | undefined)[];
	}): Promise<{ statement: SignedStatement; unreached: string[] } | null> {
		const entry = this.#entry();
		if (!entry.device || !entry.box) return null;
		const verified = args.verified ?? (await this.#replica.read()).verified;
		const { chain } = rekeyChain(args.trust, verified);
		const shards = shardsToRotate(args.roles).filter((s) => !!entry.shards[s]);
		const recipients = rekeyRecipients(args.trust, chain, shards, args.removing);
		const boxKeys = boxKeysOf(verified);
		// This device seals for itself too, with its own box key even if not yet published.
		boxKeys.set(entry.device.publicKey, [
			...new Set([...(boxKeys.get(entry.device.publicKey) ?? []), entry.box.publicKey])
		]);
		if (!recipients.has(entry.device.publicKey)) recipients.set(entry.device.publicKey, shards);
		const removed = [...new Set([...shutOut(args.trust, chain), ...args.removing])];
		return writeRekey({
			device: entry.device,
			workspaceId: entry.id,
			id: newId(),
			after: chain.at(-1)?.id ?? '',
			removed,
			keys: freshKeys(shards as RekeyShard[]),
			recipients,
			boxKeys,
			at: nowIso()
		});
	}

	/** Changes the keys of every shard this device holds, shutting out every removed key. */
	async changeKeysNow(): Promise<Result<null>> {
		const entry = this.#entry();
		const me = entry.device?.publicKey;
		if (!me || !entry.root) return err(problem('trust/not-ready'));
		const { verified } = await this.#replica.read();
		const trust = computeTrust(entry.root, verified);
		if (!canManage(trust.roles.get(me)?.role)) return err(problem('trust/no-right'));
		const { chain } = rekeyChain(trust, verified);
		const built = await this.buildRekey({
			trust,
			verified,
			removing: pendingRemovals(trust, chain),
			roles: [undefined]
		});
		if (!built) return err(problem('trust/not-ready'));
		this.#replica.write([built.statement]);
		return ok(null);
	}

	/** When a counted rekey shut `memberKey` out (the writer's clock, as information), or null. */
	keysChangedAt(memberKey: string): string | null {
		return this.chain.find((r) => r.removed.includes(memberKey))?.at ?? null;
	}

	/** Rejoins the handover rooms (after the signaling servers changed). */
	rejoinHandover(entry: WorkspaceEntry): void {
		this.#handover.connect(entry);
	}

	setOnline(online: boolean): void {
		this.#handover.setOnline(online);
	}

	destroy(): void {
		this.#closed = true;
		this.#stop();
		this.#handover.destroy();
	}
}
