// Who wrote each audit entry, judged from seals with an injected check (no crypto here): one check
// per run of a chain sealed by one key, a forged entry appended to someone's chain taints only
// itself, and the words each finding is shown and counted with.
import { describe, expect, it } from 'vitest';
import { sealEntry, type AuditCheck, type AuditEntry } from './audit';
import { attributeAudit, type AuditSealCheck, type AuditSealStatus } from './audit-signers';

const KEYS = { ada: 'A'.repeat(43), ben: 'B'.repeat(43), eve: 'E'.repeat(43) } as const;
const MEMBERS: Record<string, { id: string; name: string; role: string }> = {
	[KEYS.ada]: { id: 'm-ada', name: 'Ada', role: 'Owner' },
	[KEYS.ben]: { id: 'm-ben', name: 'Ben', role: 'Books' }
};

/** A chain of `n` entries of one client, each sealed by `key` ('' for none), naming `author`. */
function chain(client: number, n: number, key: string, author = 'm-ada', authorName = 'Ada'): AuditEntry[] {
	const out: AuditEntry[] = [];
	for (let seq = 0; seq < n; seq++) {
		const e = sealEntry({
			v: 1,
			kind: 'changes',
			client,
			seq,
			prev: out[seq - 1]?.hash ?? '',
			from: seq * 2,
			to: seq * 2 + 2,
			author,
			authorName,
			at: '2026-06-15T09:00:00.000Z',
			changes: [],
			more: 0
		});
		out.push(key ? { ...e, seal: { by: key, sig: `sig-${client}-${seq}` } } : e);
	}
	return out;
}

/** Seals whose status is looked up by entry; records each check asked for. */
function seals(status: (e: AuditEntry) => AuditSealStatus = () => 'good') {
	const asked: AuditEntry[] = [];
	const check: AuditSealCheck = {
		signerOf: (e) => (e.seal as { by?: string } | undefined)?.by,
		status(e) {
			asked.push(e);
			return status(e);
		},
		member: (key) => {
			const m = MEMBERS[key];
			return m ? { id: m.id, name: m.name } : null;
		},
		words: (key) => {
			const m = MEMBERS[key];
			return m ? `${m.name} (${m.role})` : 'someone who is not a member';
		}
	};
	return { check, asked };
}

const log = (entries: AuditEntry[]): AuditCheck => ({ entries, problems: [] });
const marks = (entries: AuditEntry[], s: AuditSealCheck) => {
	const judged = attributeAudit(log(entries), s);
	return entries.map((e) => judged.who.get(e)?.mark);
};

describe('attributeAudit', () => {
	it('checks one seal per chain and names its member for every entry it vouches for', () => {
		const ada = chain(1, 5, KEYS.ada);
		const ben = chain(2, 3, KEYS.ben, 'm-ben', 'Ben');
		const { check, asked } = seals();
		const judged = attributeAudit(log([...ada, ...ben]), check);
		expect(asked).toEqual([ada[4], ben[2]]);
		expect(judged.problems).toEqual([]);
		expect(judged.who.get(ada[0] as AuditEntry)).toEqual({
			name: 'Ada (Owner)',
			signedBy: 'Ada',
			mark: 'signed',
			note: '',
			alarm: false
		});
		expect(judged.who.get(ben[0] as AuditEntry)?.name).toBe('Ben (Books)');
	});

	it('while the latest seal is being checked, its whole chain waits, with no alarm and no second check', () => {
		const ada = chain(1, 3, KEYS.ada);
		const { check, asked } = seals(() => 'pending');
		const judged = attributeAudit(log(ada), check);
		expect(asked).toHaveLength(1);
		expect([...judged.who.values()].map((w) => [w.mark, w.alarm])).toEqual([
			['pending', false],
			['pending', false],
			['pending', false]
		]);
		expect(judged.problems).toEqual([]);
	});

	it('an entry appended to a member’s chain by another key, or with a bad seal, taints only itself', () => {
		const ada = chain(1, 3, KEYS.ada);
		const last = ada[2] as AuditEntry;
		const byBen = { ...last, seal: { by: KEYS.ben, sig: 'ben' } };
		const { check } = seals();
		expect(marks([ada[0], ada[1], byBen] as AuditEntry[], check)).toEqual([
			'signed',
			'signed',
			'wrong-author'
		]);

		const broken = { ...last, seal: { by: KEYS.ada, sig: 'forged' } };
		const { check: strict, asked } = seals((e) => (e === broken ? 'bad' : 'good'));
		expect(marks([ada[0], ada[1], broken] as AuditEntry[], strict)).toEqual(['signed', 'signed', 'bad-seal']);
		expect(asked).toEqual([broken, ada[1]]);
	});

	it('words each finding and counts it in the log’s problems', () => {
		const forged = chain(3, 2, KEYS.ben, 'm-ada', 'Ada');
		const stranger = chain(4, 1, KEYS.eve, 'm-ada', 'Ada');
		const judged = attributeAudit(log([...forged, ...stranger]), seals().check);
		expect(judged.who.get(forged[0] as AuditEntry)?.note).toBe(
			"Says it was written by Ada, but signed by Ben's device"
		);
		expect(judged.who.get(stranger[0] as AuditEntry)?.note).toBe(
			'Says it was written by Ada, but signed by a device that is not a member'
		);
		expect(judged.problems).toEqual([
			{
				kind: 'signature',
				who: 'Ben',
				message: "2 entries say they were written by Ada, but were signed by Ben's device."
			},
			{
				kind: 'signature',
				who: 'Ada',
				message: '1 entry saying it was written by Ada was signed by a device that is not a member.'
			}
		]);
	});

	it('unsealed entries before the first sealed one were written before signing; after it they are not signed', () => {
		const old = chain(5, 2, '');
		const signed = chain(6, 1, KEYS.ada);
		const late = chain(7, 1, '', 'm-ben', 'Ben');
		const judged = attributeAudit(log([...old, ...signed, ...late]), seals().check);
		expect([...judged.who.values()].map((w) => [w.mark, w.note, w.alarm])).toEqual([
			['before-signing', 'Written before entries were signed', false],
			['before-signing', 'Written before entries were signed', false],
			['signed', '', false],
			['not-signed', 'Not signed', true]
		]);
		expect(judged.problems.map((p) => p.message)).toEqual([
			'1 entry saying it was written by Ben is not signed, though entries were signed before it.'
		]);
	});

	it('an unsealed entry after a sealed one in its own chain is not signed, wherever it stands', () => {
		const ada = chain(8, 2, KEYS.ada);
		const tail = sealEntry({ ...(ada[1] as AuditEntry), seq: 2, prev: (ada[1] as AuditEntry).hash });
		const { seal: _drop, ...bare } = tail;
		const judged = attributeAudit(log([bare, ...ada]), seals().check);
		expect(judged.who.get(bare)?.mark).toBe('not-signed');
		expect(judged.who.get(ada[0] as AuditEntry)?.mark).toBe('signed');
	});

	it('keeps the problems the chain check found', () => {
		const found = { kind: 'missing', who: 'Ada', message: 'x' } as const;
		const judged = attributeAudit({ entries: [], problems: [found] }, seals().check);
		expect(judged.problems).toEqual([found]);
	});
});
