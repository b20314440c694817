// Names of the browser databases that hold each shard; one place, so nothing drifts.
import type { ShardName } from '$lib/shared/domain/workspace';

export function shardDbName(workspaceId: string, shard: ShardName): string {
	return `keel-${workspaceId}-${shard}`;
}

/** The database of a workspace's shared People document files (sync/people-files.ts). */
export function peopleFilesDbName(workspaceId: string): string {
	return `keel-${workspaceId}-people-files`;
}
