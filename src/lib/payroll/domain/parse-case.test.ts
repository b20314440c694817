// parsePayCase reads the UK loan fields: valid input passes through, bad input is refused naming the field.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../shared/domain';
import { parsePayCase } from './parse-case';

const uk = {
	jurisdiction: 'UK',
	taxYear: '2025-26',
	frequency: 'monthly',
	period: 1,
	gross: '3000.00',
	taxCode: '1257L'
};

describe('parsePayCase: student and postgraduate loans', () => {
	it('takes studentLoans and postgraduateLoan on a UK case', () => {
		const c = unwrap(parsePayCase({ ...uk, studentLoans: ['plan1', 'plan2'], postgraduateLoan: true }));
		expect(c.jurisdiction === 'UK' && c.studentLoans).toEqual(['plan1', 'plan2']);
		expect(c.jurisdiction === 'UK' && c.postgraduateLoan).toBe(true);
	});

	it('leaves them out when not given', () => {
		const c = unwrap(parsePayCase(uk));
		expect('studentLoans' in c || 'postgraduateLoan' in c).toBe(false);
	});

	it.each([
		[{ studentLoans: 'plan2' }, 'studentLoans: expected an array of plan1|plan2|plan4|plan5'],
		[{ studentLoans: ['plan3'] }, 'studentLoans[0]: expected plan1|plan2|plan4|plan5'],
		[{ studentLoans: ['plan2', 2] }, 'studentLoans[1]: expected plan1|plan2|plan4|plan5'],
		[
			{ studentLoans: ['plan2', 'plan2'] },
			'studentLoans[1]: expected each plan once (plan2 is listed twice)'
		],
		[{ postgraduateLoan: 'yes' }, 'postgraduateLoan: expected true or false']
	])('refuses %j', (extra, message) => {
		const r = parsePayCase({ ...uk, ...extra });
		expect(!r.ok && r.error.message).toBe(message);
	});

	it('refuses loans on a US case', () => {
		const r = parsePayCase({
			jurisdiction: 'US',
			taxYear: 2026,
			frequency: 'monthly',
			gross: '3000',
			w4: { version: 2020, filingStatus: 'single' },
			studentLoans: ['plan2']
		});
		expect(!r.ok && r.error.message).toBe(
			'studentLoans: UK student and postgraduate loans apply to UK cases only'
		);
	});
});
