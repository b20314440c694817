// Whole-workspace backup and restore of People document files, across the state, sync and storage
// layers (so it lives outside src/lib/state, whose lint rules keep Y types out).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ShardName } from '$lib/shared/domain/workspace';
import { PeopleLocalDb, getFile, putFile } from '$lib/people/storage/local';
import { encodeBackup } from '$lib/shared/sync/backup';
import { writeProfile } from '$lib/shared/sync/meta-doc';
import { documentFiles } from '$lib/workspace/state/workspace-ops';
import { restoreAsNewWorkspace } from '$lib/workspace/state/restore';

function docs(): Map<ShardName, Y.Doc> {
	const meta = new Y.Doc();
	writeProfile(meta, { name: 'Harbour Trust', country: 'GB', baseCurrency: 'GBP', fiscalYearStart: '04-06' });
	const people = new Y.Doc();
	people.getMap('people').set('x', new Y.Map());
	return new Map([
		['meta', meta],
		['people', people]
	]);
}

describe('backup and restore of document files', () => {
	it('restores every file this browser held, byte-identical, into the new workspace (sealed too)', async () => {
		const src = new PeopleLocalDb('ws-src');
		const pdf = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 131) & 0xff);
		await putFile(src, 'doc1', new Blob([pdf], { type: 'application/pdf' }));
		await putFile(src, 'doc2', new Blob(['hello'], { type: 'text/plain' }));
		src.close();
		const files = await documentFiles('ws-src');
		for (const passphrase of [undefined, 'a long passphrase']) {
			const text = await encodeBackup({
				workspace: { id: 'ws-src', name: 'Harbour Trust' },
				docs: docs(),
				files,
				now: 'x',
				passphrase
			});
			const restored = await restoreAsNewWorkspace({
				text,
				fileName: 'b.json',
				passphrase,
				memberName: 'Ann',
				// Plaintext from a workspace this browser does not hold: restored only with the go-ahead.
				acceptUnchecked: true
			});
			expect(restored.ok).toBe(true);
			if (!restored.ok) return;
			const db = new PeopleLocalDb(restored.value.id);
			const back = await getFile(db, 'doc1');
			expect(back?.type).toBe('application/pdf');
			expect(new Uint8Array(await (back as Blob).arrayBuffer())).toEqual(pdf);
			expect(await (await getFile(db, 'doc2'))?.text()).toBe('hello');
			db.close();
		}
	});
});
