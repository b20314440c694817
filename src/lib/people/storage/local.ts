// This device's People data, one Dexie database per workspace: the bytes of documents attached to
// people, and a copy of the directory cards so the list paints before the shard has loaded. The
// only index of either table is the record id (a ULID): no name or identifier is ever indexed.
// Document metadata lives in the people shard; this store keeps the files added on this device
// (teammates receive them through the shared files doc, src/lib/shared/sync/files.ts).
// The directory table is a projection: dropping it loses nothing, the next open rebuilds it.
import Dexie, { type EntityTable } from 'dexie';
import type { PersonCard } from '$lib/people/domain';

export interface StoredFile {
	/** The document id: the only index. */
	id: string;
	blob: Blob;
}

/**
 * The whole directory as one row: a single read paints thousands of people at once (row-per-card
 * reads cost ~30 µs each). Keyed by a constant; nothing about a person is a key or an index.
 */
export interface DirectoryRow {
	id: 'cards';
	cards: PersonCard[];
}

export class PeopleLocalDb extends Dexie {
	files!: EntityTable<StoredFile, 'id'>;
	directory!: EntityTable<DirectoryRow, 'id'>;

	constructor(workspaceId: string) {
		super(peopleLocalDbName(workspaceId));
		this.version(1).stores({ files: 'id', directory: 'id' });
	}
}

export function peopleLocalDbName(workspaceId: string): string {
	return `keel-people-local-${workspaceId}`;
}

export async function putFile(db: PeopleLocalDb, id: string, blob: Blob): Promise<void> {
	await db.files.put({ id, blob });
}

export async function getFile(db: PeopleLocalDb, id: string): Promise<Blob | undefined> {
	return (await db.files.get(id))?.blob;
}

/** The ids of the files held here (keys only: no blob is read). */
export async function fileIds(db: PeopleLocalDb): Promise<string[]> {
	return (await db.files.toCollection().primaryKeys()) as string[];
}

/** Every file held here, for a workspace backup. */
export async function allFiles(db: PeopleLocalDb): Promise<StoredFile[]> {
	return db.files.toArray();
}

/** Writes many files in one transaction (a restore): all of them or none. */
export async function putFiles(db: PeopleLocalDb, files: readonly StoredFile[]): Promise<void> {
	await db.transaction('rw', db.files, () => db.files.bulkPut([...files]));
}

export async function deleteFiles(db: PeopleLocalDb, ids: readonly string[]): Promise<void> {
	await db.files.bulkDelete([...ids]);
}

export async function readDirectory(db: PeopleLocalDb): Promise<PersonCard[]> {
	return (await db.directory.get('cards'))?.cards ?? [];
}

export async function writeDirectory(db: PeopleLocalDb, cards: readonly PersonCard[]): Promise<void> {
	await db.directory.put({ id: 'cards', cards: [...cards] });
}

export async function deletePeopleLocal(workspaceId: string): Promise<void> {
	await Dexie.delete(peopleLocalDbName(workspaceId));
}
