// Shared by the ledger tests: the generated chart, an entry context over it, and random balanced
// posted entries (fast-check) with up to 2 decimals in 1-3 commodities. Test support only.
import fc from 'fast-check';
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { formatUnits } from '../../shared/domain';
import { indexAccounts } from './accounts';
import type { EntryContext } from './entries';
import { generatedChart } from './generate';
import { LEDGER_SCHEMA_VERSION, type EntryLine, type JournalEntry } from './types';
export const D = (s: string) => s as IsoDate;
export const chart = generatedChart();
export const ctx: EntryContext = { accounts: indexAccounts(chart).byId };
export const entry = (id: string, date: string, lines: [string, string, string?][]): JournalEntry => ({
	schemaVersion: LEDGER_SCHEMA_VERSION,
	id,
	date: D(date),
	memo: id,
	status: 'posted',
	lines: lines.map(([account, amount, commodity]) => ({
		account,
		amount: amount as never,
		commodity: commodity ?? '$'
	}))
});

/** Random balanced entries over the generator's chart: amounts with up to 2 decimals, 1-3 commodities. */
export const arbEntries = fc
	.array(
		fc.record({
			day: fc.integer({ min: 0, max: 400 }),
			commodity: fc.constantFrom('$', 'EUR', 'BTC'),
			parts: fc.array(
				fc.tuple(
					fc.integer({ min: 0, max: chart.length - 1 }),
					fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n })
				),
				{
					minLength: 1,
					maxLength: 5
				}
			),
			balancing: fc.integer({ min: 0, max: chart.length - 1 }),
			fund: fc.constantFrom(undefined, 'unrestricted', 'restricted')
		}),
		{ maxLength: 40 }
	)
	.map((specs) =>
		specs.map((s, i): JournalEntry => {
			const lines: EntryLine[] = s.parts.map(([a, units]) => ({
				account: chart[a]?.id as string,
				amount: formatUnits(units, 2),
				commodity: s.commodity,
				...(s.fund ? { dimensions: { fund: s.fund } } : {})
			}));
			const total = s.parts.reduce((acc, [, u]) => acc + u, 0n);
			lines.push({
				account: chart[s.balancing]?.id as string,
				amount: formatUnits(-total, 2),
				commodity: s.commodity
			});
			return {
				schemaVersion: 1,
				id: `P${i}`,
				date: addDays(D('2024-01-01'), s.day),
				memo: 'p',
				status: 'posted',
				lines
			};
		})
	);
