// Randomized multi-replica runs: 3–5 replicas edit tasks concurrently with random disconnects and
// shuffled delivery; afterwards every replica must hold identical tasks, nothing created may be
// lost, every word typed into a description must survive, and list order must be total and valid.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareOrder, isValidKey, keyForPosition, type Task } from '$lib/tasks/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { TasksReplica } from './replica';
import { plainTask } from '$lib/tasks/domain/test-fixtures';

const LISTS = ['list-a', 'list-b'];

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
	return items[Math.floor(random() * items.length)];
}

function snapshot(r: TasksReplica): string {
	return JSON.stringify(r.all().sort((a, b) => (a.id < b.id ? -1 : 1)));
}

function runSeed(seed: number) {
	const random = rng(seed);
	const count = 3 + Math.floor(random() * 3);
	const net = new ReplicaNet(count, random);
	const replicas = net.docs.map((d) => new TasksReplica(d));
	const created = new Set<string>();
	const deleted = new Set<string>();
	const typed = new Map<string, string[]>(); // task id -> tokens typed into its description
	const comments = new Map<string, string[]>();
	let serial = 0;

	const steps = 40 + Math.floor(random() * 40);
	for (let step = 0; step < steps; step++) {
		const who = Math.floor(random() * count);
		const r = replicas[who] as TasksReplica;
		// Out-of-order delivery can leave a task briefly without its order key (Yjs applies a delete
		// before the pending replacement arrives); position math skips such siblings, as the app does.
		const mine = r.all().filter((t) => isValidKey(t.order));
		const target = pick(random, mine);
		const roll = random();
		if (roll < 0.2 || !target) {
			const id = `t${seed}-${who}-${serial++}`;
			const listId = pick(random, LISTS) as string;
			const siblings = mine.filter((t) => t.listId === listId).sort(compareOrder);
			const order = keyForPosition(siblings, Math.floor(random() * (siblings.length + 1)), `r${who}`);
			r.create(plainTask(id, listId, order, `member-${who}`));
			created.add(id);
		} else if (roll < 0.35) {
			const token = `[${who}:${serial++}]`;
			const text = target.description;
			const at = Math.floor(random() * (text.length + 1));
			// Insert only between tokens so the tokens themselves stay whole and checkable.
			const cut = text.lastIndexOf(']', at - 1) + 1;
			r.setDescription(target.id, text.slice(0, cut) + token + text.slice(cut));
			typed.set(target.id, [...(typed.get(target.id) ?? []), token]);
		} else if (roll < 0.5) {
			const field = pick(random, ['title', 'priority', 'status', 'due', 'assignee'] as const);
			if (field === 'title') r.patch(target.id, { title: `Renamed by ${who} #${serial++}` });
			if (field === 'priority')
				r.patch(target.id, { priority: Math.floor(random() * 4) as Task['priority'] });
			if (field === 'status')
				r.patch(target.id, { status: pick(random, ['todo', 'doing', 'done'] as const) });
			if (field === 'due')
				r.patch(target.id, {
					due: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` as Task['due']
				});
			if (field === 'assignee') r.patch(target.id, { assignee: `member-${Math.floor(random() * count)}` });
		} else if (roll < 0.62) {
			const siblings = mine
				.filter((t) => t.listId === target.listId && t.id !== target.id)
				.sort(compareOrder);
			const listId = random() < 0.2 ? (pick(random, LISTS) as string) : target.listId;
			const dest =
				listId === target.listId ? siblings : mine.filter((t) => t.listId === listId).sort(compareOrder);
			r.patch(target.id, {
				listId,
				order: keyForPosition(dest, Math.floor(random() * (dest.length + 1)), `r${who}`)
			});
		} else if (roll < 0.72) {
			r.setLabel(target.id, pick(random, ['tax', 'urgent', 'client', 'payroll']) as string, random() < 0.8);
		} else if (roll < 0.82) {
			const id = `c${seed}-${who}-${serial++}`;
			r.addComment(target.id, {
				id,
				author: `member-${who}`,
				at: `2026-01-01T00:00:${String(serial % 60).padStart(2, '0')}.000Z`,
				text: `comment ${id}`
			});
			comments.set(target.id, [...(comments.get(target.id) ?? []), id]);
		} else if (roll < 0.9) {
			const item = pick(random, target.checklist);
			if (item && random() < 0.6) r.upsertChecklistItem(target.id, { ...item, done: !item.done });
			else
				r.upsertChecklistItem(target.id, {
					id: `i${serial++}`,
					text: `step by ${who}`,
					done: false,
					order: keyForPosition(target.checklist, target.checklist.length, `r${who}`)
				});
		} else if (roll < 0.93) {
			r.delete(target.id, '2026-01-02T00:00:00.000Z');
			deleted.add(target.id);
		} else {
			const i = Math.floor(random() * count);
			net.online[i] = !net.online[i];
		}
		net.deliverSome(Math.floor(random() * 4));
	}
	net.flush();

	const first = snapshot(replicas[0] as TasksReplica);
	for (const r of replicas) expect(snapshot(r)).toBe(first);

	// Also compare the raw documents: identical state, not merely identical projections.
	const state0 = Y.encodeStateVector(net.docs[0] as Y.Doc);
	for (const d of net.docs) expect(Y.encodeStateVector(d)).toEqual(state0);

	const r0 = replicas[0] as TasksReplica;
	for (const id of created) {
		if (deleted.has(id)) expect(r0.get(id)).toBeUndefined();
		else expect(r0.get(id), `task ${id} lost (seed ${seed})`).toBeDefined();
	}
	for (const [id, tokens] of typed) {
		const t = r0.get(id);
		if (!t) continue;
		for (const token of tokens) expect(t.description, `seed ${seed}`).toContain(token);
	}
	for (const [id, ids] of comments) {
		const t = r0.get(id);
		if (!t) continue;
		for (const c of ids)
			expect(
				t.comments.some((x) => x.id === c),
				`comment ${c} lost`
			).toBe(true);
	}
	for (const listId of LISTS) {
		const ordered = r0
			.all()
			.filter((t) => t.listId === listId)
			.sort(compareOrder);
		for (const t of ordered) expect(isValidKey(t.order), `bad key ${t.order}`).toBe(true);
		for (const r of replicas) {
			expect(
				r
					.all()
					.filter((t) => t.listId === listId)
					.sort(compareOrder)
					.map((t) => t.id)
			).toEqual(ordered.map((t) => t.id));
		}
	}
	return { created: created.size, replicas: count };
}

describe('tasks shard under randomized multi-replica editing', () => {
	it('converges with nothing lost over 300 seeds', () => {
		let tasks = 0;
		for (let seed = 1; seed <= 300; seed++) tasks += runSeed(seed).created;
		expect(tasks).toBeGreaterThan(1000);
	});

	it('keeps both concurrent edits to different fields of one task', () => {
		const net = new ReplicaNet(2, rng(7));
		const [a, b] = net.docs.map((d) => new TasksReplica(d)) as [TasksReplica, TasksReplica];
		a.create(plainTask('x', 'list-a', 'a0', 'me'));
		net.flush();
		net.online[0] = false;
		a.patch('x', { title: 'Reconcile March' });
		b.patch('x', { due: '2026-03-31' as Task['due'] });
		a.setDescription('x', 'Alice typed this.');
		b.setDescription('x', 'Bob typed that.');
		net.flush();
		for (const r of [a, b]) {
			const t = r.get('x') as Task;
			expect(t.title).toBe('Reconcile March');
			expect(t.due).toBe('2026-03-31');
			expect(t.description).toContain('Alice typed this.');
			expect(t.description).toContain('Bob typed that.');
		}
	});
});
