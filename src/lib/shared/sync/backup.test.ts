import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ShardName } from '$lib/shared/domain/workspace';
import { decodeBackup, encodeBackup, isSealedBackup } from './backup';
import { TasksReplica } from '../../tasks/sync/replica';
import { writeProfile } from './meta-doc';

function workspaceDocs(): Map<ShardName, Y.Doc> {
	const meta = new Y.Doc();
	writeProfile(meta, { name: 'Harbour Trust', country: 'GB', baseCurrency: 'GBP', fiscalYearStart: '04-06' });
	const tasks = new Y.Doc();
	const r = new TasksReplica(tasks);
	r.createList({ schemaVersion: 1, id: 'l1', name: 'Month-end close', order: 'a0', archived: false });
	r.create({
		schemaVersion: 1,
		id: 't1',
		listId: 'l1',
		title: 'Reconcile bank',
		description: 'Barclays £ and €',
		assignee: null,
		due: null,
		priority: 2,
		status: 'todo',
		labels: ['close'],
		order: 'a0',
		recurrence: null,
		checklist: [],
		comments: [],
		links: [],
		createdAt: '2026-11-01T00:00:00.000Z',
		createdBy: 'm',
		completedAt: null,
		seriesId: null
	});
	return new Map([
		['meta', meta],
		['tasks', tasks]
	]);
}

describe('workspace backup', () => {
	it('round-trips byte-identical shard states', async () => {
		const docs = workspaceDocs();
		const text = await encodeBackup({
			workspace: { id: 'w1', name: 'Harbour Trust' },
			docs,
			now: '2026-11-23T00:00:00Z'
		});
		const decoded = await decodeBackup(text, 'keel.json');
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		for (const [name, doc] of docs) expect(decoded.value.updates[name]).toEqual(Y.encodeStateAsUpdate(doc));
		// Restoring into fresh docs and backing up again gives the same file body.
		const restored = new Map<ShardName, Y.Doc>();
		for (const [name, update] of Object.entries(decoded.value.updates)) {
			const d = new Y.Doc();
			Y.applyUpdate(d, update as Uint8Array);
			restored.set(name as ShardName, d);
		}
		const again = await encodeBackup({
			workspace: { id: 'w1', name: 'Harbour Trust' },
			docs: restored,
			now: '2026-11-23T00:00:00Z'
		});
		expect(again).toBe(text);
	});

	it('seals with a passphrase and refuses a wrong one', async () => {
		const text = await encodeBackup({
			workspace: { id: 'w1', name: 'H' },
			docs: workspaceDocs(),
			now: 'x',
			passphrase: 'correct horse'
		});
		expect(isSealedBackup(text)).toBe(true);
		expect(text).not.toContain('Reconcile');
		expect((await decodeBackup(text, 'b.json')).ok).toBe(false);
		const wrong = await decodeBackup(text, 'b.json', 'battery staple');
		expect(wrong.ok).toBe(false);
		if (!wrong.ok) {
			expect(wrong.error.message).toMatch(/b\.json: wrong passphrase/);
			expect(wrong.error.code).toBe('backup/wrong-passphrase');
		}
		expect((await decodeBackup(text, 'b.json', 'correct horse')).ok).toBe(true);
	});

	it('rejects corrupt and foreign files with a message naming the file', async () => {
		const good = await encodeBackup({ workspace: { id: 'w1', name: 'H' }, docs: workspaceDocs(), now: 'x' });
		const parsed = JSON.parse(good);
		const cases: Array<[string, RegExp]> = [
			['not json at all', /not JSON/],
			['{"format":"something-else"}', /not a Keel backup/],
			[good.slice(0, good.length / 2), /not JSON/],
			[JSON.stringify({ ...parsed, digest: '00' }), /checksum/],
			[JSON.stringify({ ...parsed, shards: { ...parsed.shards, payroll: 'AAAA' } }), /unknown part/],
			[JSON.stringify({ ...parsed, version: 9 }), /version 9/]
		];
		for (const [text, why] of cases) {
			const r = await decodeBackup(text, 'upload.json');
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.message).toMatch(/^upload\.json: /);
				expect(r.error.message).toMatch(why);
			}
		}
		// A flipped character inside a shard is caught by the digest even when it still decodes.
		const shard: string = parsed.shards.tasks;
		const flipped = shard.slice(0, 40) + (shard[40] === 'A' ? 'B' : 'A') + shard.slice(41);
		const r = await decodeBackup(
			JSON.stringify({ ...parsed, shards: { ...parsed.shards, tasks: flipped } }),
			'f.json'
		);
		expect(r.ok).toBe(false);
	});
});

