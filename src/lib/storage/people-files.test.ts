import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { PeopleFilesDb, deleteFiles, deletePeopleFiles, getFile, peopleFilesDbName, putFile } from './people-files';

describe('people files', () => {
	it('keeps a blob by document id only, and deletes it', async () => {
		const db = new PeopleFilesDb('ws1');
		await putFile(db, 'doc1', new Blob(['%PDF-1.4 hello'], { type: 'application/pdf' }));
		const back = await getFile(db, 'doc1');
		expect(await back?.text()).toBe('%PDF-1.4 hello');
		expect(back?.type).toBe('application/pdf');
		// The only index is the id: nothing about the person or file name is indexed.
		expect(db.files.schema.indexes).toEqual([]);
		expect(db.files.schema.primKey.name).toBe('id');
		await deleteFiles(db, ['doc1']);
		expect(await getFile(db, 'doc1')).toBeUndefined();
		db.close();
		await deletePeopleFiles('ws1');
		expect(await Dexie.exists(peopleFilesDbName('ws1'))).toBe(false);
	});
});
