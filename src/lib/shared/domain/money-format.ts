// The one way money is shown to people: an exact decimal string laid out by Intl.NumberFormat in the
// workspace's number locale ("1,234.56", "1.234,56", "12,34,567.00"), next to its commodity. Invariant:
// the digits shown are the digits stored; a value never passes through a JS number and is never
// rounded (places written beyond the currency's minor unit are kept, short ones are padded with zeros).
// Journal files are not display: the ledger's `formatAmount` writes those.
import { withCommodity } from './commodity';
import { minorUnits } from './currency';

/** The locale amounts are shown in until a workspace picks another (Keel's historical output). */
export const DEFAULT_NUMBER_LOCALE = 'en-US';

/** Number formats a workspace can choose, each with how it writes one thousand two hundred and more. */
export const NUMBER_LOCALES: readonly { readonly code: string; readonly label: string }[] = [
	{ code: 'en-US', label: 'English (US): 1,234,567.89' },
	{ code: 'en-GB', label: 'English (UK): 1,234,567.89' },
	{ code: 'en-IN', label: 'English (India): 12,34,567.89' },
	{ code: 'de-DE', label: 'German: 1.234.567,89' },
	{ code: 'fr-FR', label: 'French: 1 234 567,89' }
];

export function isNumberLocale(code: string): boolean {
	return NUMBER_LOCALES.some((l) => l.code === code);
}

/** Intl.NumberFormat keeps at most 20 fraction digits; longer fractions are put in by hand. */
const MAX_INTL_PLACES = 20;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** The text forms Intl.NumberFormat formats exactly, as decimals rather than floats. */
function isNumericLiteral(text: string): text is `${number}` {
	return NUMERIC.test(text);
}

const formats = new Map<string, Intl.NumberFormat>();

/** A locale Intl knows, else the default (a peer may have written a tag this browser lacks). */
function usableLocale(locale: string): string {
	try {
		return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : DEFAULT_NUMBER_LOCALE;
	} catch {
		return DEFAULT_NUMBER_LOCALE;
	}
}

function numberFormat(locale: string, places: number, grouping: boolean): Intl.NumberFormat {
	const key = `${locale}|${places}|${grouping}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(usableLocale(locale), {
			minimumFractionDigits: places,
			maximumFractionDigits: places,
			useGrouping: grouping
		});
		formats.set(key, format);
	}
	return format;
}

export interface DecimalFormatOptions {
	/** BCP 47 tag of the number format, e.g. "de-DE" (default en-US). */
	locale?: string;
	/** Pad the fraction with zeros to at least this many places (default 0: as written). */
	minPlaces?: number;
	/** Thousands separators (default true). */
	grouping?: boolean;
}

/** "-1234567.5" → "-1,234,567.5" (en-US) or "-1.234.567,5" (de-DE); text that is not a decimal is returned as is. */
export function formatDecimal(amount: string, options: DecimalFormatOptions = {}): string {
	const { locale = DEFAULT_NUMBER_LOCALE, minPlaces = 0, grouping = true } = options;
	const text = amount.trim();
	if (!NUMERIC.test(text)) return amount;
	const body = text.startsWith('-') ? text.slice(1) : text;
	// "-0.00" is zero: it is shown without a sign.
	const sign = text.startsWith('-') && /[1-9]/.test(body) ? '-' : '';
	const point = body.indexOf('.');
	const whole = point < 0 ? body : body.slice(0, point);
	const written = point < 0 ? '' : body.slice(point + 1);
	const places = Math.max(written.length, minPlaces);
	const fraction = written.padEnd(places, '0');
	if (places <= MAX_INTL_PLACES) {
		const exact = `${sign}${whole}${places > 0 ? `.${fraction}` : ''}`;
		return isNumericLiteral(exact) ? numberFormat(locale, places, grouping).format(exact) : amount;
	}
	// Past Intl's limit: Intl lays out sign, grouping and mark with one fraction digit; the real ones go in its place.
	const shape = `${sign}${whole}.0`;
	if (!isNumericLiteral(shape)) return amount;
	return numberFormat(locale, 1, grouping)
		.formatToParts(shape)
		.map((p) => (p.type === 'fraction' ? fraction : p.value))
		.join('');
}

/**
 * An amount as a person reads it: "5000" USD → "5,000.00 USD", "-10" $ → "$-10.00", "1234.5" in de-DE →
 * "1.234,50 USD", "1500" JPY → "1,500 JPY"; places written beyond the currency's minor unit are kept.
 */
export function formatMoney(
	amount: string,
	commodity: string,
	locale: string = DEFAULT_NUMBER_LOCALE
): string {
	return withCommodity(formatDecimal(amount, { locale, minPlaces: minorUnits(commodity) }), commodity);
}
