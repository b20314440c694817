// Invite links carry the workspace id, the granted shards' room ids and secrets, and the signaling
// servers, all inside the URL #fragment, which browsers never send to any server. Secrets are at
// least 128 random bits from the platform CSPRNG.
import { v } from '../schema';
import type { ShardKey, ShardName } from './types';
import { err, ok, type Result } from '../result';
import { problem } from '../messages';
import { canonicalJson } from '../identity/canonical';
import { signedStatement, type InviteBody, type InviteRole } from '../identity/statements';
import { sha256Bytes } from '../sha256';

export type Grant = 'tasks' | 'books' | 'people' | 'all';

export const GRANTS: Record<Grant, { label: string; shards: ShardName[] }> = {
	tasks: { label: 'Tasks only', shards: ['meta', 'tasks'] },
	books: { label: 'Books (and Tasks)', shards: ['meta', 'tasks', 'books'] },
	people: { label: 'People & Payroll (and Tasks)', shards: ['meta', 'tasks', 'people'] },
	all: { label: 'Everything', shards: ['meta', 'tasks', 'books', 'people'] }
};

/** The role each kind of access gives its member ("Everything" makes an admin). */
export const GRANT_ROLE: Record<Grant, InviteRole> = {
	tasks: 'tasks',
	books: 'books',
	people: 'people',
	all: 'admin'
};

export interface Invite {
	v: 1;
	workspaceId: string;
	name: string;
	grant: Grant;
	shards: Partial<Record<ShardName, ShardKey>>;
	signaling: string[];
	/** The issuer's signed statement of this invite (checked on join; an unsigned link is refused). */
	seal?: { body: InviteBody; sig: string };
}

/** SHA-256 of the shard keys' canonical JSON: what a signed invite covers instead of the secrets. */
export function keysDigest(shards: Partial<Record<ShardName, ShardKey>>): string {
	return sha256Bytes(new TextEncoder().encode(canonicalJson(shards)));
}

/** 128 bits or more from the platform's CSPRNG, as URL-safe base64. */
export function randomKey(bytes = 18): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return toBase64Url(buf);
}

export function toBase64Url(bytes: Uint8Array): string {
	// In slices: document files in backups run to megabytes, too many arguments for one call.
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
	const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
	const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

export function makeInvite(args: {
	workspaceId: string;
	name: string;
	grant: Grant;
	keys: Partial<Record<ShardName, ShardKey>>;
	signaling: string[];
}): Invite {
	const shards: Partial<Record<ShardName, ShardKey>> = {};
	for (const s of GRANTS[args.grant].shards) {
		const k = args.keys[s];
		if (k) shards[s] = k;
	}
	return {
		v: 1,
		workspaceId: args.workspaceId,
		name: args.name,
		grant: args.grant,
		shards,
		signaling: args.signaling
	};
}

export function inviteUrl(origin: string, invite: Invite): string {
	return `${origin}/join#${toBase64Url(new TextEncoder().encode(JSON.stringify(invite)))}`;
}

/** What an invite's JSON must hold before its keys are read (newer fields are let through). */
const inviteSchema = v.looseObject({
	v: v.literal(1),
	workspaceId: v.string(),
	name: v.string(),
	shards: v.record(v.string(), v.unknown())
});
const grantSchema = v.picklist(['tasks', 'books', 'people', 'all'] satisfies Grant[]);
/** A shard's room id and secret, each long enough to be safe (at least 128 bits of base64). */
const shardKeySchema = v.object({
	room: v.pipe(v.string(), v.minLength(22)),
	secret: v.pipe(v.string(), v.minLength(22))
});

/** The invite a link carries, or why it cannot be used (codes `invite/…`, worded in messages.ts). */
export function parseInviteFragment(fragment: string): Result<Invite> {
	const raw = fragment.replace(/^#/, '');
	if (!raw) return err(problem('invite/empty'));
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(raw)));
	} catch {
		return err(problem('invite/damaged'));
	}
	const head = v.safeParse(inviteSchema, data);
	if (!head.success) return err(problem('invite/foreign'));
	const d = head.output;
	const grant = v.safeParse(grantSchema, d.grant);
	if (!grant.success) return err(problem('invite/unknown-grant'));
	const shards: Partial<Record<ShardName, ShardKey>> = {};
	for (const s of GRANTS[grant.output].shards) {
		if (!d.shards[s]) continue;
		const k = v.safeParse(shardKeySchema, d.shards[s]);
		if (!k.success) return err(problem('invite/weak-key', { shard: s }));
		shards[s] = k.output;
	}
	if (!shards.meta) return err(problem('invite/no-workspace-key'));
	const signaling = Array.isArray(d.signaling)
		? d.signaling.filter((u): u is string => typeof u === 'string' && /^wss?:\/\//.test(u))
		: [];
	const invite: Invite = {
		v: 1,
		workspaceId: d.workspaceId,
		name: d.name,
		grant: grant.output,
		shards,
		signaling
	};
	if (d.seal === undefined) return ok(invite);
	const seal = v.safeParse(signedStatement, d.seal);
	if (!seal.success || seal.output.body.kind !== 'invite') return err(problem('invite/bad-signature'));
	return ok({ ...invite, seal: { body: seal.output.body, sig: seal.output.sig } });
}
