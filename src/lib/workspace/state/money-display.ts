// Money on screen: core's formatMoney in the open workspace's number locale (Settings → Number format).
// The profile is reactive state, so every amount a page shows re-renders when the setting changes.
import { DEFAULT_NUMBER_LOCALE, formatMoney } from '$lib/shared/domain';
import type { MultiAmount } from '$lib/books/domain';
import { app } from './app.svelte';

/** The open workspace's number locale (en-US until one is chosen). */
export function numberLocale(): string {
	return app.current?.profile.numberLocale ?? DEFAULT_NUMBER_LOCALE;
}

/** "5000" USD → "5,000.00 USD" (en-US) or "5.000,00 USD" (de-DE); extra places written are kept. */
export function money(amount: string, commodity: string): string {
	return formatMoney(amount, commodity, numberLocale());
}

/** A multi-commodity figure as a comma-separated list ("—" when it is zero in every commodity). */
export function multi(m: MultiAmount | undefined): string {
	const parts = Object.entries(m ?? {});
	if (parts.length === 0) return '—';
	return parts.map(([c, v]) => money(v, c)).join(', ');
}
