// The audit log end to end on real Y.Docs: what a browser records of its own changes, and what every
// replica finds when entries are removed, rewritten, forged or missing.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AuditRecorder, auditArray, readAuditLog, storedValues } from './audit-log';
import { sealEntry } from '$lib/shared/domain/audit';

const WORDS = { tasks: 'Task', settings: 'Books settings' };
let tick = 0;
const now = () => `2026-06-15T10:00:${String(tick++ % 60).padStart(2, '0')}.000Z`;

function replica(name: string) {
	const doc = new Y.Doc();
	const recorder = new AuditRecorder(doc, { words: WORDS, author: () => ({ id: `m-${name}`, name }), now });
	return { doc, recorder };
}
function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
function addTask(doc: Y.Doc, id: string, title: string) {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('id', id);
		m.set('title', title);
		m.set('description', new Y.Text());
		doc.getMap('tasks').set(id, m);
	});
}
const task = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('tasks').get(id) as Y.Map<unknown>;
const ID1 = '01JAAAAAAAAAAAAAAAAAAAAAA1';

describe('audit log', () => {
	it('records each browser’s own changes with before and after, and both replicas read the same clean log', () => {
		const a = replica('Ada');
		const b = replica('Ben');
		addTask(a.doc, ID1, 'Pay the rent');
		a.recorder.flush();
		sync(a.doc, b.doc);
		task(b.doc, ID1).set('title', 'Pay the office rent');
		b.doc.getMap('settings').set('lockDate', '2026-03-31');
		b.recorder.flush();
		sync(a.doc, b.doc);

		const logA = readAuditLog(a.doc);
		const logB = readAuditLog(b.doc);
		expect(logA).toEqual(logB);
		expect(logA.problems).toEqual([]);
		const changes = logA.entries.flatMap((e) => e.changes.map((c) => ({ who: e.authorName, ...c })));
		expect(changes).toContainEqual({
			who: 'Ada',
			what: 'Task',
			label: 'Pay the rent',
			field: '',
			action: 'added',
			before: '',
			after: 'Pay the rent'
		});
		expect(changes).toContainEqual({
			who: 'Ben',
			what: 'Task',
			label: 'Pay the office rent',
			field: 'title',
			action: 'changed',
			before: 'Pay the rent',
			after: 'Pay the office rent'
		});
		expect(changes).toContainEqual({
			who: 'Ben',
			what: 'Books settings',
			label: '',
			field: 'lock date',
			action: 'added',
			before: '',
			after: '2026-03-31'
		});
	});

	it('typing is one entry, with the text before the first keystroke and after the last', () => {
		const a = replica('Ada');
		addTask(a.doc, ID1, 'Call the bank');
		a.recorder.flush();
		const text = task(a.doc, ID1).get('description') as Y.Text;
		text.insert(0, 'Ask about fees');
		a.recorder.flush();
		const before = auditArray(a.doc).length;
		for (const ch of '. Soon') a.doc.transact(() => text.insert(text.length, ch));
		text.delete(0, 4);
		a.recorder.flush();
		expect(auditArray(a.doc).length).toBe(before + 1);
		const last = readAuditLog(a.doc).entries.at(-1);
		expect(last?.changes).toEqual([
			{
				what: 'Task',
				label: 'Call the bank',
				field: 'description',
				action: 'changed',
				before: 'Ask about fees',
				after: 'about fees. Soon'
			}
		]);
	});

	it('a shard with history and no log starts one that vouches for what came before', () => {
		const old = new Y.Doc();
		addTask(old, ID1, 'Older task');
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(old));
		const r = new AuditRecorder(doc, { words: WORDS, author: () => ({ id: 'm', name: 'Ada' }), now });
		expect(readAuditLog(doc)).toMatchObject({ problems: [] });
		expect(readAuditLog(doc).entries[0]?.kind).toBe('start');
		task(doc, ID1).set('title', 'Renamed');
		r.flush();
		expect(readAuditLog(doc).problems).toEqual([]);
	});

	it('finds an entry removed by another member', () => {
		const a = replica('Ada');
		const mallory = replica('Mallory');
		addTask(a.doc, ID1, 'One');
		a.recorder.flush();
		task(a.doc, ID1).set('title', 'Two');
		a.recorder.flush();
		task(a.doc, ID1).set('title', 'Three');
		a.recorder.flush();
		sync(a.doc, mallory.doc);
		auditArray(mallory.doc).delete(1, 1);
		sync(a.doc, mallory.doc);
		const problems = readAuditLog(a.doc).problems;
		expect(problems.map((p) => p.kind)).toContain('missing');
		expect(problems.find((p) => p.kind === 'missing')?.message).toMatch(/1 entry of Ada's log is missing/);
	});

	it('refuses an entry rewritten by another member, even with a fresh seal', () => {
		const a = replica('Ada');
		const mallory = replica('Mallory');
		addTask(a.doc, ID1, 'One');
		a.recorder.flush();
		sync(a.doc, mallory.doc);
		const [stored] = storedValues(mallory.doc);
		const original = stored?.value as Parameters<typeof sealEntry>[0];
		const rewritten = sealEntry({ ...original, changes: [], authorName: 'Ada' });
		mallory.doc.transact(() => {
			auditArray(mallory.doc).delete(0, 1);
			auditArray(mallory.doc).insert(0, [rewritten]);
		});
		sync(a.doc, mallory.doc);
		const kinds = readAuditLog(a.doc).problems.map((p) => p.kind);
		// The rewrite is refused, and without the original Ada's changes are no longer accounted for.
		expect(kinds).toEqual(['forged', 'unlogged', 'unlogged']);
	});

	it('finds an entry whose content was altered without a new seal', () => {
		const a = new Y.Doc();
		const r = new AuditRecorder(a, { words: WORDS, author: () => ({ id: 'm', name: 'Ada' }), now });
		addTask(a, ID1, 'One');
		r.destroy();
		const entry = storedValues(a)[0]?.value as Record<string, unknown>;
		// Same client, same place: only possible for the author itself (or a tampered copy of its data).
		const doc = new Y.Doc();
		doc.clientID = a.clientID;
		addTask(doc, ID1, 'One');
		doc.getArray('audit').push([{ ...entry, authorName: 'Someone else' }]);
		expect(readAuditLog(doc).problems.map((p) => p.kind)).toContain('altered');
	});

	it('names changes a member made without logging them', () => {
		const a = replica('Ada');
		const mallory = new Y.Doc(); // an edited client: writes, never logs
		addTask(a.doc, ID1, 'One');
		a.recorder.flush();
		sync(a.doc, mallory);
		task(mallory, ID1).set('title', 'Quietly changed');
		sync(a.doc, mallory);
		const problems = readAuditLog(a.doc).problems;
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ kind: 'unlogged' });
		expect(problems[0]?.message).toMatch(/^Changes by a device the log does not name are not in the log/);
	});

	it('a malformed entry is counted aside, never a crash', () => {
		const a = replica('Ada');
		addTask(a.doc, ID1, 'One');
		a.recorder.flush();
		const mallory = new Y.Doc();
		sync(a.doc, mallory);
		auditArray(mallory).push([{ v: 1, kind: 'changes', seq: 'x' }, 42, null]);
		sync(a.doc, mallory);
		const log = readAuditLog(a.doc);
		expect(log.entries.length).toBeGreaterThan(0);
		expect(log.problems.find((p) => p.kind === 'malformed')?.message).toBe(
			'3 log entries could not be read and are not counted.'
		);
	});

	it('three replicas receiving updates in any order read the same log', () => {
		const rs = ['Ada', 'Ben', 'Cy'].map(replica);
		const updates: Uint8Array[] = [];
		for (const r of rs)
			r.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'x' && updates.push(u));
		rs.forEach((r, i) => {
			addTask(r.doc, `01JAAAAAAAAAAAAAAAAAAAAAB${i}`, `Task ${i}`);
			r.recorder.flush();
			task(r.doc, `01JAAAAAAAAAAAAAAAAAAAAAB${i}`).set('title', `Task ${i} renamed`);
			r.recorder.flush();
		});
		const fresh = [new Y.Doc(), new Y.Doc()];
		let seed = 7;
		const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		for (const f of fresh) {
			const order = [...updates].sort(() => rand() - 0.5);
			for (const u of order) Y.applyUpdate(f, u, 'x');
		}
		const [x, y] = fresh.map((f) => readAuditLog(f as Y.Doc));
		expect(x).toEqual(y);
		expect(x?.problems).toEqual([]);
		expect(x?.entries).toHaveLength(6);
	});
});

describe('where the log begins', () => {
	it('a shard that already has a log never gets a second start, so removing an entry cannot be covered up', () => {
		const a = replica('Ada');
		addTask(a.doc, ID1, 'One');
		a.recorder.flush();
		a.recorder.destroy();
		// The same browser opens the workspace again (a new Yjs client) …
		const again = new Y.Doc();
		Y.applyUpdate(again, Y.encodeStateAsUpdate(a.doc));
		new AuditRecorder(again, { words: WORDS, author: () => ({ id: 'm', name: 'Ada' }), now });
		expect(storedValues(again).filter((s) => (s.value as { kind?: string }).kind === 'start')).toEqual([]);
		// … and a teammate removes Ada's only entry: her change is no longer accounted for.
		auditArray(again).delete(0, 1);
		expect(readAuditLog(again).problems.map((p) => p.kind)).toEqual(['unlogged']);
	});
});
