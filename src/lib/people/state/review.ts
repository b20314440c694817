// People → Needs review, in words: employment and pay changes, leave entries and leave decisions
// someone wrote over or removed after they were written (none of it applied), naming the person and
// the leave's dates; HR approver entries and person-member links not set by an owner or admin,
// naming the person and the member; never an internal id, key or field path.
import type { HrRewrite, NotCounted, SettingNotCounted } from '$lib/people/sync/replica';

export interface HrReviewItem {
	/** A stable key for the list (not shown). */
	readonly key: string;
	readonly title: string;
	readonly said: string;
}

const DECIDED: Record<string, string> = {
	approved: 'approval',
	rejected: 'rejection',
	cancelled: 'cancellation'
};

export function hrReview(
	rewrites: readonly HrRewrite[],
	person: (personId: string) => string
): HrReviewItem[] {
	return rewrites.map((w) => {
		const whose = w.personId ? person(w.personId) : 'a person this device does not hold';
		const dates = w.start && w.end ? ` (${w.start} to ${w.end})` : '';
		const title =
			w.map === 'history'
				? `${w.area === 'compensation' ? 'A pay change' : 'An employment change'} for ${whose}${
						w.effectiveDate ? `, effective ${w.effectiveDate}` : ''
					}`
				: w.map === 'leave'
					? `Leave for ${whose}${dates}`
					: `The ${DECIDED[w.decided ?? ''] ?? 'decision'} of leave for ${whose}${dates}`;
		const said =
			w.kind === 'removed'
				? 'Removed after it was recorded. Not applied: it still counts.'
				: 'Written over with something else after it was recorded. Not applied: it counts as first recorded.';
		return { key: `${w.map}:${w.key}`, title, said };
	});
}

/** HR facts that do not count because of who signed them (not applied), with who and why. */
export function notCountedReview(
	items: readonly NotCounted[],
	person: (personId: string) => string
): HrReviewItem[] {
	return items.map((n) => {
		const whose = person(n.personId);
		const dates = n.start && n.end ? ` (${n.start} to ${n.end})` : '';
		const title =
			n.map === 'history'
				? `${n.area === 'compensation' ? 'A pay change' : 'An employment change'} for ${whose}${
						n.effectiveDate ? `, effective ${n.effectiveDate}` : ''
					}`
				: n.map === 'leave'
					? `Leave for ${whose}${dates}`
					: `The ${DECIDED[n.decided ?? ''] ?? 'decision'} of leave for ${whose}${dates}`;
		const kept = n.map === 'decisions' ? 'the request keeps its status' : 'it does not count';
		return {
			key: `${n.map}:${n.key}`,
			title,
			said: `${n.signer ? `Signed by ${n.signer}. ` : ''}${n.why} Not applied: ${kept}.`
		};
	});
}

/**
 * HR approver entries and person-member links that do not count (not set by an owner or admin, not
 * signed, or removed without a signed change), naming the person and the member, with who and why.
 */
export function settingsReview(
	items: readonly SettingNotCounted[],
	person: (personId: string) => string,
	member: (memberId: string) => string
): HrReviewItem[] {
	return items.map((n, i) => {
		const who = n.memberId === null ? 'a member' : member(n.memberId);
		const title =
			n.map === 'approvers'
				? n.adds
					? `${who} made an HR approver`
					: `${who} removed as an HR approver`
				: n.adds
					? `The record of ${person(n.personId ?? '')} linked to ${who}`
					: `The record of ${person(n.personId ?? '')} unlinked from ${n.memberId === null ? 'its member' : who}`;
		return {
			key: `settings:${n.map}:${n.key}:${i}`,
			title,
			said: `${n.signer ? `Signed by ${n.signer}. ` : ''}${n.why} Not applied: only an owner or admin can change this.`
		};
	});
}
