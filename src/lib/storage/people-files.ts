// The bytes of documents attached to people, one Dexie database per workspace. Metadata (name, type,
// expiry) lives in the people shard; this store holds only the Blob keyed by the document's id, so
// no name or identifier is ever in an index. Files stay on the device that added them: the shard
// syncs the metadata, not the bytes.
import Dexie, { type EntityTable } from 'dexie';

export interface StoredFile {
	/** The document id (a ULID): the only index. */
	id: string;
	blob: Blob;
}

export class PeopleFilesDb extends Dexie {
	files!: EntityTable<StoredFile, 'id'>;

	constructor(workspaceId: string) {
		super(peopleFilesDbName(workspaceId));
		this.version(1).stores({ files: 'id' });
	}
}

export function peopleFilesDbName(workspaceId: string): string {
	return `keel-people-files-${workspaceId}`;
}

export async function putFile(db: PeopleFilesDb, id: string, blob: Blob): Promise<void> {
	await db.files.put({ id, blob });
}

export async function getFile(db: PeopleFilesDb, id: string): Promise<Blob | undefined> {
	return (await db.files.get(id))?.blob;
}

export async function deleteFiles(db: PeopleFilesDb, ids: readonly string[]): Promise<void> {
	await db.files.bulkDelete([...ids]);
}

export async function deletePeopleFiles(workspaceId: string): Promise<void> {
	await Dexie.delete(peopleFilesDbName(workspaceId));
}
