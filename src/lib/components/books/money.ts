// How Books screens print amounts: grouped thousands, the commodity as the journal writes it, and a
// multi-commodity figure as a comma-separated list ("—" when it is zero in every commodity).
import { formatAmount, type MultiAmount } from '$lib/domain/ledger';

export function money(amount: string, commodity: string): string {
	return formatAmount(amount, commodity, { grouping: true });
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
