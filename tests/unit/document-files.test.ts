// The People screens' view of document files: a document whose file has not arrived reads as not on
// this device; a teammate's copy arrives through the shared files doc and is handed out only when it
// matches the hash in the document's metadata; files held only locally are shared on attach.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PeopleLocalDb, putFile } from '$lib/people/storage/local';
import { PeopleFilesReplica, sha256Hex } from '$lib/shared/sync/files';
import { DocumentFiles } from '$lib/people/state/document-files.svelte';

const until = async (check: () => boolean) => {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('document files on this device', () => {
	it('says missing until a teammate shares the file, then checks it against its hash', async () => {
		const mine = new Y.Doc();
		const theirs = new Y.Doc();
		mine.on('update', (u: Uint8Array) => Y.applyUpdate(theirs, u));
		const files = new DocumentFiles(new PeopleLocalDb('ws-files-1'));
		files.attach(new PeopleFilesReplica(theirs), () => new Set(['d1']));
		expect(files.has('d1')).toBe(false);
		expect(await files.get('d1')).toBeUndefined();

		const bytes = Uint8Array.from([1, 2, 3, 4]);
		const sha = await sha256Hex(bytes);
		new PeopleFilesReplica(mine).put('d1', { type: 'application/pdf', sha256: sha, bytes });
		expect(files.has('d1')).toBe(true);
		const blob = await files.get('d1', sha);
		expect(blob?.type).toBe('application/pdf');
		expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(bytes);
		// The metadata says another file: the copy is not handed out.
		expect(await files.get('d1', 'f'.repeat(64))).toBeUndefined();
		files.destroy();
	});

	it('shares a listed file held only here, never a removed one', async () => {
		const db = new PeopleLocalDb('ws-files-2');
		await putFile(db, 'kept', new Blob(['hello'], { type: 'text/plain' }));
		await putFile(db, 'removed', new Blob(['bye'], { type: 'text/plain' }));
		const doc = new Y.Doc();
		const shared = new PeopleFilesReplica(doc);
		const files = new DocumentFiles(db);
		files.attach(shared, () => new Set(['kept']));
		await until(() => shared.has('kept'));
		expect(shared.ids()).toEqual(['kept']);
		expect(files.has('removed')).toBe(true);
		await files.remove(['kept']);
		expect(shared.ids()).toEqual([]);
		expect(files.has('kept')).toBe(false);
		files.destroy();
	});
});
