// The shared files doc: files written once by document id converge across replicas with shuffled
// delivery and disconnects, a reader hands out only bytes that match their recorded hash, and the
// room key derives from the people shard's key (same holders, a different room).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { PeopleFilesReplica, peopleFilesKey, sha256Hex } from '../../shared/sync/files';

const bytesOf = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);

describe('shared People files', () => {
	it('derives its room from the people key, never equal to it', () => {
		const key = peopleFilesKey({ room: 'r00m', secret: 's3cret' });
		expect(key.room).not.toBe('r00m');
		expect(key.secret).not.toBe('s3cret');
		expect(peopleFilesKey({ room: 'r00m', secret: 's3cret' })).toEqual(key);
	});

	it('hands out a file only when its bytes match its hash', async () => {
		const doc = new Y.Doc();
		const r = new PeopleFilesReplica(doc);
		const bytes = bytesOf(1000, 3);
		expect(r.put('d1', { type: 'application/pdf', sha256: await sha256Hex(bytes), bytes })).toBe(true);
		expect(
			r.put('d1', { type: 'application/pdf', sha256: await sha256Hex(bytes), bytes: bytesOf(5, 1) })
		).toBe(false);
		const got = await r.get('d1');
		expect(got !== 'damaged' && got?.bytes).toEqual(bytes);
		// A peer writes bytes that do not match the hash it claims.
		doc
			.getMap('files')
			.set('d2', { type: 'image/png', sha256: await sha256Hex(bytesOf(10, 1)), bytes: bytesOf(10, 2) });
		doc.getMap('files').set('d3', { type: 'image/png', sha256: 'nope', bytes: 'not bytes' });
		expect(await r.get('d2')).toBe('damaged');
		expect(await r.get('d3')).toBe('damaged');
		expect(await r.get('missing')).toBeUndefined();
		r.remove(['d1', 'd2']);
		expect(r.ids()).toEqual(['d3']);
	});

	it('converges across replicas with shuffled delivery and disconnects (40 seeds)', async () => {
		for (let seed = 1; seed <= 40; seed++) {
			const random = rng(seed);
			const net = new ReplicaNet(3 + Math.floor(random() * 3), random);
			const replicas = net.docs.map((d) => new PeopleFilesReplica(d));
			const written = new Map<string, Uint8Array>();
			const removed = new Set<string>();
			for (let step = 0; step < 30; step++) {
				const who = Math.floor(random() * replicas.length);
				const r = replicas[who] as PeopleFilesReplica;
				const roll = random();
				if (roll < 0.15) net.online[who] = !net.online[who];
				else if (roll < 0.8) {
					const id = `doc${Math.floor(random() * 12)}`;
					const bytes = bytesOf(100 + Math.floor(random() * 5000), seed + step);
					if (r.put(id, { type: 'application/pdf', sha256: await sha256Hex(bytes), bytes }))
						written.set(`${who}:${id}`, bytes);
				} else {
					const id = `doc${Math.floor(random() * 12)}`;
					if (r.has(id)) {
						r.remove([id]);
						removed.add(id);
					}
				}
				net.deliverSome(Math.floor(random() * 5));
			}
			net.flush();
			const ids = replicas.map((r) => r.ids());
			for (const list of ids) expect(list).toEqual(ids[0]);
			// Every file handed out is whole: its bytes match its hash, on every replica.
			for (const r of replicas)
				for (const id of r.ids()) {
					const f = await r.get(id);
					expect(f).not.toBe('damaged');
					expect(f).toBeDefined();
				}
			// A file written and never removed is there.
			for (const key of written.keys()) {
				const id = key.split(':')[1] as string;
				if (!removed.has(id)) expect(ids[0]).toContain(id);
			}
			for (const r of replicas) r.destroy();
		}
	});
});
