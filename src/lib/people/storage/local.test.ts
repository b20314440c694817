import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { PersonCard } from '$lib/people/domain';
import {
	PeopleLocalDb,
	deleteFiles,
	deletePeopleLocal,
	getFile,
	peopleLocalDbName,
	putFile,
	readDirectory,
	writeDirectory
} from './local';

const card = (id: string, name: string): PersonCard => ({
	id,
	name,
	legalName: name,
	jobTitle: 'Clerk',
	department: 'Ops',
	location: 'London',
	managerId: null,
	status: 'active'
});

describe('people local store', () => {
	it('keeps blobs by document id and the directory under a constant key, and deletes them', async () => {
		const db = new PeopleLocalDb('ws1');
		await putFile(db, 'doc1', new Blob(['%PDF-1.4 hello'], { type: 'application/pdf' }));
		const back = await getFile(db, 'doc1');
		expect(await back?.text()).toBe('%PDF-1.4 hello');
		expect(back?.type).toBe('application/pdf');
		// The only index is the id: nothing about the person or the file name is indexed.
		for (const table of [db.files, db.directory]) {
			expect(table.schema.indexes).toEqual([]);
			expect(table.schema.primKey.name).toBe('id');
		}
		expect(await readDirectory(db)).toEqual([]);
		await writeDirectory(db, [card('p1', 'Ada'), card('p2', 'Ben')]);
		await writeDirectory(db, [card('p2', 'Benedict')]);
		expect(await readDirectory(db)).toEqual([card('p2', 'Benedict')]);
		await deleteFiles(db, ['doc1']);
		expect(await getFile(db, 'doc1')).toBeUndefined();
		db.close();
		await deletePeopleLocal('ws1');
		expect(await Dexie.exists(peopleLocalDbName('ws1'))).toBe(false);
	});
});
