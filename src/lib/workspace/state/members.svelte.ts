// Settings → Members as the screen reads it, and the trust verbs: secure an old workspace, invite,
// withdraw an invite, remove a member. It re-reads the meta shard's signed statements whenever they
// change, computes every member's verified role (the same on every replica), writes this device's
// claim when it joined through an invite, and — on an owner's or admin's device — confirms claims on
// invites that are still good by THIS device's clock with one signed grant each.
import {
	canManage,
	computeTrust,
	ROLE_WORDS,
	type Role,
	type SignedStatement,
	type TrustState,
	type UnsignedBody
} from '$lib/shared/domain/identity';
import { SHARDS, inviteUrl, makeInvite, type Grant, type WorkspaceEntry } from '$lib/shared/domain/workspace';
import { err, ok, problem, type Result } from '$lib/shared/domain';
import { fingerprint, generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import { sealInvite } from '$lib/shared/crypto/invite-seal';
import { signStatement, type TrustReplica } from '$lib/shared/sync/trust-doc';
import type { Member } from '$lib/shared/sync/meta-doc';
import { background } from '$lib/shared/state/background';
import { newId, nowIso } from '../../shared/state/ids';
import {
	NOT_COUNTED_WORDS,
	SET_ASIDE_WORDS,
	type InviteRow,
	type MemberRow,
	type MemberStatus
} from './member-rows';
import { ownStatements } from './own-statements';

export type { InviteRow, MemberRow, MemberStatus } from './member-rows';

export type RekeyOnRemove = (args: {
	trust: TrustState;
	removing: string[];
	roles: (Role | undefined)[];
}) => Promise<{ statement: SignedStatement } | null>;

export const INVITE_DAYS = [1, 7, 30] as const;

export class MembersState {
	readonly #replica: TrustReplica;
	readonly #entry: () => WorkspaceEntry;
	readonly #saveEntry: (entry: WorkspaceEntry) => Promise<void>;
	readonly #members: () => Member[];
	readonly #rekey: RekeyOnRemove | undefined;
	#running: Promise<void> | null = null;
	#again = false;
	#stop: () => void;

	/** Null until the statements were first read; also null while the workspace has no root. */
	trust = $state.raw<TrustState | null>(null);
	loaded = $state(false);
	setAside = $state.raw<{ key: string; why: string }[]>([]);

	constructor(args: {
		replica: TrustReplica;
		entry: () => WorkspaceEntry;
		saveEntry: (entry: WorkspaceEntry) => Promise<void>;
		members: () => Member[];
		/** Builds the rekey a removal writes with its revoke (workspace/state/rotation.svelte.ts). */
		rekey?: RekeyOnRemove;
	}) {
		this.#replica = args.replica;
		this.#entry = args.entry;
		this.#saveEntry = args.saveEntry;
		this.#members = args.members;
		this.#rekey = args.rekey;
		this.#stop = args.replica.observe(() => this.refresh());
		this.refresh();
	}

	get myKey(): string | null {
		return this.#entry().device?.publicKey ?? null;
	}
	get myRole(): Role | null {
		const k = this.myKey;
		return (k && this.trust?.roles.get(k)?.role) || null;
	}
	/** Only an owner or admin makes invites and removes members. */
	get canManage(): boolean {
		return canManage(this.myRole ?? undefined);
	}
	/** A workspace made before keys, held whole by this device: it may become the root. */
	get canSecure(): boolean {
		return this.loaded && !this.#entry().root && this.#holdsEverything();
	}
	#holdsEverything(): boolean {
		const e = this.#entry();
		return SHARDS.every((s) => !!e.shards[s]);
	}
	get secured(): boolean {
		return !!this.#entry().root;
	}

	/** Re-reads the statements (one run at a time; a change during a run runs it again). */
	refresh(): void {
		if (this.#running) {
			this.#again = true;
			return;
		}
		this.#running = this.#refresh()
			.catch((e: unknown) => console.error('Keel: reading the member statements failed', e))
			.finally(() => {
				this.#running = null;
				if (this.#again) {
					this.#again = false;
					this.refresh();
				}
			});
		background(this.#running, 'checking who holds which role');
	}

	async #device(): Promise<DeviceKey> {
		const e = this.#entry();
		if (e.device) return e.device;
		const device = await generateDeviceKey();
		await this.#saveEntry({ ...this.#entry(), device });
		return device;
	}

	async #sign(device: DeviceKey, statement: UnsignedBody): Promise<SignedStatement> {
		return signStatement(device, this.#entry().id, newId(), statement);
	}

	async #refresh(): Promise<void> {
		const device = await this.#device();
		const { verified, setAside } = await this.#replica.read();
		this.setAside = setAside.map((s) => ({ key: s.key, why: SET_ASIDE_WORDS[s.why] }));
		let root = this.#entry().root;
		if (!root && !this.#holdsEverything()) {
			// Trust on first use (weak, documented): a workspace made before keys adopts the first
			// owner self-grant it sees (the smallest id if several devices secured it at once). A
			// browser holding every shard never adopts one: it is offered to secure the workspace.
			const self = verified
				.filter((s) => s.kind === 'grant' && s.role === 'owner' && s.by === s.memberKey)
				.sort((a, b) => (a.id < b.id ? -1 : 1))[0];
			if (self) {
				root = self.by;
				await this.#saveEntry({ ...this.#entry(), root });
			}
		}
		const trust = root ? computeTrust(root, verified) : null;
		this.trust = trust;
		this.loaded = true;
		if (!trust) return;
		const owed = ownStatements({
			trust,
			verified,
			me: device.publicKey,
			entry: this.#entry(),
			now: nowIso()
		});
		const writes: SignedStatement[] = [];
		for (const body of owed) writes.push(await this.#sign(device, body));
		if (writes.length) this.#replica.write(writes);
	}

	/** Makes this device the root of a workspace made before keys, and its owner. */
	async secure(): Promise<Result<null>> {
		if (!this.canSecure) return err(problem('trust/no-right'));
		const device = await this.#device();
		const e = this.#entry();
		this.#replica.write([
			await this.#sign(device, {
				kind: 'grant',
				member: e.memberId,
				memberKey: device.publicKey,
				role: 'owner'
			})
		]);
		await this.#saveEntry({ ...this.#entry(), root: device.publicKey });
		this.refresh();
		return ok(null);
	}

	/** A signed invite link; its statement (without the keys) goes into the meta shard. */
	async createInvite(args: {
		grant: Grant;
		days: number;
		singleUse: boolean;
		name: string;
		origin: string;
	}): Promise<Result<string>> {
		const e = this.#entry();
		if (!this.canManage || !e.root) return err(problem('trust/no-right'));
		const device = await this.#device();
		const expiresAt = new Date(Date.parse(nowIso()) + args.days * 86_400_000).toISOString();
		const sealed = await sealInvite(
			makeInvite({
				workspaceId: e.id,
				name: args.name,
				grant: args.grant,
				keys: e.shards,
				signaling: e.signaling
			}),
			{ id: newId(), key: device, root: e.root, expiresAt, singleUse: args.singleUse }
		);
		this.#replica.write([{ body: sealed.seal.body, sig: sealed.seal.sig }]);
		return ok(inviteUrl(args.origin, sealed));
	}

	async withdrawInvite(inviteId: string): Promise<Result<null>> {
		if (!this.canManage) return err(problem('trust/no-right'));
		this.#replica.write([
			await this.#sign(await this.#device(), { kind: 'invite-revoke', invite: inviteId })
		]);
		return ok(null);
	}

	/**
	 * Removes a member's key. The grants it made stop counting, so the same write re-grants, under
	 * this device's signature, each member that key had granted directly; and the same write carries
	 * the rekey giving every remaining member new keys for the shards the removed key could read, and
	 * withdraws the invites still open (their links carry the old keys).
	 */
	async remove(memberKey: string): Promise<Result<null>> {
		const trust = this.trust;
		const me = this.myKey;
		if (!trust || !me || !this.canManage || memberKey === trust.root || memberKey === me)
			return err(problem('trust/no-right'));
		const device = await this.#device();
		const writes = [await this.#sign(device, { kind: 'revoke', memberKey })];
		for (const s of trust.roles.values()) {
			if (s.issuer !== memberKey || s.memberKey === me) continue;
			if (s.role === 'owner' && this.myRole !== 'owner') continue;
			writes.push(
				await this.#sign(device, { kind: 'grant', member: s.member, memberKey: s.memberKey, role: s.role })
			);
		}
		// Open invite links carry the keys being replaced: withdrawn, so nobody joins the old rooms.
		for (const inv of this.invites)
			if (inv.status === 'open')
				writes.push(await this.#sign(device, { kind: 'invite-revoke', invite: inv.id }));
		const rekey = await this.#rekey?.({
			trust,
			removing: [memberKey],
			roles: [trust.roles.get(memberKey)?.role]
		});
		if (rekey) writes.push(rekey.statement);
		this.#replica.write(writes);
		return ok(null);
	}

	/** Every member: verified ones by key, then those still waiting, removed, or never verified. */
	get rows(): MemberRow[] {
		const trust = this.trust;
		const me = this.myKey;
		const names = new Map(this.#members().map((m) => [m.id, m.name]));
		const rows: MemberRow[] = [];
		const seen = new Set<string>();
		const row = (
			key: string,
			member: string,
			fallback: string,
			r: Omit<MemberRow, 'key' | 'name' | 'fingerprint' | 'self' | 'removable'>,
			removable = false
		) => {
			seen.add(member);
			rows.push({
				key,
				name: names.get(member) ?? (fallback || 'Unnamed member'),
				fingerprint: fingerprint(key),
				self: key === me,
				removable,
				...r
			});
		};
		if (trust) {
			for (const s of trust.roles.values())
				row(
					s.memberKey,
					s.member,
					'',
					{ role: ROLE_WORDS[s.role], status: 'verified', why: '' },
					this.canManage &&
						s.memberKey !== trust.root &&
						s.memberKey !== me &&
						!(s.role === 'owner' && this.myRole !== 'owner')
				);
			for (const c of trust.waiting)
				if (!seen.has(c.member))
					row(c.by, c.member, c.name, {
						role: '',
						status: 'waiting',
						why: 'Waiting for an owner or admin to confirm'
					});
			for (const key of trust.removed) {
				const member = trust.memberOf.get(key) ?? '';
				if (!seen.has(member) || !member)
					row(key, member, 'Removed member', {
						role: '',
						status: 'removed',
						why: 'Removed by an owner or admin'
					});
			}
		}
		for (const m of this.#members())
			if (!seen.has(m.id))
				rows.push({
					key: null,
					name: m.name,
					role: '',
					fingerprint: '',
					status: 'not-verified',
					why: !trust
						? 'This workspace is not secured yet'
						: NOT_COUNTED_WORDS[trust.notCounted.find((x) => x.member === m.id)?.why ?? 'none'],
					self: m.id === this.#entry().memberId,
					removable: false
				});
		return rows;
	}

	/** Invites made in this workspace, newest first, with whether each can still be used. */
	get invites(): InviteRow[] {
		const trust = this.trust;
		if (!trust) return [];
		const now = Date.parse(nowIso());
		const nameOf = new Map([...trust.roles.values()].map((s) => [s.memberKey, s.member]));
		const names = new Map(this.#members().map((m) => [m.id, m.name]));
		return [...trust.invites.values()]
			.sort((a, b) => (a.body.id < b.body.id ? 1 : -1))
			.map((inv) => ({
				id: inv.body.id,
				role: ROLE_WORDS[inv.body.role],
				expiresOn: inv.body.expiresAt.slice(0, 10),
				singleUse: inv.body.singleUse,
				usedBy: inv.usedBy.map((k) => names.get(nameOf.get(k) ?? '') ?? 'a member'),
				status: inv.revoked
					? 'withdrawn'
					: !inv.issuerAuthorized
						? 'issuer-removed'
						: inv.body.singleUse && inv.usedBy.length > 0
							? 'used'
							: Date.parse(inv.body.expiresAt) <= now
								? 'expired'
								: 'open'
			}));
	}

	/** What this device's own status is, for the joined member's notice. */
	get myStatus(): MemberStatus | null {
		const me = this.myKey;
		const trust = this.trust;
		if (!me || !trust) return null;
		if (trust.roles.has(me)) return 'verified';
		if (trust.removed.has(me)) return 'removed';
		const joined = this.#entry().joinedInvite;
		const inv = joined ? trust.invites.get(joined) : undefined;
		if (inv?.revoked) return 'removed';
		return joined ? 'waiting' : 'not-verified';
	}

	/** Whether the invite this device joined through was withdrawn (known once meta has synced). */
	get joinedInviteWithdrawn(): boolean {
		const joined = this.#entry().joinedInvite;
		return !!(joined && this.trust?.invites.get(joined)?.revoked && !this.trust.roles.has(this.myKey ?? ''));
	}

	destroy(): void {
		this.#stop();
	}
}
