// Names of the browser databases that hold each shard; one place, so nothing drifts. A workspace's
// shards live in one generation of databases: the first has no generation in its names (so data
// written before generations existed still opens); a restore over the workspace writes the next one
// beside it (`keel-<id>.g<generation>-<shard>`) and switches to it only once it is complete.
import type { ShardName } from '$lib/shared/domain/workspace';

function prefix(workspaceId: string, generation: string | undefined): string {
	return generation ? `keel-${workspaceId}.g${generation}` : `keel-${workspaceId}`;
}

export function shardDbName(workspaceId: string, shard: ShardName, generation?: string): string {
	return `${prefix(workspaceId, generation)}-${shard}`;
}

/** The database of a workspace's shared People document files (sync/people-files.ts). */
export function peopleFilesDbName(workspaceId: string, generation?: string): string {
	return `${prefix(workspaceId, generation)}-people-files`;
}
