// Randomized tasks-shard runs with malicious replicas among honest ones: shuffled delivery, random
// disconnects, and malicious writes (values of every type under the tasks and lists maps, task records
// with garbage under known field names, records posing as an honest task under another key). The
// honest replicas must end identical, open without throwing, and show the honest tasks and lists
// exactly as a replica that only received honest updates shows them. Edits and deletions inside an
// honest task's own record cannot be told from honest ones until records are signed; for those the
// test asserts that honest replicas still converge and open, and that every task they show reads soundly.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { commentSchema, linkSchema, recurrenceSchema, type Task } from '$lib/tasks/domain';
import { parseIsoDate, v } from '$lib/shared/domain';
import { TasksReplica } from './replica';
import { listsMap, readAllLists, readAllTasks, tasksMap } from './doc';
import { plainTask } from '$lib/tasks/domain/test-fixtures';

type Random = () => number;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

const newTask = (id: string, by: string, order: string): Task => plainTask(id, 'list-a', order, by);

/** A value of some type a malicious peer files under the tasks or lists map. */
function garbage(random: Random, key: string, honestIds: readonly string[]): unknown {
	const kind = Math.floor(random() * 9);
	if (kind === 0) return 42;
	if (kind === 1) return 'junk';
	if (kind === 2) return null;
	if (kind === 3) return { id: key, title: 'plain object, not a shared record' };
	if (kind === 4) return Y.Array.from([1, 2, 3]);
	if (kind === 5) return new Y.Text('text, not a record');
	const m = new Y.Map<unknown>();
	// Known field names with values of the wrong type.
	m.set('schemaVersion', pick(random, [1, '1', -3, 1.5]));
	m.set('id', kind === 6 ? 17 : kind === 7 ? key : pick(random, honestIds.length ? honestIds : [key]));
	m.set('title', pick(random, [5, null, { a: 1 }, 'Forged title']));
	m.set('priority', pick(random, ['high', 99, -1]));
	m.set('status', pick(random, ['exploded', 3]));
	m.set('due', pick(random, ['2026-13-45', 20260101, 'tomorrow']));
	m.set('labels', pick(random, [5, 'urgent', Y.Array.from(['x'])]));
	m.set('checklist', pick<unknown>(random, ['junk', new Y.Map(), Y.Array.from([{ id: 1 }])]));
	m.set('comments', pick<unknown>(random, [7, new Y.Text('c')]));
	m.set('links', pick<unknown>(random, [false, 'x']));
	m.set('description', pick<unknown>(random, [7, 'plain text', new Y.Text('ok')]));
	m.set('recurrence', pick(random, [{ every: 'sometimes' }, 3, 'weekly']));
	m.set('order', pick(random, [1, null, 'a0']));
	m.set('deletedAt', pick(random, [0, '', false]));
	return m;
}

interface Run {
	honest: TasksReplica[];
	docs: Y.Doc[];
	reference: Y.Doc;
	/** Ids of the tasks honest replicas created. */
	created: Set<string>;
	/** Honest task ids a malicious replica wrote into or deleted (attack B only). */
	attacked: Set<string>;
}

function run(seed: number, opts: { intoHonest: boolean }): Run {
	const random = rng(seed);
	const honestCount = 2 + Math.floor(random() * 3);
	const maliciousCount = 1 + Math.floor(random() * 2);
	const net = new ReplicaNet(honestCount + maliciousCount, random);
	const docs = net.docs.slice(0, honestCount);
	const honest = docs.map((d) => new TasksReplica(d));
	const honestUpdates: Uint8Array[] = [];
	for (const d of docs)
		d.on('update', (u: Uint8Array, origin: unknown) => {
			if (origin !== 'net') honestUpdates.push(u);
		});
	const created = new Set<string>();
	const attacked = new Set<string>();
	let serial = 0;

	const steps = 40 + Math.floor(random() * 40);
	for (let step = 0; step < steps; step++) {
		const who = Math.floor(random() * net.docs.length);
		const roll = random();
		if (who < honestCount) {
			const r = honest[who] as TasksReplica;
			// Honest edits only touch honest tasks: a malicious record is never built upon.
			const mine = r.all().filter((t) => created.has(t.id));
			const target = mine.length ? pick(random, mine) : undefined;
			if (roll < 0.05)
				r.createList({
					schemaVersion: 1,
					id: `l${who}-${serial++}`,
					name: 'List',
					order: `a${serial}`,
					archived: false
				});
			else if (roll < 0.35 || !target) {
				const id = `t${who}-${serial++}`;
				r.create(newTask(id, `h${who}`, `a${serial}`));
				created.add(id);
			} else if (roll < 0.6) r.patch(target.id, { title: `Edited ${serial++}` });
			else if (roll < 0.7) r.patch(target.id, { status: pick(random, ['todo', 'doing', 'done'] as const) });
			else if (roll < 0.8) r.setLabel(target.id, pick(random, ['tax', 'urgent']), random() < 0.7);
			else if (roll < 0.88) r.setDescription(target.id, `Note ${serial++}`);
			else if (roll < 0.93) r.delete(target.id, '2026-01-02T00:00:00.000Z');
			else net.online[who] = !net.online[who];
		} else {
			const doc = net.docs[who] as Y.Doc;
			const tasks = tasksMap(doc) as Y.Map<unknown>;
			const lists = listsMap(doc) as Y.Map<unknown>;
			const known = [...created].filter((id) => tasks.has(id));
			if (roll < 0.5) {
				const key = `evil-${who}-${serial++}`;
				tasks.set(key, garbage(random, key, known));
			} else if (roll < 0.65) {
				const key = `evil-list-${serial++}`;
				lists.set(key, garbage(random, key, []));
			} else if (opts.intoHonest && roll < 0.85 && known.length) {
				// Garbage under known field names of an honest task's own record.
				const id = pick(random, known);
				const m = tasks.get(id);
				if (m instanceof Y.Map) {
					const field = pick(random, [
						'title',
						'priority',
						'status',
						'due',
						'labels',
						'checklist',
						'id',
						'schemaVersion'
					]);
					m.set(field, pick(random, [7, null, 'garbage', { a: 1 }]));
					attacked.add(id);
				}
			} else if (opts.intoHonest && roll < 0.92 && known.length) {
				// A deletion of someone else's record, which the model forbids (deletion is a tombstone).
				const id = pick(random, known);
				tasks.delete(id);
				attacked.add(id);
			} else net.online[who] = !net.online[who];
		}
		net.deliverSome(Math.floor(random() * 5));
	}
	net.flush();
	// y-webrtc's sync step on (re)connect: each replica sends the others what their state vector lacks.
	// Needed: with single updates delivered shuffled, Yjs 13.6 can leave a garbage-collecting replica
	// holding a deleted record's update as pending (seed 34 of the second test, a hard delete of an
	// honest task); the sync step resolves it, as it does between real peers.
	for (const to of net.docs)
		for (const from of net.docs)
			if (to !== from) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'net');

	const reference = new Y.Doc();
	for (const u of honestUpdates) Y.applyUpdate(reference, u);
	return { honest, docs, reference, created, attacked };
}

