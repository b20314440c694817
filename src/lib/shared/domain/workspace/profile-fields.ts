// What each workspace profile field may hold, checked the same way when a form saves it and when the
// meta shard is read (every peer writes that shard, so its values are untrusted). A fiscal-year start is
// a month and day that exists in every year; a base currency is an ISO 4217 code the platform knows; a
// country is one Keel supports; a number format is a BCP 47 tag the platform can format numbers in.
import { daysInMonth } from '../dates';

/** The countries Keel supports, with the currency and fiscal-year start a new workspace proposes. */
export const COUNTRIES: readonly { code: string; name: string; currency: string; fy: string }[] = [
	{ code: 'US', name: 'United States', currency: 'USD', fy: '01-01' },
	{ code: 'GB', name: 'United Kingdom', currency: 'GBP', fy: '04-06' },
	{ code: 'IE', name: 'Ireland', currency: 'EUR', fy: '01-01' },
	{ code: 'CA', name: 'Canada', currency: 'CAD', fy: '01-01' },
	{ code: 'AU', name: 'Australia', currency: 'AUD', fy: '07-01' },
	{ code: 'NZ', name: 'New Zealand', currency: 'NZD', fy: '04-01' },
	{ code: 'DE', name: 'Germany', currency: 'EUR', fy: '01-01' },
	{ code: 'FR', name: 'France', currency: 'EUR', fy: '01-01' },
	{ code: 'NL', name: 'Netherlands', currency: 'EUR', fy: '01-01' }
];

export function isSupportedCountry(x: unknown): x is string {
	return typeof x === 'string' && COUNTRIES.some((c) => c.code === x);
}

const MM_DD = /^(\d\d)-(\d\d)$/;

/**
 * `MM-DD` naming a day that exists in every year. 29 February is refused (it exists one year in
 * four, and a fiscal year must start on the same day every year): the form asks for 02-28 or 03-01.
 */
export function isFiscalYearStart(x: unknown): x is string {
	if (typeof x !== 'string') return false;
	const m = MM_DD.exec(x);
	if (!m) return false;
	const month = Number(m[1]);
	const day = Number(m[2]);
	// 2001 is not a leap year, so 02-29 fails here.
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2001, month);
}

let currencies: ReadonlySet<string> | undefined;

/** A three-letter ISO 4217 code in the platform's list of currencies ("USD", "EUR"; not "XYZ"). */
export function isCurrencyCode(x: unknown): x is string {
	if (typeof x !== 'string' || !/^[A-Z]{3}$/.test(x)) return false;
	currencies ??= new Set(Intl.supportedValuesOf('currency'));
	return currencies.has(x);
}

const localeVerdicts = new Map<string, boolean>();

/** A well-formed BCP 47 tag ("de-DE") the platform can format numbers in. */
export function isNumberLocaleTag(x: unknown): x is string {
	if (typeof x !== 'string' || x === '' || x.length > 35) return false;
	let verdict = localeVerdicts.get(x);
	if (verdict === undefined) {
		try {
			verdict =
				Intl.getCanonicalLocales(x).length === 1 && Intl.NumberFormat.supportedLocalesOf([x]).length === 1;
		} catch {
			verdict = false;
		}
		// Peers choose these strings: remember a few, never an unbounded number.
		if (localeVerdicts.size < 64) localeVerdicts.set(x, verdict);
	}
	return verdict;
}
