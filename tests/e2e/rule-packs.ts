// Test tax tables for the days `npm run test:dates` runs on. Keel ships US federal 2025-2026 and UK
// 2025-26 / 2026-27 tables; a pay run on a later test day needs that year's tables, which the
// authorities have not published. These helpers build a TEST pack (the latest built-in figures
// relabelled for the year and resealed, titled "TEST ONLY") and import it through Setup → Tax tables,
// exactly as a payroll admin would import the real one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './test';

/** JSON with keys sorted at every level and no whitespace (the pack checksum's canonical form). */
function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (typeof v === 'object' && v !== null)
		return `{${Object.keys(v)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(v);
}

export type Pack = Record<string, unknown> & { pack: Record<string, unknown> };

/** The pack with its checksum recomputed (SHA-256 of the canonical JSON without the checksum). */
export function seal<P extends Pack>(p: P): P {
	const { checksum: _old, ...header } = p.pack;
	const sum = createHash('sha256')
		.update(canonical({ ...p, pack: header }), 'utf8')
		.digest('hex');
	return { ...p, pack: { ...header, checksum: sum } };
}

const BUILT_IN = { US: ['2025', '2026'], UK: ['2025-26', '2026-27'] } as const;
const LATEST = { US: 'us-federal-2026.json', UK: 'uk-2026-27.json' } as const;

/** The tax year a pay date falls in: the calendar year (US) or 6 April to 5 April (UK). */
export function taxYearOn(jurisdiction: 'US' | 'UK', date: string): string {
	const y = Number(date.slice(0, 4));
	if (jurisdiction === 'US') return String(y);
	const start = date.slice(5) >= '04-06' ? y : y - 1;
	return `${start}-${String(start + 1).slice(2)}`;
}

/** The latest built-in pack relabelled as `taxYear` and resealed: a test pack, not that year's figures. */
export function testPack(jurisdiction: 'US' | 'UK', taxYear: string): Pack {
	const p = JSON.parse(
		readFileSync(
			new URL(`../../src/lib/payroll/domain/rules/${LATEST[jurisdiction]}`, import.meta.url),
			'utf8'
		)
	) as Pack;
	const start = Number(taxYear.slice(0, 4));
	const dates =
		jurisdiction === 'US'
			? { effectiveFrom: `${start}-01-01`, effectiveTo: `${start}-12-31` }
			: { effectiveFrom: `${start}-04-06`, effectiveTo: `${start + 1}-04-05` };
	Object.assign(p, { taxYear: jurisdiction === 'US' ? start : taxYear, ...dates });
	p.pack = {
		...p.pack,
		taxYear,
		...dates,
		title: `TEST ONLY: ${jurisdiction === 'US' ? 'US federal' : 'UK'} ${taxYear} (the ${LATEST[jurisdiction].replace(/\D+/g, ' ').trim()} figures)`
	};
	return seal(p);
}

const plusDays = (iso: string, n: number) =>
	new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Imports a test pack for every tax year Keel does not ship that a run this month or the next two
 * (the periods the tests pay) can fall in, as seen from `today`. Imports nothing on most days.
 */
export async function importTestPacksFor(
	page: Page,
	wsId: string,
	jurisdiction: 'US' | 'UK',
	today: string
): Promise<string[]> {
	const years = [...new Set([0, 31, 62, 93].map((d) => taxYearOn(jurisdiction, plusDays(today, d))))].filter(
		(y) => !(BUILT_IN[jurisdiction] as readonly string[]).includes(y)
	);
	if (years.length === 0) return [];
	await page.goto(`/w/${wsId}/payroll/setup#tax-tables`);
	const input = page.getByLabel('Import a rule pack (JSON file)');
	for (const year of years) {
		await input.setInputFiles({
			name: `test-${jurisdiction}-${year}.json`,
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(testPack(jurisdiction, year), null, 1))
		});
		await expect(page.getByTestId('tax-tables-message')).toContainText(`for ${year}`);
	}
	return years;
}
