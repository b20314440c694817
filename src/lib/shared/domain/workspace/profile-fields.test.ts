// The profile field checks, as forms and the meta shard's reader apply them: real month-days (never
// 29 February), ISO 4217 codes the platform knows, supported countries, and BCP 47 tags it accepts.
import { describe, expect, it } from 'vitest';
import { isCurrencyCode, isFiscalYearStart, isNumberLocaleTag, isSupportedCountry } from './profile-fields';
import { profileFieldError, profileProblems, readProfileFields } from './records';

describe('profile field checks', () => {
	it('accepts a fiscal-year start only when the day exists every year', () => {
		for (const ok of ['01-01', '04-06', '07-01', '02-28', '12-31', '04-30'])
			expect(isFiscalYearStart(ok), ok).toBe(true);
		for (const bad of ['13-40', '00-10', '04-31', '02-29', '02-30', '1-01', '01-1', '0101', '', 101, null])
			expect(isFiscalYearStart(bad), String(bad)).toBe(false);
	});
	it('accepts ISO 4217 codes the platform knows, in capitals', () => {
		for (const ok of ['USD', 'GBP', 'EUR', 'JPY', 'BHD']) expect(isCurrencyCode(ok), ok).toBe(true);
		for (const bad of ['XYZ', 'usd', 'US', 'DOLLARS', '', 7])
			expect(isCurrencyCode(bad), String(bad)).toBe(false);
	});
	it('accepts only supported countries', () => {
		expect(isSupportedCountry('GB')).toBe(true);
		expect(isSupportedCountry('ZZ')).toBe(false);
		expect(isSupportedCountry('gb')).toBe(false);
	});
	it('accepts BCP 47 tags the platform formats numbers in', () => {
		for (const ok of ['en-US', 'de-DE', 'fr-FR', 'en-IN', 'de']) expect(isNumberLocaleTag(ok), ok).toBe(true);
		for (const bad of ['not a tag!', '', 'en_US', '12-34', 'x'.repeat(50), 3])
			expect(isNumberLocaleTag(bad), String(bad)).toBe(false);
	});
});

describe('stored profile', () => {
	it('reads unsound fields as defaults and lists each, leaving absent fields alone', () => {
		const stored = {
			name: 'Acme',
			country: 'ZZ',
			baseCurrency: 'XYZ',
			fiscalYearStart: '13-40',
			numberLocale: 'not a tag!',
			address: 12
		};
		expect(readProfileFields(stored)).toEqual({
			name: 'Acme',
			country: 'US',
			baseCurrency: 'USD',
			fiscalYearStart: '01-01',
			createdAt: '',
			address: '',
			numberLocale: 'en-US'
		});
		expect(profileProblems(stored).map((p) => p.field)).toEqual([
			'country',
			'baseCurrency',
			'fiscalYearStart',
			'address',
			'numberLocale'
		]);
		expect(profileProblems({ name: 'Acme', fiscalYearStart: '04-06', baseCurrency: 'GBP' })).toEqual([]);
	});
	it('words form errors by label, never by key', () => {
		expect(profileFieldError('fiscalYearStart', '02-29')).toMatch(/^Fiscal year start: .*02-28 or 03-01/);
		expect(profileFieldError('baseCurrency', 'XYZ')).toMatch(/^Base currency: /);
		expect(profileFieldError('baseCurrency', 'GBP')).toBeUndefined();
	});
});