/**
 * Every field of a shown task holds a value of its type (garbage reads as the field's default). A
 * required text left blank by garbage still shows, blank, as the tasks reader has always done.
 */
function typedSoundly(t: Task): boolean {
	const texts = [t.id, t.listId, t.title, t.description, t.order, t.createdAt, t.createdBy];
	return (
		texts.every((x) => typeof x === 'string') &&
		[0, 1, 2, 3].includes(t.priority) &&
		['todo', 'doing', 'done'].includes(t.status) &&
		(t.due === null || parseIsoDate(t.due) !== undefined) &&
		t.labels.every((l) => typeof l === 'string') &&
		(t.recurrence === null || v.is(recurrenceSchema, t.recurrence)) &&
		t.checklist.every((c) => typeof c.text === 'string' && typeof c.done === 'boolean') &&
		t.comments.every((c) => v.is(commentSchema, c)) &&
		t.links.every((l) => v.is(linkSchema, l))
	);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The honest tasks a replica shows, in one order. */
function honestTasks(tasks: readonly Task[], created: ReadonlySet<string>): Task[] {
	return tasks.filter((t) => created.has(t.id)).sort(byId);
}

function reopened(doc: Y.Doc): TasksReplica {
	const fresh = new Y.Doc();
	Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
	return new TasksReplica(fresh);
}

describe('tasks shard with malicious replicas', () => {
	it('honest replicas converge and show exactly what a run without the malicious ones shows (100 seeds)', () => {
		let shown = 0;
		for (let seed = 1; seed <= 100; seed++) {
			const { honest, docs, reference, created } = run(seed, { intoHonest: false });
			expect(reference.store.pendingStructs, `seed ${seed}`).toBeNull();
			const clean = honestTasks(readAllTasks(reference), created);
			const honestList = (l: { id: string }) => !l.id.startsWith('evil');
			const cleanLists = readAllLists(reference).filter(honestList);
			for (const [i, r] of honest.entries()) {
				const doc = docs[i] as Y.Doc;
				expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(docs[0] as Y.Doc));
				// The live view (built change by change), a fresh read and a reopened copy all agree.
				expect(honestTasks(r.all(), created), `seed ${seed}`).toEqual(clean);
				expect(honestTasks(reopened(doc).all(), created), `seed ${seed}`).toEqual(clean);
				// Lists a malicious member made are theirs to make (any Tasks member may add a list).
				expect(readAllLists(doc).filter(honestList), `seed ${seed}`).toEqual(cleanLists);
				// Nothing a malicious replica wrote poses as an honest task.
				for (const t of r.all()) if (created.has(t.id)) expect(t).toEqual(clean.find((c) => c.id === t.id));
			}
			shown += clean.length;
		}
		expect(shown).toBeGreaterThan(300);
	});

	it('writes into honest records never crash an open, and honest replicas still converge (100 seeds)', () => {
		let attacked = 0;
		for (let seed = 1; seed <= 100; seed++) {
			const run_ = run(seed, { intoHonest: true });
			for (const d of run_.docs) expect(d.store.pendingStructs, `seed ${seed}`).toBeNull();
			const first = (run_.honest[0] as TasksReplica).all().sort(byId);
			for (const [i, r] of run_.honest.entries()) {
				const doc = run_.docs[i] as Y.Doc;
				expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(run_.docs[0] as Y.Doc));
				expect(r.all().sort(byId), `seed ${seed}`).toEqual(first);
				expect(reopened(doc).all().sort(byId), `seed ${seed}`).toEqual(first);
			}
			// Every task shown reads soundly, garbage fields read as defaults; untouched honest tasks are exact.
			// (Only when the honest updates never built on a malicious one can the reference hold them all.)
			const clean = run_.reference.store.pendingStructs === null ? readAllTasks(run_.reference) : [];
			for (const t of first) {
				expect(typedSoundly(t), `seed ${seed} ${t.id}`).toBe(true);
				const c = clean.find((x) => x.id === t.id);
				if (run_.created.has(t.id) && !run_.attacked.has(t.id) && c) expect(t).toEqual(c);
			}
			attacked += run_.attacked.size;
		}
		expect(attacked).toBeGreaterThan(50);
	});
});
