// The meta shard as peers fill it: the profile reads each odd field as its default and is stamped at
// its kind's version, and a member a peer wrote malformed is left out and listed, never a crash.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { profileKind } from '$lib/shared/domain/workspace/records';
import { malformedMembers, readMembers, readProfile, upsertMember, writeProfile } from './meta-doc';
import { metaKeptAside } from './meta-review';

describe('meta shard records', () => {
	it('stamps the profile at its version and reads odd fields as defaults', () => {
		const doc = new Y.Doc();
		writeProfile(doc, { name: 'Acme', country: 'GB' });
		expect(doc.getMap('profile').get('schemaVersion')).toBe(profileKind.version);
		doc.getMap('profile').set('baseCurrency', 42);
		expect(readProfile(doc)).toEqual({
			name: 'Acme',
			country: 'GB',
			baseCurrency: 'USD',
			fiscalYearStart: '01-01',
			createdAt: '',
			address: '',
			numberLocale: 'en-US'
		});
	});
	it('leaves a malformed member out and lists it', () => {
		const doc = new Y.Doc();
		upsertMember(doc, { id: 'm1', name: 'Ana', color: '#f00', joinedAt: '2026-01-01' });
		doc.getMap('members').set('m2', { id: 'm2', name: 7 });
		doc.getMap('members').set('m3', 'junk');
		expect(readMembers(doc).map((m) => m.id)).toEqual(['m1']);
		expect(malformedMembers(doc)).toEqual(['m2', 'm3']);
		// A malformed value under a member's key is replaced by a good one.
		upsertMember(doc, { id: 'm2', name: 'Bo', color: '#0f0', joinedAt: '2026-01-02' });
		expect(readMembers(doc).map((m) => m.name)).toEqual(['Ana', 'Bo']);
	});
	it("leaves out a member filed under another member's id, so it cannot stand in for them", () => {
		const doc = new Y.Doc();
		upsertMember(doc, { id: 'm1', name: 'Ana', color: '#f00', joinedAt: '2026-01-01' });
		doc.getMap('members').set('forged', { id: 'm1', name: 'Mallory', color: '#f00', joinedAt: '2026-01-01' });
		expect(readMembers(doc).map((m) => m.name)).toEqual(['Ana']);
		expect(malformedMembers(doc)).toEqual(['forged']);
	});
	it('lists what it kept aside in words, with no keys or field paths, and who wrote it only when known', () => {
		const writer = new Y.Doc();
		writer.getMap('members').set('m9', { id: 'm9', name: 'Eve' });
		writer.getMap('members').set('x', 'junk');
		writer.getMap('profile').set('fiscalYearStart', '13-40');
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer));
		doc.getMap('profile').set('baseCurrency', 'XYZ');
		const items = metaKeptAside(doc);
		expect(items.map((i) => [i.what, i.writer])).toEqual([
			['Base currency (“XYZ”)', 'this-browser'],
			['Fiscal year start (“13-40”)', 'unknown'],
			['A member entry for “Eve”', 'unknown'],
			['A member entry without a readable name', 'unknown']
		]);
		expect(items[1]?.why).toMatch(/month and day.*01-01 is used instead/);
		expect(items[2]?.why).toBe('its color is missing');
		for (const i of items) expect(`${i.what} ${i.why}`).not.toMatch(/m9|fiscalYearStart|baseCurrency|\bx\b/);
		expect(readProfile(doc).fiscalYearStart).toBe('01-01');
	});
});
