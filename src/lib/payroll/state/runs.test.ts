import { describe, expect, it } from 'vitest';
import type { Employee } from '$lib/people/domain';
import { isoDate } from '$lib/shared/domain';
import { newDraft, withRunInput } from './runs';

const run = (amount: string) =>
	newDraft(
		{
			scheduleId: 's1',
			kind: 'bonus',
			period: { start: isoDate(2026, 6, 1), end: isoDate(2026, 6, 30), payDate: isoDate(2026, 6, 30) },
			personIds: ['p1'],
			amounts: { p1: amount }
		},
		'me',
		(id) => (id === 'p1' ? 'Ada Okafor' : 'this person')
	);

describe('pay run amounts beyond a cent are refused, never rounded', () => {
	it('an off-cycle bonus to the tenth of a cent names the person', () => {
		const r = run('250.005');
		expect(r.ok).toBe(false);
		expect(r.ok ? '' : r.error.message).toBe(
			'Bonus for Ada Okafor must be a number of 0 or more with at most 2 decimals, like 250.00; Keel does not round pay.'
		);
		expect(run('250.50').ok).toBe(true);
		expect(run('250.500').ok).toBe(false);
		expect(run('x').ok ? '' : 'refused').toBe('refused');
	});

	it('hours and one-off inputs past 2 decimals are refused with the field and the person', () => {
		const draft = run('100');
		if (!draft.ok) throw new Error('setup');
		const ada = { legalName: { given: 'Ada', family: 'Okafor' } } as unknown as Employee;
		const r = withRunInput(draft.value, 'hours', 'p1', '37.125', ada);
		expect(r.ok ? '' : r.error.message).toMatch(
			/^Hours for .+ must be a number of 0 or more with at most 2 decimals/
		);
		expect(withRunInput(draft.value, 'hours', 'p1', '37.25', ada).ok).toBe(true);
	});
});
