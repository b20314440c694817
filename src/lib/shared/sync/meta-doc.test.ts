// The meta shard as peers fill it: the profile reads each odd field as its default and is stamped at
// its kind's version, and a member a peer wrote malformed is left out and listed, never a crash.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { profileKind } from '$lib/shared/domain/workspace/records';
import { malformedMembers, readMembers, readProfile, upsertMember, writeProfile } from './meta-doc';

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
});
