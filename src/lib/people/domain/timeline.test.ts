import { describe, expect, it } from 'vitest';
import { personTimeline } from './timeline';
import type { Employment } from './employment';
import type { Compensation } from './compensation';
import { compensation, employment, fact, n } from './test-fixtures';

describe('personTimeline', () => {
	const employmentHistory = [
		fact<Employment>('e1', '2025-01-06', '2025-01-02T09:00:00Z', employment(), 'hr-ann'),
		fact<Employment>(
			'e2',
			'2025-07-01',
			'2025-06-20T09:00:00Z',
			{ jobTitle: 'Senior Engineer', department: 'Engineering' },
			'hr-bob'
		)
	];
	const compensationHistory = [
		fact<Compensation>('c1', '2025-01-06', '2025-01-02T09:00:01Z', compensation()),
		fact<Compensation>('c2', '2025-03-01', '2025-05-10T14:00:00Z', {
			pay: { kind: 'salaried', annualAmount: n('55000') }
		})
	];
	const events = personTimeline({
		personId: 'emp-1',
		histories: { employment: employmentHistory, compensation: compensationHistory }
	});

	it('records who changed which field from what to what', () => {
		const promo = events.find((e) => e.factId === 'e2');
		expect(promo).toMatchObject({
			field: 'jobTitle',
			from: 'Engineer',
			to: 'Senior Engineer',
			recordedBy: 'hr-bob',
			effectiveDate: '2025-07-01',
			backdated: false
		});
	});
	it('skips fields a fact sets to the value they already had', () => {
		expect(events.filter((e) => e.factId === 'e2').map((e) => e.field)).toEqual(['jobTitle']);
	});
	it('marks a back-dated raise and shows the old pay', () => {
		const raise = events.find((e) => e.factId === 'c2');
		expect(raise).toMatchObject({
			backdated: true,
			from: { kind: 'salaried', annualAmount: '50000' },
			to: { kind: 'salaried', annualAmount: '55000' }
		});
	});
	it('orders events by when they were recorded, whatever the input order', () => {
		const reversed = personTimeline({
			personId: 'emp-1',
			histories: {
				compensation: [...compensationHistory].reverse(),
				employment: [...employmentHistory].reverse()
			}
		});
		expect(reversed).toEqual(events);
		expect(events.map((e) => e.factId).slice(-2)).toEqual(['c2', 'e2']);
		expect(events[0]?.from).toBeNull();
	});
});
