// People → Needs review in words for HR approver entries and person-member links that do not count:
// the member and the person by name, who signed and why, and never an internal id or map name.
import { describe, expect, it } from 'vitest';
import type { SettingNotCounted } from '$lib/people/sync/replica';
import { settingsReview } from './review';

const PEOPLE: Record<string, string> = { p1: 'Dana Ruiz' };
const MEMBERS: Record<string, string> = { 'm-mallory': 'Mallory', 'm-ada': 'Ada' };
const words = (items: SettingNotCounted[]) =>
	settingsReview(
		items,
		(id) => PEOPLE[id] ?? 'a person this device does not hold',
		(id) => MEMBERS[id] ?? 'Former member'
	);

describe('settingsReview', () => {
	it('names the member and the person, with who signed and why', () => {
		const out = words([
			{
				map: 'approvers',
				key: 'm-mallory',
				personId: null,
				memberId: 'm-mallory',
				adds: true,
				signer: 'Mallory (People & Payroll)',
				why: 'Made an HR approver by someone who is not an owner or admin.'
			},
			{
				map: 'approvers',
				key: 'm-ada',
				personId: null,
				memberId: 'm-ada',
				adds: false,
				signer: null,
				why: 'Removed without a signed change (by an edited or older copy of Keel).'
			},
			{
				map: 'members',
				key: 'p1',
				personId: 'p1',
				memberId: null,
				adds: false,
				signer: 'Mallory (People & Payroll)',
				why: 'Unlinked from its member by someone who is not an owner or admin.'
			},
			{
				map: 'members',
				key: 'p1',
				personId: 'p1',
				memberId: 'm-ada',
				adds: true,
				signer: null,
				why: 'Not signed (written by an edited or older copy of Keel).'
			}
		]);
		expect(out.map((o) => [o.title, o.said])).toEqual([
			[
				'Mallory made an HR approver',
				'Signed by Mallory (People & Payroll). Made an HR approver by someone who is not an owner or admin. Not applied: only an owner or admin can change this.'
			],
			[
				'Ada removed as an HR approver',
				'Removed without a signed change (by an edited or older copy of Keel). Not applied: only an owner or admin can change this.'
			],
			[
				'The record of Dana Ruiz unlinked from its member',
				'Signed by Mallory (People & Payroll). Unlinked from its member by someone who is not an owner or admin. Not applied: only an owner or admin can change this.'
			],
			[
				'The record of Dana Ruiz linked to Ada',
				'Not signed (written by an edited or older copy of Keel). Not applied: only an owner or admin can change this.'
			]
		]);
		// Unique keys for the list; no internal id in what is shown.
		expect(new Set(out.map((o) => o.key)).size).toBe(4);
		for (const o of out) expect(`${o.title} ${o.said}`).not.toMatch(/m-|p1|approvers|members/);
	});
});
