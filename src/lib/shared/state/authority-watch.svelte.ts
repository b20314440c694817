// Keeps a replica's verdicts on signed facts in step with the workspace's roles: judges its facts again
// whenever who holds which role, acts as which member, or is named what changes (not on every change to
// the meta shard), and, once the roles are known on a device that holds a key, runs the feature's
// one-time adoption of the facts written before they were signed. Books, Payroll and People share it.
import { untrack } from 'svelte';
import type { TrustState } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import type { Member } from '$lib/shared/sync/meta-doc';
import { background } from './background';

/** Who holds which role as which member (now and before removal), and members' names: one string. */
export function rolesKey(trust: TrustState | null, members: readonly Member[] = []): string {
	if (!trust) return '';
	const now = [...trust.roles].map(([k, s]) => `${k}:${s.role}:${s.member}`).sort();
	const before = [...trust.formerRoles].map(([k, s]) => `${k}:${s.role}:${s.member}`).sort();
	const claimed = [...trust.memberOf].map(([k, m]) => `${k}:${m}`).sort();
	const names = members.map((m) => `${m.id}:${m.name}`).sort();
	return [now, before, claimed, names].map((x) => x.join(',')).join('|');
}

/** Starts watching (inside its own effect root); returns the cleanup. */
export function watchAuthority(p: {
	trust: () => TrustState | null;
	members: () => readonly Member[];
	device: () => DeviceKey | undefined;
	/** Judges the replica's signed facts again and tells its screens. */
	rejudge: () => void;
	/** The one-time adoption of facts written before they were signed (it decides whether to write). */
	adopt: (device: DeviceKey, trust: TrustState) => Promise<unknown>;
	/** What the adoption does, in words, for a failure's report. */
	doing: string;
}): () => void {
	let adopting = false;
	let judgedWith: string | null = null;
	return $effect.root(() => {
		$effect(() => {
			const trust = p.trust();
			const key = rolesKey(trust, p.members());
			// Untracked: re-judging refreshes the screens' own state, which must not make this effect
			// depend on (and re-run for) what it writes.
			if (key !== judgedWith) {
				judgedWith = key;
				untrack(() => p.rejudge());
			}
			const device = p.device();
			if (!trust || !device || adopting) return;
			adopting = true;
			background(
				p.adopt(device, trust).finally(() => (adopting = false)),
				p.doing
			);
		});
	});
}
