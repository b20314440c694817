// The entry a save or import writes: it replaces what stands for the person and year (all of it when
// entries disagree), and figures equal to what already counts write nothing.
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '$lib/shared/domain';
import type { OpeningFigures, OpeningYtd } from '$lib/payroll/domain/opening';
import { openingEntry } from './openings';

const D = (s: string) => s as DecimalString;
const figures = (futa: string): OpeningFigures => ({
	jurisdiction: 'US',
	us: {
		wages: D('0.00'),
		federalIncomeTax: D('0.00'),
		socialSecurityWages: D('0.00'),
		socialSecurityTax: D('0.00'),
		medicareWages: D('0.00'),
		medicareTax: D('0.00'),
		futaWages: D(futa),
		supplementalWages: D('0.00')
	}
});
const entry = (id: string, futa: string, replaces: string[] = []): OpeningYtd => ({
	schemaVersion: 1,
	id,
	personId: 'p1',
	taxYear: '2026',
	...figures(futa),
	replaces,
	recordedAt: 'x',
	recordedBy: 'm'
});
const write = (existing: OpeningYtd[], futa: string) =>
	openingEntry({
		existing,
		personId: 'p1',
		taxYear: '2026',
		figures: figures(futa),
		id: 'new',
		at: 'now',
		by: 'me'
	});

describe('openingEntry', () => {
	it('a first entry replaces nothing; a correction replaces the standing one', () => {
		expect(write([], '7000.00')?.replaces).toEqual([]);
		expect(write([entry('a', '1.00'), entry('b', '2.00', ['a'])], '7000.00')?.replaces).toEqual(['b']);
	});
	it('disagreeing entries are all replaced; the same figures again write nothing', () => {
		const split = [entry('a', '1.00'), entry('b', '2.00', ['a']), entry('c', '3.00', ['a'])];
		expect(write(split, '7000.00')?.replaces).toEqual(['b', 'c']);
		expect(write([entry('a', '7000.00')], '7000.00')).toBeNull();
		// Another year or person is untouched.
		expect(
			write(
				[
					{ ...entry('a', '1.00'), taxYear: '2025' },
					{ ...entry('b', '1.00'), personId: 'p2' }
				],
				'5.00'
			)?.replaces
		).toEqual([]);
	});
});
