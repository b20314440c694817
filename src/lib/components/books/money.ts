// How Books screens print amounts: grouped thousands, the commodity as the journal writes it, and a
// multi-commodity figure as a comma-separated list ("—" when it is zero in every commodity).
import { formatAmount, type MultiAmount } from '$lib/domain/ledger';

/** Currencies with no minor unit (ISO 4217 exponent 0) among those small organisations meet. */
const NO_MINOR_UNIT = new Set(['JPY', 'KRW', 'ISK', 'CLP', 'VND', 'UGX', 'XAF', 'XOF', 'PYG']);

/** Decimal places a currency is shown with at least: 2 for most ISO codes and $ £ €, else as written. */
function minPlaces(commodity: string): number {
	if (/^[A-Z]{3}$/.test(commodity)) return NO_MINOR_UNIT.has(commodity) ? 0 : 2;
	return commodity === '$' || commodity === '£' || commodity === '€' ? 2 : 0;
}

/** "5000" USD shows as "5,000.00 USD"; extra places that were written are kept, never rounded away. */
export function money(amount: string, commodity: string): string {
	const places = minPlaces(commodity);
	const point = amount.indexOf('.');
	const have = point < 0 ? 0 : amount.length - point - 1;
	const padded = have >= places ? amount : `${amount}${point < 0 ? '.' : ''}${'0'.repeat(places - have)}`;
	return formatAmount(padded, commodity, { grouping: true });
}

export function multi(m: MultiAmount | undefined): string {
	const parts = Object.entries(m ?? {});
	if (parts.length === 0) return '—';
	return parts.map(([c, v]) => money(v, c)).join(', ');
}

/** Saves text as a file the browser downloads. */
export function download(fileName: string, text: string, type = 'text/plain'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
