import { describe, expect, it } from 'vitest';
import { GRANTS, randomKey, SHARDS, type ShardKey, type ShardName } from '../domain/workspace';
import { roomPlan, ROOM_SLOTS, topicOf } from './rooms';

const keys = Object.fromEntries(SHARDS.map((s) => [s, { room: randomKey(), secret: randomKey() }])) as Record<
	ShardName,
	ShardKey
>;
const holding = (shards: readonly ShardName[]) => Object.fromEntries(shards.map((s) => [s, keys[s]]));
const SHAPE = /^keel-[A-Za-z0-9_-]{24}$/;

describe('room topics do not tell the signaling server which shards a peer holds', () => {
	it('every grant subscribes to the same number of topics, all of one shape', () => {
		const plans = Object.values(GRANTS).map((g) => roomPlan(holding(g.shards)));
		for (const plan of plans) {
			expect(plan.map((r) => r.slot)).toEqual([...ROOM_SLOTS]);
			for (const r of plan) expect(r.topic).toMatch(SHAPE);
			expect(new Set(plan.map((r) => r.topic)).size).toBe(ROOM_SLOTS.length);
		}
	});

	it('a Tasks-only peer and an everything peer: same count, the real rooms shared, the rest decoys', () => {
		const tasksOnly = roomPlan(holding(['meta', 'tasks']));
		const everything = roomPlan(holding(['meta', 'tasks', 'books', 'people']));
		expect(tasksOnly).toHaveLength(everything.length);
		expect(tasksOnly.filter((r) => r.decoy).map((r) => r.slot)).toEqual(['books', 'people', 'people-files']);
		expect(everything.some((r) => r.decoy)).toBe(false);
		// Shared where both hold the shard; a decoy never lands in a real room, nor shows its key.
		expect(tasksOnly.slice(0, 2)).toEqual(everything.slice(0, 2));
		const realTopics = new Set(everything.map((r) => r.topic));
		for (const d of tasksOnly.filter((r) => r.decoy)) {
			expect(realTopics.has(d.topic)).toBe(false);
			expect(Object.values(keys).some((k) => k.secret === d.password)).toBe(false);
		}
		// The files room no longer shows its "-files" suffix; topics hide the room ids themselves.
		expect(everything.map((r) => r.topic).join(' ')).not.toMatch(/files|meta|tasks|books|people/);
		expect(topicOf(keys.tasks.room)).not.toContain(keys.tasks.room);
	});

	it('two members without a shard derive the same decoy, so a decoy room has members like a real one', () => {
		const bob = roomPlan(holding(['meta', 'tasks']));
		const carol = roomPlan(holding(['meta', 'tasks', 'people']));
		expect(bob.find((r) => r.slot === 'books')).toEqual(carol.find((r) => r.slot === 'books'));
		const otherWorkspace = roomPlan({ meta: { room: randomKey(), secret: randomKey() }, tasks: keys.tasks });
		expect(otherWorkspace.find((r) => r.slot === 'books')?.topic).not.toBe(
			bob.find((r) => r.slot === 'books')?.topic
		);
	});
});
