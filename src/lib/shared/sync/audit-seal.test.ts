// Signed audit log entries on real Y.Docs with real Ed25519 keys: a recorder seals each entry before
// writing it, the log still checks clean, and the reader names the member whose device signed it —
// one signature check per device's chain — and flags an entry whose named author is not its signer.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeTrust, type Role, type StatementBody } from '$lib/shared/domain/identity';
import { generateDeviceKey, verifySigned, type DeviceKey } from '$lib/shared/crypto/signing';
import { attributeAudit } from '$lib/shared/domain/audit-signers';
import { sealEntry, type AuditEntry } from '$lib/shared/domain/audit';
import { unaccountedDeletions } from '$lib/shared/domain/audit-deletions';
import { AuditRecorder, auditArray, deletedRuns, readAuditLog } from './audit-log';
import { auditSealCheck, auditSealContext, sealAuditEntry } from './audit-seal';
import { createSealChecker } from './fact-seal';

const WORDS = { tasks: 'Task' };
const ctx = auditSealContext('W1', 'tasks');
const now = () => '2026-06-15T10:00:00.000Z';
const ID1 = '01JAAAAAAAAAAAAAAAAAAAAAA1';
const ID2 = '01JAAAAAAAAAAAAAAAAAAAAAA2';
const ID3 = '01JAAAAAAAAAAAAAAAAAAAAAA3';
const NAMES: Record<string, string> = { 'm-ada': 'Ada', 'm-ben': 'Ben' };

function grant(id: string, by: string, memberKey: string, member: string, role: Role): StatementBody {
	return { v: 1, kind: 'grant', id, workspaceId: 'W1', by, member, memberKey, role };
}

async function team() {
	const ada = await generateDeviceKey();
	const ben = await generateDeviceKey();
	const trust = computeTrust(ada.publicKey, [
		grant('g0', ada.publicKey, ada.publicKey, 'm-ada', 'owner'),
		grant('g1', ada.publicKey, ben.publicKey, 'm-ben', 'books')
	]);
	return { ada, ben, trust };
}

function recorder(doc: Y.Doc, author: { id: string; name: string }, device: DeviceKey | null) {
	return new AuditRecorder(doc, {
		words: WORDS,
		author: () => author,
		now,
		signer: () => (device ? { device, ctx } : null)
	});
}

function addTask(doc: Y.Doc, id: string, title: string) {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		m.set('title', title);
		doc.getMap('tasks').set(id, m);
	});
}

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Reads the log as the Audit log screen does, after every signature it asked for was checked. */
async function judged(doc: Y.Doc, trust: ReturnType<typeof computeTrust>) {
	let verifications = 0;
	const checker = createSealChecker({
		verify: (key, body, sig) => {
			verifications++;
			return verifySigned(key, body, sig);
		}
	});
	const seals = auditSealCheck({ checker, ctx, trust, memberName: (id) => NAMES[id] });
	attributeAudit(readAuditLog(doc), seals);
	await checker.settled();
	const log = attributeAudit(readAuditLog(doc), seals);
	const deletions = () =>
		unaccountedDeletions({ runs: deletedRuns(doc, WORDS), log, ownSeal: (e) => seals.status(e) });
	deletions();
	await checker.settled();
	return { log, verifications, who: (e: AuditEntry) => log.who.get(e), deletions: deletions() };
}

