// The browser's own list of workspaces and their local settings. Local-only: never synced, and it
// holds no business data, only what this browser needs to find and reopen each workspace's shards.
import Dexie, { type EntityTable } from 'dexie';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';

export type { WorkspaceEntry };

export interface LocalSetting {
	key: string;
	value: unknown;
}

export class RegistryDb extends Dexie {
	workspaces!: EntityTable<WorkspaceEntry, 'id'>;
	settings!: EntityTable<LocalSetting, 'key'>;

	constructor(name = 'keel-registry') {
		super(name);
		this.version(1).stores({ workspaces: 'id, lastOpenedAt', settings: 'key' });
	}
}

let registry: RegistryDb | undefined;
export function registryDb(): RegistryDb {
	registry ??= new RegistryDb();
	return registry;
}

export async function listWorkspaces(db = registryDb()): Promise<WorkspaceEntry[]> {
	return db.workspaces.orderBy('lastOpenedAt').reverse().toArray();
}

export async function getWorkspace(id: string, db = registryDb()): Promise<WorkspaceEntry | undefined> {
	return db.workspaces.get(id);
}

/**
 * Saves an entry. Its live generation of shard databases is left as stored: only a restore moves it
 * (`switchStoreGeneration`), so a copy of the entry another tab read before a restore cannot point
 * the workspace back at the databases the restore dropped.
 */
export async function putWorkspace(entry: WorkspaceEntry, db = registryDb()): Promise<void> {
	await db.transaction('rw', db.workspaces, async () => {
		const held = (await db.workspaces.get(entry.id))?.storeGeneration;
		const { storeGeneration: _asRead, ...rest } = entry;
		await db.workspaces.put(held === undefined ? rest : { ...rest, storeGeneration: held });
	});
}

/** The one write that switches a workspace to a new generation of its shard databases (a restore). */
export async function switchStoreGeneration(entry: WorkspaceEntry, db = registryDb()): Promise<void> {
	await db.workspaces.put(entry);
}

export async function updateWorkspace(
	id: string,
	patch: Partial<Omit<WorkspaceEntry, 'id'>>,
	db = registryDb()
): Promise<void> {
	await db.workspaces.update(id, patch);
}

export async function removeWorkspace(id: string, db = registryDb()): Promise<void> {
	await db.workspaces.delete(id);
}

/** Settings keys of a restore under way (workspace/state/restore.ts), by workspace id. */
export const RESTORE_MARKER_PREFIX = 'restore-under-way:';

/** The keys of the settings whose key starts with `prefix`. */
export async function settingKeys(prefix: string, db = registryDb()): Promise<string[]> {
	return (await db.settings.where('key').startsWith(prefix).primaryKeys()).map(String);
}

export async function getSetting<T>(key: string, db = registryDb()): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function removeSetting(key: string, db = registryDb()): Promise<void> {
	await db.settings.delete(key);
}

export async function setSetting(key: string, value: unknown, db = registryDb()): Promise<void> {
	await db.settings.put({ key, value });
}
