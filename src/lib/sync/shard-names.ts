// Names of the browser databases that hold each shard; one place, so nothing drifts.
import type { ShardName } from '$lib/domain/workspace';

export function shardDbName(workspaceId: string, shard: ShardName): string {
	return `keel-${workspaceId}-${shard}`;
}
