// People document files shared with teammates. The bytes live in a Y.Doc of their own per workspace
// (not in the people shard, so opening People never waits for megabytes of files), stored with
// IndexedDB (shard-store.ts) and synced in a y-webrtc room whose name and secret derive from the people shard's
// key: only browsers holding the people key (People & Payroll or All invites) ever join it, so a
// task-only teammate never receives a file. Each file is one value written once under its document
// id: { type, sha256, bytes }. A reader hands out only a file whose bytes hash to its recorded
// SHA-256; large sync messages are split by peer-chunking.ts.
import type * as Y from 'yjs';
import type { ShardKey } from '$lib/shared/domain/workspace';

export interface SharedFile {
	readonly type: string;
	/** Lowercase hex SHA-256 of `bytes`. */
	readonly sha256: string;
	readonly bytes: Uint8Array;
}

export const PEOPLE_FILES = 'people-files';

/** The files room's key, derived from the people shard's: same holders, a different room. */
export function peopleFilesKey(people: ShardKey): ShardKey {
	return { room: `${people.room}-files`, secret: `${people.secret}:files` };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const hash = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function filesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('files');
}

function isSharedFile(v: unknown): v is SharedFile {
	if (typeof v !== 'object' || v === null) return false;
	const f = v as Record<string, unknown>;
	return (
		typeof f.type === 'string' &&
		typeof f.sha256 === 'string' &&
		/^[0-9a-f]{64}$/.test(f.sha256) &&
		f.bytes instanceof Uint8Array
	);
}

/** A plain view of the files doc for the People state: no Y type leaves this class. */
export class PeopleFilesReplica {
	readonly #doc: Y.Doc;
	readonly #listeners = new Set<() => void>();
	readonly #observer = () => {
		for (const l of this.#listeners) l();
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		filesMap(doc).observe(this.#observer);
	}

	ids(): string[] {
		return [...filesMap(this.#doc).keys()].sort();
	}

	has(id: string): boolean {
		return filesMap(this.#doc).has(id);
	}

	/** The file if present and its bytes match its hash; otherwise undefined, or 'damaged'. */
	async get(id: string): Promise<SharedFile | 'damaged' | undefined> {
		const v = filesMap(this.#doc).get(id);
		if (v === undefined) return undefined;
		if (!isSharedFile(v) || (await sha256Hex(v.bytes)) !== v.sha256) return 'damaged';
		return v;
	}

	/** Writes a file once; a file already there under this id is kept (false). */
	put(id: string, file: SharedFile): boolean {
		const map = filesMap(this.#doc);
		if (map.has(id)) return false;
		map.set(id, { type: file.type, sha256: file.sha256, bytes: file.bytes });
		return true;
	}

	remove(ids: readonly string[]): void {
		const map = filesMap(this.#doc);
		this.#doc.transact(() => {
			for (const id of ids) if (map.has(id)) map.delete(id);
		});
	}

	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	destroy(): void {
		filesMap(this.#doc).unobserve(this.#observer);
		this.#listeners.clear();
	}
}
