// How many decimal places a currency's smallest unit has (its ISO 4217 minor unit), taken from the
// platform's Intl data so it is never a hand-kept list: USD 2, JPY 0, BHD 3.

const cache = new Map<string, number>();

/**
 * Minor-unit places of a commodity: Intl's figure for an ISO code ("USD", "JPY"), 2 for the symbols
 * $ £ €, and 0 for anything else (shares, hours, "ABC 1"), which is then shown as written.
 */
export function minorUnits(commodity: string): number {
	if (commodity === '$' || commodity === '£' || commodity === '€') return 2;
	if (!/^[A-Z]{3}$/.test(commodity)) return 0;
	let places = cache.get(commodity);
	if (places === undefined) {
		const resolved = new Intl.NumberFormat('en', {
			style: 'currency',
			currency: commodity
		}).resolvedOptions();
		places = resolved.maximumFractionDigits ?? 2;
		cache.set(commodity, places);
	}
	return places;
}
