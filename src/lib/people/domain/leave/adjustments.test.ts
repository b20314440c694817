import { describe, expect, it } from 'vitest';
import type { DecimalString, IsoDate } from '../../../shared/domain';
import { balanceChanges, checkBalanceChange, MAX_REASON_LENGTH } from './adjustments';
import { request } from './leave-fixtures';
import type { LeaveAdjustment, LeaveGrant } from './types';

const grant = (over: Partial<LeaveGrant> = {}): LeaveGrant => ({
	kind: 'grant',
	id: 'g1',
	policyId: 'annual',
	date: '2026-03-01' as IsoDate,
	days: '1.5' as DecimalString,
	reason: 'Worked the bank holiday',
	...over
});
const adjustment = (over: Partial<LeaveAdjustment> = {}): LeaveAdjustment => ({
	kind: 'adjustment',
	id: 'a1',
	policyId: 'annual',
	date: '2026-03-01' as IsoDate,
	days: '-2' as DecimalString,
	reason: 'Correction: days taken before Keel',
	...over
});

describe('checkBalanceChange', () => {
	it('accepts a positive grant and a signed adjustment, normalising days and trimming the reason', () => {
		const g = checkBalanceChange(
			grant({ days: ' 1.50 ' as DecimalString, reason: '  Worked the bank holiday ' })
		);
		expect(g.ok && g.value).toMatchObject({ days: '1.5', reason: 'Worked the bank holiday' });
		expect(checkBalanceChange(adjustment()).ok).toBe(true);
		expect(checkBalanceChange(adjustment({ days: '3' as DecimalString })).ok).toBe(true);
	});

	it('refuses, naming the field: no reason, zero, a negative grant, text days, a bad date, a long reason', () => {
		const cases: [LeaveGrant | LeaveAdjustment, string, RegExp][] = [
			[grant({ reason: '  ' }), 'reason', /Grant reason is required/],
			[adjustment({ days: '0' as DecimalString }), 'days', /must not be zero/],
			[grant({ days: '-1' as DecimalString }), 'days', /Grant days must be positive/],
			[adjustment({ days: 'two' as DecimalString }), 'days', /must be a number/],
			[adjustment({ days: '0.00001' as DecimalString }), 'days', /4 decimal places/],
			[grant({ date: '2026-02-30' as IsoDate }), 'date', /date must be YYYY-MM-DD/],
			[adjustment({ reason: 'x'.repeat(MAX_REASON_LENGTH + 1) }), 'reason', /longer than 500/]
		];
		for (const [change, field, message] of cases) {
			const r = checkBalanceChange(change);
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.details?.['field']).toBe(field);
				expect(r.error.message).toMatch(message);
			}
		}
	});
});

describe('balanceChanges', () => {
	it("lists one policy's grants and adjustments by date then id, whatever the input order", () => {
		const events = [
			adjustment({ id: 'b', date: '2026-04-01' as IsoDate }),
			grant({ id: 'z', date: '2026-01-01' as IsoDate }),
			grant({ id: 'a', date: '2026-04-01' as IsoDate }),
			grant({ id: 'other', policyId: 'sick' }),
			request('r', '2026-05-04', '2026-05-04')
		];
		const ids = balanceChanges(events, 'annual').map((e) => e.id);
		expect(ids).toEqual(['z', 'a', 'b']);
		expect(balanceChanges([...events].reverse(), 'annual').map((e) => e.id)).toEqual(ids);
	});
});
