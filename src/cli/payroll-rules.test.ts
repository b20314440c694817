// `keel payroll rules check`: a valid pack gives exit 0 and one line; a broken one exit 1 and every
// problem by field in words; `seal` prints a pack whose checksum then checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usTestPack } from '../lib/payroll/domain/rules/pack-fixtures';
import type { CliIo } from './io';
import { memoryIo } from './memory-io';
import { main } from './main';

const fakeIo = memoryIo;
const rules = (io: CliIo, ...args: string[]) => main(['payroll', 'rules', ...args], io);

describe('keel payroll rules check', () => {
	it('a valid 2027 pack: exit 0 and a one-line summary', async () => {
		const f = fakeIo({ 'us-2027.json': JSON.stringify(usTestPack(2027)) });
		expect(await rules(f.io, 'check', 'us-2027.json')).toBe(0);
		expect(f.out).toHaveLength(1);
		expect(f.out[0]).toMatch(
			/^us-2027\.json: valid rule pack: US federal tables for 2027, 2027-01-01 to 2027-12-31, “TEST ONLY: US federal 2027 \(2026 figures\)”, checksum [0-9a-f]{12}$/
		);
		expect(f.err).toEqual([]);
	});

	it('a built-in file checks and says so', async () => {
		const text = readFileSync(
			new URL('../lib/payroll/domain/rules/uk-2026-27.json', import.meta.url),
			'utf8'
		);
		const f = fakeIo({ 'uk.json': text });
		expect(await rules(f.io, 'check', 'uk.json')).toBe(0);
		expect(f.out[0]).toMatch(/UK tax tables for 2026-27, 2026-04-06 to 2027-04-05, .*\(built into Keel\)$/);
	});

	it('a broken pack: exit 1 and every problem, naming the field', async () => {
		const bad = usTestPack(2027) as ReturnType<typeof usTestPack> & { futa: { wageBase: unknown } };
		bad.pack['effectiveTo'] = '2028-01-31';
		delete bad.pack['title'];
		bad.futa.wageBase = 7000;
		const f = fakeIo({ 'bad.json': JSON.stringify(bad) });
		expect(await rules(f.io, 'check', 'bad.json')).toBe(1);
		expect(f.out).toEqual([]);
		expect(f.err).toEqual([
			'bad.json: not a valid rule pack (5 problems):',
			'  Pack header › title: expected some text',
			'  Pack header › effective to: 2028-01-31 is outside tax year 2027 (2027-01-01 to 2027-12-31)',
			'  Pack header › effective to: is 2028-01-31 but the tables say 2027-12-31',
			'  FUTA › wage base: expected a decimal string',
			'  Pack header › checksum: does not match the contents: the pack was changed after it was sealed'
		]);
	});

	it('a pack for dates a built-in pack covers is refused', async () => {
		const f = fakeIo({ 'us-2026.json': JSON.stringify(usTestPack(2026)) });
		expect(await rules(f.io, 'check', 'us-2026.json')).toBe(1);
		expect(f.err[1]).toMatch(
			/^ {2}Pack header › effective from: covers dates already covered by the built-in US federal tables/
		);
	});

	it('not JSON, no file, no command', async () => {
		const f = fakeIo({ 'x.json': '{ nope' });
		expect(await rules(f.io, 'check', 'x.json')).toBe(1);
		expect(f.err[0]).toMatch(/^x\.json: cannot read a JSON rule pack/);
		expect(await rules(f.io, 'check', 'missing.json')).toBe(1);
		expect(await rules(f.io, 'check')).toBe(2);
	});

	it('seal prints the pack with a checksum that then checks', async () => {
		const edited = usTestPack(2027) as ReturnType<typeof usTestPack> & { futa: { wageBase: string } };
		edited.futa.wageBase = '7100';
		const f = fakeIo({ 'e.json': JSON.stringify(edited) });
		expect(await rules(f.io, 'check', 'e.json')).toBe(1);
		expect(await rules(f.io, 'seal', 'e.json')).toBe(0);
		const g = fakeIo({ 'sealed.json': f.out.join('') });
		expect(await rules(g.io, 'check', 'sealed.json')).toBe(0);
	});
});
