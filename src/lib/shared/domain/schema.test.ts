// The schema foundation: checked brands, messages that name the field in words, numbered migrations.
import { describe, expect, it } from 'vitest';
import { check, decimalSchema, isoDateSchema, parseForm, recordKind, v } from './schema';

describe('checked brands', () => {
	it('accepts real dates and rejects impossible ones', () => {
		expect(check(isoDateSchema, '2026-02-28').ok).toBe(true);
		expect(check(isoDateSchema, '2026-02-30').ok).toBe(false);
		expect(check(isoDateSchema, 20260228).ok).toBe(false);
	});
	it('accepts decimal text only, never a number', () => {
		expect(check(decimalSchema, '-1234.50').ok).toBe(true);
		expect(check(decimalSchema, 1234.5).ok).toBe(false);
		expect(check(decimalSchema, '1,234.50').ok).toBe(false);
	});
});

describe('messages', () => {
	const line = v.object({ account: v.string('is not text'), amount: decimalSchema });
	const entry = v.object({ effectiveDate: isoDateSchema, lines: v.array(line) });
	it('names the field in words, with the item, never the internal path', () => {
		const r = check(entry, {
			effectiveDate: '2026-01-01',
			lines: [
				{ account: 'a', amount: '1' },
				{ account: 'b', amount: 'x' }
			]
		});
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.message).toBe('amount (item 2) is not an amount');
			expect(r.error.details).toEqual({ field: 'lines.1.amount' });
		}
	});
	it('form failures name the field by its label', () => {
		const r = parseForm(entry, { effectiveDate: '2026-13-01', lines: [] }, { effectiveDate: 'Start date' });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.message).toBe('Start date is not a date (YYYY-MM-DD).');
			expect(r.error.details).toEqual({ field: 'effectiveDate' });
		}
	});
});

describe('recordKind', () => {
	const kind = recordKind({
		name: 'note',
		schema: v.object({ schemaVersion: v.literal(3), text: v.string(), words: v.number() }),
		migrations: [
			(r) => ({ ...r, text: String(r.body ?? '') }),
			(r) => ({ ...r, words: String(r.text).split(/\s+/).filter(Boolean).length })
		]
	});
	it('is at version migrations + 1', () => expect(kind.version).toBe(3));
	it('upgrades version 1 through each numbered migration (a strict object drops keys it does not know)', () => {
		const r = kind.read({ schemaVersion: 1, body: 'two words' });
		expect(r).toEqual({
			ok: true,
			value: { schemaVersion: 3, text: 'two words', words: 2 }
		});
	});
	it('reads the current version as it is', () => {
		expect(kind.read({ schemaVersion: 3, text: 'a', words: 1 }).ok).toBe(true);
	});
	it('keeps records from a newer Keel aside', () => {
		const r = kind.read({ schemaVersion: 4, text: 'a', words: 1 });
		expect(r.ok || r.error.code).toBe('record/newer');
	});
	it('refuses records with no version or the wrong shape', () => {
		expect(kind.read({ text: 'a' }).ok || 'refused').toBe('refused');
		expect(kind.read([1]).ok || 'refused').toBe('refused');
		const r = kind.read({ schemaVersion: 3, text: 'a', words: 'one' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/^One note was not read: words /);
	});
});