describe('document files in backups', () => {
	const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
	const files = new Map([
		['01JDOC0000000000000000000A', { type: 'application/pdf', bytes: bytes(200_000, 7) }],
		['01JDOC0000000000000000000B', { type: 'image/png', bytes: bytes(3, 1) }]
	]);

	it('round-trips every file byte-identical, sealed or not', async () => {
		for (const passphrase of [undefined, 'correct horse']) {
			const text = await encodeBackup({
				workspace: { id: 'w1', name: 'H' },
				docs: workspaceDocs(),
				files,
				now: 'x',
				passphrase
			});
			const decoded = await decodeBackup(text, 'b.json', passphrase);
			expect(decoded.ok).toBe(true);
			if (!decoded.ok) return;
			expect([...decoded.value.files.keys()].sort()).toEqual([...files.keys()].sort());
			for (const [id, f] of files) {
				expect(decoded.value.files.get(id)?.type).toBe(f.type);
				expect(decoded.value.files.get(id)?.bytes).toEqual(f.bytes);
			}
		}
	});

	it('catches a changed file through the digest, and refuses malformed file entries', async () => {
		const parsed = JSON.parse(
			await encodeBackup({ workspace: { id: 'w1', name: 'H' }, docs: workspaceDocs(), files, now: 'x' })
		);
		const id = '01JDOC0000000000000000000B';
		const changed = { ...parsed, files: { ...parsed.files, [id]: { type: 'image/png', data: 'AAAA' } } };
		const r = await decodeBackup(JSON.stringify(changed), 'f.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/f\.json: .*checksum/);
		const bad = { ...parsed, files: { '../x': { type: 'image/png', data: 'AAAA' } } };
		const r2 = await decodeBackup(JSON.stringify(bad), 'f.json');
		expect(r2.ok).toBe(false);
		if (!r2.ok) expect(r2.error.message).toMatch(/document files in the backup are malformed/);
	});

	it('still reads a version 1 backup (shards only)', async () => {
		const v2 = JSON.parse(
			await encodeBackup({ workspace: { id: 'w1', name: 'H' }, docs: workspaceDocs(), now: 'x' })
		);
		const { files: _f, ...rest } = v2;
		const shardsOnly = Object.keys(rest.shards).map((s) => `${s}:${rest.shards[s]}`);
		// Version 1's digest covers the shards in SHARDS order (meta before tasks).
		const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(shardsOnly.join('\n')));
		const digest = [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
		const r = await decodeBackup(JSON.stringify({ ...rest, version: 1, digest }), 'old.json');
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.value.files.size).toBe(0);
	});
});

describe('backup trust: signatures, seals and old files', () => {
	const SECRET = 'meta-shard-secret-of-w1';
	const holds = (id: string) => (id === 'w1' ? [SECRET] : []);
	const plain = () =>
		encodeBackup({
			workspace: { id: 'w1', name: 'Harbour Trust' },
			docs: workspaceDocs(),
			now: '2026-11-23T00:00:00Z',
			metaSecret: SECRET
		});

	it('a signed plaintext backup is checked where the workspace is held, unchecked elsewhere', async () => {
		const text = await plain();
		expect(JSON.parse(text).signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(text).not.toContain(SECRET);
		const here = await decodeBackup(text, 'b.json', undefined, holds);
		expect(here.ok && here.value.trust).toBe('signed');
		const elsewhere = await decodeBackup(text, 'b.json', undefined, () => []);
		expect(elsewhere.ok && elsewhere.value.trust).toBe('unchecked');
	});

	it('refuses an edited plaintext backup even when its checksum was recomputed', async () => {
		const parsed = JSON.parse(await plain());
		// Someone changes a task and fixes the checksum, as anyone can: the signature still fails.
		const edited = await encodeBackup({
			workspace: { id: 'w1', name: 'Harbour Trust' },
			docs: (() => {
				const docs = workspaceDocs();
				(docs.get('tasks') as Y.Doc).getMap('extra').set('x', 'forged');
				return docs;
			})(),
			now: '2026-11-23T00:00:00Z'
		});
		const forged = { ...JSON.parse(edited), signature: parsed.signature };
		const cases = [
			forged,
			{ ...parsed, workspace: { ...parsed.workspace, name: 'Other Name' } },
			{ ...parsed, createdAt: '2020-01-01T00:00:00Z' },
			{ ...parsed, signature: undefined },
			{ ...parsed, signature: 'not-a-signature' }
		];
		for (const c of cases) {
			const r = await decodeBackup(JSON.stringify(c), 'edited.json', undefined, holds);
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.code).toBe('backup/edited');
				expect(r.error.message).toMatch(/^edited\.json: this backup was changed after it was made/);
			}
		}
	});

	it('refuses an edited sealed backup and a sealed header swapped onto another workspace', async () => {
		const text = await encodeBackup({
			workspace: { id: 'w1', name: 'H' },
			docs: workspaceDocs(),
			now: 'x',
			passphrase: 'harbour lights 42'
		});
		const sealed = JSON.parse(text);
		expect(sealed.version).toBe(2);
		expect(sealed.workspace).toEqual({ id: 'w1' });
		const data: string = sealed.data;
		const flipped = data.slice(0, 60) + (data[60] === 'A' ? 'B' : 'A') + data.slice(61);
		const swapped = { ...sealed, workspace: { id: 'w2' } };
		for (const c of [{ ...sealed, data: flipped }, swapped]) {
			const r = await decodeBackup(JSON.stringify(c), 's.json', 'harbour lights 42');
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.code).toBe('backup/wrong-passphrase');
				expect(r.error.message).toMatch(/^s\.json: .*changed after it was made/);
			}
		}
		const good = await decodeBackup(text, 's.json', 'harbour lights 42');
		expect(good.ok && good.value.trust).toBe('sealed');
	});

	it('still opens a version 1 sealed backup (no header) and marks old plaintext as unable to be checked', async () => {
		const v3 = JSON.parse(
			await encodeBackup({ workspace: { id: 'w1', name: 'H' }, docs: workspaceDocs(), now: 'x' })
		);
		const v2 = { ...v3, version: 2 };
		const r = await decodeBackup(JSON.stringify(v2), 'old.json', undefined, holds);
		expect(r.ok && r.value.trust).toBe('old');
		// A version 1 sealed file, as an older Keel wrote it: AES-GCM with no additional data.
		const { sealText } = await import('./backup-crypto');
		const s = await sealText(JSON.stringify(v2), 'correct horse');
		const v1Sealed = {
			format: 'keel-backup-sealed',
			version: 1,
			kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: s.salt },
			cipher: { name: 'AES-GCM', iv: s.iv },
			data: s.data
		};
		const opened = await decodeBackup(JSON.stringify(v1Sealed), 'old-sealed.json', 'correct horse');
		expect(opened.ok && opened.value.trust).toBe('sealed');
	});
});
