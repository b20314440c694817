// Writing who holds HR authority (sealed-settings.ts): making a member an HR approver or not, and
// linking a person to a member or unlinking. In a workspace with member keys the value is sealed by
// this device first (signing is asynchronous: written a moment later, already checked), and removing
// is a sealed tombstone, never a Y.Map delete; a device that cannot sign writes nothing. Without
// member keys both maps are written as before (plain values, a delete to remove). Also the one
// adoption of the values an older build wrote, by an owner or admin device (sealed-hr.ts's mechanism,
// a second record in the same adoptions map).
import type * as Y from 'yjs';
import type { TrustState } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import { factDigest, OWNERS_AND_ADMINS, sealThenWrite, writeAdoption } from '$lib/shared/sync/fact-authority';
import { mayAuthor, sealOf } from '$lib/shared/sync/fact-seal';
import { HR_ADOPTIONS, hrAdoptionsMap, hrFactContext } from './sealed-hr';
import { SEALED_SETTINGS, type SealedSettings, type SealedSetting } from './sealed-settings';

type Signer = { device: DeviceKey; workspaceId: string } | null;

/** One change: make `key` (a member) an approver or not; link `key` (a person) to a member or none. */
export type SettingChange =
	| { readonly map: 'approvers'; readonly key: string; readonly approver: boolean; readonly at: string }
	| { readonly map: 'members'; readonly key: string; readonly memberId: string | null };

const queues = new WeakMap<SealedSettings, Promise<void>>();

/**
 * Writes the change now (no authority: plain, returns undefined), after sealing (returns when
 * written), or not at all (it changes nothing as the maps count, or this device cannot sign).
 */
export function writeSetting(
	doc: Y.Doc,
	settings: SealedSettings,
	signer: Signer,
	change: SettingChange
): Promise<void> | undefined {
	const map = doc.getMap<unknown>(change.map);
	const auth = settings.authority;
	if (!auth) {
		if (change.map === 'approvers') {
			if (change.approver && !map.has(change.key)) map.set(change.key, change.at);
			else if (!change.approver && map.has(change.key)) map.delete(change.key);
		} else if (change.memberId) map.set(change.key, change.memberId);
		else map.delete(change.key);
		return undefined;
	}
	if (!signer) return undefined;
	const value =
		change.map === 'approvers' ? { approver: change.approver, at: change.at } : { memberId: change.memberId };
	// Read as it counts once checked: a value that already says this is not written again.
	const unchanged = () =>
		change.map === 'approvers'
			? settings.approvers().includes(change.key) === change.approver
			: settings.memberOf(change.key) === change.memberId;
	// One change after another per replica, so a quick toggle back reads the change before it.
	const done = (queues.get(settings) ?? Promise.resolve())
		.then(() => settings.settled())
		.then(() =>
			unchanged()
				? undefined
				: sealThenWrite({
						device: signer.device,
						ctx: hrFactContext(signer.workspaceId, change.map),
						key: change.key,
						value,
						checker: auth.checker,
						write: (sealed) => map.set(change.key, sealed)
					})
		)
		.catch(() => undefined);
	queues.set(settings, done);
	return done;
}

/** Adoption ids of the settings adoption start with this (the HR facts' adoption has a bare id). */
export const SETTINGS_ADOPTION = 'settings:';

/** The unsealed values an older build wrote, as they stand now: `map:key` -> digest. */
function unsealedSettings(doc: Y.Doc): Map<string, string> {
	const out = new Map<string, string>();
	for (const name of SEALED_SETTINGS) {
		const map = doc.getMap<unknown>(name);
		for (const [key, value] of map.entries())
			if (!sealOf(value)) out.set(`${name satisfies SealedSetting}:${key}`, factDigest(value));
	}
	return out;
}

/**
 * Writes this owner or admin device's one adoption of the approvers and links an older build wrote
 * (unsealed), unless a settings adoption claimed by an owner or admin is there already. True when it
 * wrote one. Its seal is checked on read like every adoption (sealed-hr.ts adoptedHr).
 */
export function adoptUnsealedSettings(
	doc: Y.Doc,
	device: DeviceKey,
	workspaceId: string,
	trust: TrustState,
	id: string
): Promise<boolean> {
	const adoptions = hrAdoptionsMap(doc);
	return writeAdoption({
		map: adoptions,
		ctx: hrFactContext(workspaceId, HR_ADOPTIONS),
		device,
		trust,
		id: `${SETTINGS_ADOPTION}${id}`,
		held: () => unsealedSettings(doc),
		closed: () =>
			[...adoptions.entries()].some(([key, value]) => {
				const by = sealOf(value)?.by;
				return (
					key.startsWith(SETTINGS_ADOPTION) && by !== undefined && mayAuthor(trust, by, OWNERS_AND_ADMINS)
				);
			})
	});
}
