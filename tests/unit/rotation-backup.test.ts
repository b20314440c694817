// A plaintext backup signed with the meta secret a workspace held before its keys changed still
// checks in this browser (heldMetaSecrets offers the former meta secrets too); without them it would
// be refused as changed.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WorkspaceEntry } from '$lib/shared/domain/workspace';
import { putWorkspace } from '$lib/shared/storage/registry';
import { decodeBackup, encodeBackup } from '$lib/shared/sync/backup';
import { heldMetaSecrets } from '$lib/workspace/state/restore';

const key = (c: string) => ({ room: c.repeat(24), secret: c.repeat(24) });

describe('backups across a change of keys', () => {
	it('checks a backup signed with a former meta secret, and only where that secret was held', async () => {
		const entry: WorkspaceEntry = {
			id: 'WROT1',
			name: 'Rotated Ltd',
			createdAt: '2026-06-01T00:00:00.000Z',
			lastOpenedAt: '2026-06-01T00:00:00.000Z',
			shards: { meta: key('n'), tasks: key('t') },
			memberId: 'm1',
			memberName: 'Ann',
			signaling: [],
			online: true,
			schemaVersion: 1,
			formerMeta: [key('o')]
		};
		await putWorkspace(entry);
		const text = await encodeBackup({
			workspace: { id: entry.id, name: entry.name },
			docs: new Map([['meta', new Y.Doc()]]),
			now: '2026-06-02T00:00:00Z',
			metaSecret: key('o').secret
		});
		expect(await heldMetaSecrets(entry.id)).toEqual([key('n').secret, key('o').secret]);
		const here = await decodeBackup(text, 'old-keys.json', undefined, heldMetaSecrets);
		expect(here.ok && here.value.trust).toBe('signed');
		await putWorkspace({ ...entry, formerMeta: [] });
		const without = await decodeBackup(text, 'old-keys.json', undefined, heldMetaSecrets);
		// Held, but under none of the secrets offered: refused as changed. Hence the former secrets.
		expect(!without.ok && without.error.code).toBe('backup/edited');
	});
});
