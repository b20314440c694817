import { describe, expect, it } from 'vitest';
import { clashWords } from './clash';

const names: Record<string, string> = { sam: 'Sam', me: 'Alex', kim: 'Kim' };
const name = (id: string) => names[id] ?? 'A former member';
const lost = (by: string, sameFigures = false) => ({
	attemptId: `${by}-attempt`,
	finalizedBy: by,
	finalizedAt: '2026-02-01T00:00:00Z',
	sameFigures
});

describe('words for concurrent finalizations', () => {
	it('tells the teammate whose finalization lost that their payslips were not issued', () => {
		expect(clashWords({ keptBy: 'sam', superseded: [lost('me')], me: 'me', name })).toBe(
			'Sam finalized this run at the same time; their figures were kept. Your payslips were not issued.'
		);
		expect(clashWords({ keptBy: 'sam', superseded: [lost('me', true)], me: 'me', name })).toBe(
			'Sam finalized this run at the same time with the same figures; theirs was kept.'
		);
	});
	it('tells the teammate whose figures were kept, and anyone else, who else finalized', () => {
		expect(clashWords({ keptBy: 'me', superseded: [lost('sam'), lost('kim')], me: 'me', name })).toBe(
			'Sam, Kim also finalized this run at the same time; your figures were kept and theirs were not issued.'
		);
		expect(clashWords({ keptBy: 'sam', superseded: [lost('kim')], me: 'me', name })).toBe(
			'Kim also finalized this run at the same time; the figures Sam finalized were kept.'
		);
		expect(clashWords({ keptBy: 'me', superseded: [lost('me')], me: 'me', name })).toContain('two devices');
		expect(clashWords({ keptBy: 'me', superseded: [lost('sam', true)], me: 'me', name })).toBe(
			'Sam also finalized this run at the same time with the same figures.'
		);
	});
	it('says nothing when only one finalization exists', () => {
		expect(clashWords({ keptBy: 'sam', superseded: [], me: 'me', name })).toBeNull();
	});
});
