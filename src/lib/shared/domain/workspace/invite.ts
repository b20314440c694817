// Invite links carry the workspace id, the granted shards' room ids and secrets, and the signaling
// servers, all inside the URL #fragment, which browsers never send to any server. Secrets are at
// least 128 random bits from the platform CSPRNG.
import type { ShardKey, ShardName } from './types';
import { err, ok, type Result } from '../result';
import { problem } from '../messages';

export type Grant = 'tasks' | 'books' | 'people' | 'all';

export const GRANTS: Record<Grant, { label: string; shards: ShardName[] }> = {
	tasks: { label: 'Tasks only', shards: ['meta', 'tasks'] },
	books: { label: 'Books (and Tasks)', shards: ['meta', 'tasks', 'books'] },
	people: { label: 'People & Payroll (and Tasks)', shards: ['meta', 'tasks', 'people'] },
	all: { label: 'Everything', shards: ['meta', 'tasks', 'books', 'people'] }
};

export interface Invite {
	v: 1;
	workspaceId: string;
	name: string;
	grant: Grant;
	shards: Partial<Record<ShardName, ShardKey>>;
	signaling: string[];
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
	const d = data as Partial<Invite>;
	if (d?.v !== 1 || typeof d.workspaceId !== 'string' || typeof d.name !== 'string' || !d.shards)
		return err(problem('invite/foreign'));
	if (!d.grant || !(d.grant in GRANTS)) return err(problem('invite/unknown-grant'));
	const shards: Partial<Record<ShardName, ShardKey>> = {};
	for (const s of GRANTS[d.grant].shards) {
		const k = d.shards[s];
		if (!k) continue;
		if (
			typeof k.room !== 'string' ||
			typeof k.secret !== 'string' ||
			k.room.length < 22 ||
			k.secret.length < 22
		)
			return err(problem('invite/weak-key', { shard: s }));
		shards[s] = { room: k.room, secret: k.secret };
	}
	if (!shards.meta) return err(problem('invite/no-workspace-key'));
	const signaling = Array.isArray(d.signaling)
		? d.signaling.filter((u): u is string => typeof u === 'string' && /^wss?:\/\//.test(u))
		: [];
	return ok({ v: 1, workspaceId: d.workspaceId, name: d.name, grant: d.grant, shards, signaling });
}
