// The bytes of People documents as the screens see them: this browser's own store (Dexie) first,
// then the shared files doc that teammates with People access sync. A file from a teammate is handed
// out only when its bytes match the SHA-256 recorded with it and, when the document's metadata
// carries one, that hash too. Files this browser holds but has not shared yet are shared on attach.
import { PeopleLocalDb, deleteFiles, fileIds, getFile, putFile } from '$lib/people/storage/local';
import { sha256Hex, type PeopleFilesReplica } from '$lib/shared/sync/files';
import { background } from '$lib/shared/state/background';

export class DocumentFiles {
	readonly #db: PeopleLocalDb;
	#shared: PeopleFilesReplica | null = null;
	#unsubscribe: (() => void) | null = null;
	/** Document ids whose file is in this browser's store, and in the shared files doc. */
	local = $state.raw<ReadonlySet<string>>(new Set());
	shared = $state.raw<ReadonlySet<string>>(new Set());

	constructor(db: PeopleLocalDb) {
		this.#db = db;
	}

	/** Starts sharing; `listed` says which document ids still exist (removed ones are not shared). */
	attach(shared: PeopleFilesReplica, listed: () => ReadonlySet<string>): void {
		this.#shared = shared;
		this.shared = new Set(shared.ids());
		this.#unsubscribe = shared.onChange(() => (this.shared = new Set(shared.ids())));
		background(this.#publish(shared, listed), 'sharing document files with teammates');
	}

	async #publish(shared: PeopleFilesReplica, listed: () => ReadonlySet<string>): Promise<void> {
		const ids = await fileIds(this.#db);
		this.local = new Set([...this.local, ...ids]);
		const known = listed();
		for (const id of ids) {
			if (this.#shared !== shared || shared.has(id) || !known.has(id)) continue;
			const blob = await getFile(this.#db, id);
			if (!blob) continue;
			const bytes = new Uint8Array(await blob.arrayBuffer());
			shared.put(id, { type: blob.type, sha256: await sha256Hex(bytes), bytes });
		}
	}

	has(id: string): boolean {
		return this.local.has(id) || this.shared.has(id);
	}

	/** Stores a new file here and shares it; throws what IndexedDB throws (quota). */
	async add(id: string, file: Blob, bytes: Uint8Array, sha256: string): Promise<void> {
		await putFile(this.#db, id, file);
		this.local = new Set([...this.local, id]);
		this.#shared?.put(id, { type: file.type || 'application/octet-stream', sha256, bytes });
	}

	async get(id: string, expectedSha256?: string): Promise<Blob | undefined> {
		const local = await getFile(this.#db, id);
		if (local) return local;
		const shared = await this.#shared?.get(id);
		if (!shared || shared === 'damaged') return undefined;
		if (expectedSha256 && expectedSha256 !== shared.sha256) return undefined;
		return new Blob([shared.bytes as BlobPart], { type: shared.type });
	}

	async remove(ids: readonly string[]): Promise<void> {
		this.#shared?.remove(ids);
		await deleteFiles(this.#db, ids);
		this.local = new Set([...this.local].filter((id) => !ids.includes(id)));
	}

	destroy(): void {
		this.#unsubscribe?.();
		this.#shared = null;
	}
}