describe('signed audit entries', () => {
	it('are sealed before they are written, check clean, and name the signer with one check per chain', async () => {
		const { ada, trust } = await team();
		const doc = new Y.Doc();
		const rec = recorder(doc, { id: 'm-ada', name: 'Ada' }, ada);
		addTask(doc, ID1, 'Pay rent');
		rec.flush();
		await rec.settled();
		addTask(doc, ID2, 'File VAT');
		rec.flush();
		await rec.settled();

		const stored = auditArray(doc).toArray() as AuditEntry[];
		expect(stored).toHaveLength(2);
		for (const e of stored) expect(e.seal).toMatchObject({ by: ada.publicKey });
		expect(readAuditLog(doc).problems).toEqual([]);

		const { log, verifications } = await judged(doc, trust);
		expect(verifications).toBe(1);
		expect(log.problems).toEqual([]);
		expect([...log.who.values()].map((w) => [w.name, w.signedBy, w.mark, w.alarm])).toEqual([
			['Ada (Owner)', 'Ada', 'signed', false],
			['Ada (Owner)', 'Ada', 'signed', false]
		]);
	});

	it('sign again when a local change lands while an entry is being signed, so the chain still covers it', async () => {
		const { ada, trust } = await team();
		const doc = new Y.Doc();
		const rec = recorder(doc, { id: 'm-ada', name: 'Ada' }, ada);
		addTask(doc, ID1, 'Pay rent');
		rec.flush();
		// Before the signature resolves, another change: the entry must not land at a stale clock.
		addTask(doc, ID2, 'File VAT');
		await rec.settled();
		const check = readAuditLog(doc);
		expect(check.problems).toEqual([]);
		const titles = check.entries.flatMap((e) => e.changes.map((c) => c.label));
		expect(titles).toEqual(expect.arrayContaining(['Pay rent', 'File VAT']));
		const { log } = await judged(doc, trust);
		expect(log.problems).toEqual([]);
	});

	it('flag an entry a teammate’s device signed under the owner’s name, in words and in the summary', async () => {
		const { ada, ben, trust } = await team();
		const adaDoc = new Y.Doc();
		const benDoc = new Y.Doc();
		const adaRec = recorder(adaDoc, { id: 'm-ada', name: 'Ada' }, ada);
		// Ben's device claims to be Ada.
		const benRec = recorder(benDoc, { id: 'm-ada', name: 'Ada' }, ben);
		addTask(adaDoc, ID1, 'Pay rent');
		adaRec.flush();
		await adaRec.settled();
		sync(adaDoc, benDoc);
		benDoc.getMap<Y.Map<unknown>>('tasks').get(ID1)?.set('title', 'Pay Ben');
		benRec.flush();
		await benRec.settled();
		sync(adaDoc, benDoc);

		const { log, verifications } = await judged(adaDoc, trust);
		expect(verifications).toBe(2);
		const forged = log.entries.find((e) => e.client === benDoc.clientID);
		const honest = log.entries.find((e) => e.client === adaDoc.clientID);
		expect(forged && log.who.get(forged)).toMatchObject({
			name: 'Ben (Books)',
			signedBy: 'Ben',
			mark: 'wrong-author',
			note: "Says it was written by Ada, but signed by Ben's device",
			alarm: true
		});
		expect(honest && log.who.get(honest)).toMatchObject({ name: 'Ada (Owner)', mark: 'signed' });
		expect(log.problems).toEqual([
			{
				kind: 'signature',
				who: 'Ben',
				message: "1 entry says it was written by Ada, but was signed by Ben's device."
			}
		]);
	});

	it('flag a seal by a key that is no member, and a seal that does not match its entry', async () => {
		const { ada, trust } = await team();
		const stranger = await generateDeviceKey();
		const doc = new Y.Doc();
		const rec = recorder(doc, { id: 'm-ada', name: 'Ada' }, stranger);
		addTask(doc, ID1, 'Pay rent');
		rec.flush();
		await rec.settled();
		// Another client writes an entry whose seal is Ada's signature of a different entry.
		const other = new Y.Doc();
		sync(doc, other);
		const clock = Y.getState(other.store, other.clientID);
		const entry = sealEntry({
			v: 1,
			kind: 'changes',
			client: other.clientID,
			seq: 0,
			prev: '',
			from: 0,
			to: clock + 1,
			author: 'm-ada',
			authorName: 'Ada',
			at: now(),
			changes: [],
			more: 0
		});
		const signedOther = await sealAuditEntry({ device: ada, ctx }, { ...entry, more: 1 });
		auditArray(other).push([{ ...entry, seal: signedOther.seal }]);
		sync(doc, other);

		const { log } = await judged(doc, trust);
		expect(readAuditLog(doc).problems).toEqual([]);
		expect([...log.who.values()].map((w) => [w.mark, w.note])).toEqual([
			['not-member', 'Says it was written by Ada, but signed by a device that is not a member'],
			['bad-seal', 'Says it was written by Ada, but its signature does not match: altered or forged']
		]);
		expect(log.problems.map((p) => p.message)).toEqual([
			'1 entry saying it was written by Ada was signed by a device that is not a member.',
			'1 entry saying it was written by Ada has a signature that does not match: it was altered or forged.'
		]);
	});

	it('read entries from before signing as such, and an unsigned entry after signing began as not signed', async () => {
		const { ada, trust } = await team();
		const old = new Y.Doc();
		const oldRec = recorder(old, { id: 'm-ada', name: 'Ada' }, null);
		addTask(old, ID1, 'Pay rent');
		oldRec.flush();
		const signedDoc = new Y.Doc();
		sync(old, signedDoc);
		const rec = recorder(signedDoc, { id: 'm-ada', name: 'Ada' }, ada);
		addTask(signedDoc, ID2, 'File VAT');
		rec.flush();
		await rec.settled();
		sync(old, signedDoc);
		// The old device writes again, unsigned, after signed entries exist.
		addTask(old, ID3, 'Chase invoice');
		oldRec.flush();
		sync(old, signedDoc);

		const { log } = await judged(signedDoc, trust);
		expect(readAuditLog(signedDoc).problems).toEqual([]);
		expect(log.entries.map((e) => [e.changes[0]?.label, log.who.get(e)?.note])).toEqual([
			['Pay rent', 'Written before entries were signed'],
			['File VAT', ''],
			['Chase invoice', 'Not signed']
		]);
		expect(log.problems.map((p) => p.message)).toEqual([
			'1 entry saying it was written by Ada is not signed, though entries were signed before it.'
		]);
	});

	it('account for a member’s recorded deletions and report one nobody recorded, but not concurrent writes', async () => {
		const { ada, ben, trust } = await team();
		const adaDoc = new Y.Doc();
		const benDoc = new Y.Doc();
		const adaRec = recorder(adaDoc, { id: 'm-ada', name: 'Ada' }, ada);
		const benRec = recorder(benDoc, { id: 'm-ben', name: 'Ben' }, ben);
		addTask(adaDoc, ID1, 'Pay rent');
		addTask(adaDoc, ID2, 'File VAT');
		addTask(adaDoc, ID3, 'Chase invoice');
		adaRec.flush();
		await adaRec.settled();
		sync(adaDoc, benDoc);
		// Ada deletes a task, recorded; both rename the same task at once (Yjs drops one write).
		adaDoc.getMap('tasks').delete(ID1);
		adaDoc.getMap<Y.Map<unknown>>('tasks').get(ID2)?.set('title', 'File the VAT return');
		benDoc.getMap<Y.Map<unknown>>('tasks').get(ID2)?.set('title', 'VAT return');
		adaRec.flush();
		benRec.flush();
		await Promise.all([adaRec.settled(), benRec.settled()]);
		sync(adaDoc, benDoc);
		const clean = await judged(adaDoc, trust);
		expect(clean.log.problems).toEqual([]);
		expect(clean.deletions).toEqual({ unaccounted: [], waiting: false });
		expect(clean.log.entries.filter((e) => (e.deleted ?? []).length > 0)).not.toEqual([]);

		// Ben's copy deletes a task outright, with no entry saying so (his recorder is gone).
		benRec.destroy();
		await benRec.settled();
		const bare = new Y.Doc();
		sync(benDoc, bare);
		bare.getMap('tasks').delete(ID3);
		sync(bare, adaDoc);
		const after = await judged(adaDoc, trust);
		expect(after.deletions.unaccounted).toEqual([
			expect.objectContaining({ client: adaDoc.clientID, what: 'Task' })
		]);
	});
});
