import { describe, expect, it } from 'vitest';
import { unwrap } from '../../shared/domain';
import { instantiateChecklist, LEAVER_TEMPLATE, NEW_HIRE_TEMPLATE } from './checklists';
import { d } from './test-fixtures';

const roles = { manager: 'mgr-1', hr: 'hr-1', it: 'it-1' };

describe('instantiateChecklist', () => {
	it('turns the new-hire template into dated, assigned task drafts linked to the person', () => {
		const drafts = unwrap(
			instantiateChecklist(NEW_HIRE_TEMPLATE, { id: 'emp-7' }, { startDate: d('2025-03-03') }, roles)
		);
		expect(drafts.map((t) => t.title)).toEqual([
			'Contract signed',
			'Payroll details',
			'Equipment ready',
			'Accounts created',
			'First-week plan',
			'Complete your profile'
		]);
		expect(drafts[0]).toMatchObject({
			assignee: 'hr-1',
			dueDate: '2025-02-17',
			links: [{ kind: 'person', id: 'emp-7' }]
		});
		expect(drafts.find((t) => t.source.itemId === 'welcome')).toMatchObject({
			assignee: 'emp-7',
			dueDate: '2025-03-05'
		});
		expect(drafts.find((t) => t.source.itemId === 'equipment')?.assignee).toBe('it-1');
	});
	it('dates leaver items from the end date', () => {
		const drafts = unwrap(
			instantiateChecklist(
				LEAVER_TEMPLATE,
				{ id: 'emp-7' },
				{ startDate: d('2020-01-01'), endDate: d('2025-03-31') },
				roles
			)
		);
		expect(drafts.find((t) => t.source.itemId === 'access')?.dueDate).toBe('2025-03-31');
		expect(drafts.find((t) => t.source.itemId === 'final-pay')?.dueDate).toBe('2025-03-26');
		expect(drafts).toHaveLength(5);
	});
	it('reports a missing role or date by item instead of dropping tasks', () => {
		const r = instantiateChecklist(
			LEAVER_TEMPLATE,
			{ id: 'emp-7' },
			{ startDate: d('2020-01-01') },
			{ hr: 'hr-1' }
		);
		expect(r.ok).toBe(false);
		expect(JSON.stringify(r)).toContain('endDate is needed');
		const r2 = instantiateChecklist(
			NEW_HIRE_TEMPLATE,
			{ id: 'emp-7' },
			{ startDate: d('2025-03-03') },
			{ hr: 'hr-1', manager: 'm' }
		);
		expect(JSON.stringify(r2)).toContain('roleAssignees.it');
	});
});
