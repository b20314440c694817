// Test packs: a built-in pack relabelled for another year (same figures, new dates, resealed). For
// tests only — the figures are not that year's.
import { sealPack } from './pack';
import uk2026 from './uk-2026-27.json';
import us2026 from './us-federal-2026.json';

type Json = Record<string, unknown> & { pack: Record<string, unknown> };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The 2026 US pack as `year`, covering `from`..`to` (default the whole year), sealed. */
export function usTestPack(year: number, from = `${year}-01-01`, to = `${year}-12-31`, title?: string): Json {
	const p = clone(us2026) as unknown as Json;
	p['taxYear'] = year;
	p['effectiveFrom'] = from;
	p['effectiveTo'] = to;
	p.pack = {
		...p.pack,
		taxYear: String(year),
		effectiveFrom: from,
		effectiveTo: to,
		title: title ?? `TEST ONLY: US federal ${year} (2026 figures)`
	};
	return sealPack(p) as Json;
}

/** The 2026-27 UK pack as the tax year starting in `startYear`, sealed. */
export function ukTestPack(startYear: number): Json {
	const p = clone(uk2026) as unknown as Json;
	const taxYear = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
	const from = `${startYear}-04-06`;
	const to = `${startYear + 1}-04-05`;
	Object.assign(p, { taxYear, effectiveFrom: from, effectiveTo: to });
	p.pack = {
		...p.pack,
		taxYear,
		effectiveFrom: from,
		effectiveTo: to,
		title: `TEST ONLY: UK ${taxYear} (2026-27 figures)`
	};
	return sealPack(p) as Json;
}
