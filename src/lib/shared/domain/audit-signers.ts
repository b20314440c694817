// Who wrote each audit log entry, as its seal shows rather than as the writing device says. An entry
// carries its device's Ed25519 seal over the entry and its hash, and an entry names the hash of the
// one before it in its client's chain, so one good seal vouches for every entry linked below it:
// each run of one client's chain sealed by one key needs ONE signature check (its latest entry).
// The check itself is injected (shared/sync/fact-seal.ts's checker: once per seal, off the read
// path), so this file stays pure. Invariant: an entry is shown as written by a member only when a
// good seal by that member's device vouches for it and the entry names that same member; anything
// else is marked in words and counted with the log's problems. Unsealed entries that stand before
// the first sealed entry of the log (and after no sealed entry of their own chain) were written
// before entries were signed, and are not an alarm on their own.
import type { AuditCheck, AuditEntry, AuditProblem } from './audit';

export type AuditSealStatus = 'good' | 'bad' | 'pending' | 'unsealed';

/** The signature check and the member lookup, injected by the caller. */
export interface AuditSealCheck {
	/** The key the entry's seal names, if it carries a well-formed seal. */
	signerOf(entry: AuditEntry): string | undefined;
	/** The seal's check: 'pending' until it has been verified (then the caller reads again). */
	status(entry: AuditEntry): AuditSealStatus;
	/** The member holding `key` (a counted role now, or before their removal): id and plain name. */
	member(key: string): { readonly id: string; readonly name: string } | null;
	/** The signer as the Who column names them (shared/domain/identity/signer-name.ts). */
	words(key: string): string;
}

export type AuditWhoMark =
	'signed' | 'before-signing' | 'pending' | 'not-signed' | 'bad-seal' | 'not-member' | 'wrong-author';

/** Who wrote an entry, in words: the name to show, and what the check says about it ('' when fine). */
export interface AuditWho {
	readonly name: string;
	/** Whose device a good seal shows signed it, in plain words (a member's name); null: none does. */
	readonly signedBy: string | null;
	readonly mark: AuditWhoMark;
	readonly note: string;
	/** The note is a finding (counted in the log's problems), not an explanation. */
	readonly alarm: boolean;
}

export interface AttributedAudit extends AuditCheck {
	/** Each entry's checked author; absent when the workspace has no member keys. */
	readonly who: ReadonlyMap<AuditEntry, AuditWho>;
}

const claimedName = (e: AuditEntry) => e.authorName || 'an unnamed member';

type Verdict =
	{ readonly kind: 'signed'; readonly key: string } | { readonly kind: 'bad' | 'pending' | 'unsealed' };

/** Walks each client's chain newest first, checking one seal per run sealed by one key. */
function verdicts(list: readonly AuditEntry[], seals: AuditSealCheck): Map<AuditEntry, Verdict> {
	const byClient = new Map<number, AuditEntry[]>();
	for (const e of list) {
		const chain = byClient.get(e.client) ?? [];
		chain.push(e);
		byClient.set(e.client, chain);
	}
	const out = new Map<AuditEntry, Verdict>();
	for (const chain of byClient.values()) {
		chain.sort((a, b) => b.seq - a.seq);
		// The seal vouching for what its chain links below it: checked good, or still being checked.
		let voucher: { key: string; good: boolean } | null = null;
		let newer: AuditEntry | null = null;
		for (const e of chain) {
			const linked = newer !== null && newer.seq === e.seq + 1 && newer.prev === e.hash;
			const by = e.seal === undefined ? undefined : seals.signerOf(e);
			// A seal vouches for what its chain links below it, unless another key sealed that.
			if (linked && voucher !== null && (by === undefined || by === voucher.key)) {
				out.set(e, voucher.good ? { kind: 'signed', key: voucher.key } : { kind: 'pending' });
			} else if (e.seal === undefined) {
				out.set(e, { kind: 'unsealed' });
				voucher = null;
			} else {
				const status = by === undefined ? 'bad' : seals.status(e);
				if (status === 'good' && by !== undefined) {
					out.set(e, { kind: 'signed', key: by });
					voucher = { key: by, good: true };
				} else if (status === 'pending' && by !== undefined) {
					out.set(e, { kind: 'pending' });
					voucher = { key: by, good: false };
				} else {
					// A bad seal vouches for nothing: the entry below it is checked on its own.
					out.set(e, { kind: 'bad' });
					voucher = null;
				}
			}
			newer = e;
		}
	}
	return out;
}

/**
 * The log with each entry's checked author and the signature findings added to its problems.
 * `check.entries` must be in the shard's order (as checkAudit returns them).
 */
export function attributeAudit(check: AuditCheck, seals: AuditSealCheck): AttributedAudit {
	const judged = verdicts(check.entries, seals);
	// Where signing began in this log: its first entry that carries a seal not known to be bad.
	const firstSealed = check.entries.findIndex((e) => {
		const k = judged.get(e)?.kind;
		return k === 'signed' || k === 'pending';
	});
	// The lowest sequence number each client sealed: an unsealed entry after it is not an older one.
	const firstSealedSeq = new Map<number, number>();
	for (const e of check.entries)
		if (e.seal !== undefined && e.seq < (firstSealedSeq.get(e.client) ?? Infinity))
			firstSealedSeq.set(e.client, e.seq);

	const who = new Map<AuditEntry, AuditWho>();
	const findings = new Map<string, { count: number; who: string; words: (n: number) => string }>();
	const find = (id: string, name: string, words: (n: number) => string) => {
		const f = findings.get(id) ?? { count: 0, who: name, words };
		f.count++;
		findings.set(id, f);
	};
	check.entries.forEach((e, i) => {
		const verdict = judged.get(e) ?? { kind: 'unsealed' };
		const claimed = claimedName(e);
		switch (verdict.kind) {
			case 'signed': {
				const member = seals.member(verdict.key);
				if (!member) {
					who.set(e, {
						name: seals.words(verdict.key),
						signedBy: 'a device that is not a member',
						mark: 'not-member',
						note: `Says it was written by ${claimed}, but signed by a device that is not a member`,
						alarm: true
					});
					find(`not-member\u0000${claimed}`, claimed, (n) =>
						n === 1
							? `1 entry saying it was written by ${claimed} was signed by a device that is not a member.`
							: `${n} entries saying they were written by ${claimed} were signed by a device that is not a member.`
					);
				} else if (member.id !== e.author) {
					who.set(e, {
						name: seals.words(verdict.key),
						signedBy: member.name,
						mark: 'wrong-author',
						note: `Says it was written by ${claimed}, but signed by ${member.name}'s device`,
						alarm: true
					});
					find(`wrong\u0000${claimed}\u0000${member.name}`, member.name, (n) =>
						n === 1
							? `1 entry says it was written by ${claimed}, but was signed by ${member.name}'s device.`
							: `${n} entries say they were written by ${claimed}, but were signed by ${member.name}'s device.`
					);
				} else
					who.set(e, {
						name: seals.words(verdict.key),
						signedBy: member.name,
						mark: 'signed',
						note: '',
						alarm: false
					});
				break;
			}
			case 'bad':
				who.set(e, {
					name: claimed,
					signedBy: null,
					mark: 'bad-seal',
					note: `Says it was written by ${claimed}, but its signature does not match: altered or forged`,
					alarm: true
				});
				find(`bad\u0000${claimed}`, claimed, (n) =>
					n === 1
						? `1 entry saying it was written by ${claimed} has a signature that does not match: it was altered or forged.`
						: `${n} entries saying they were written by ${claimed} have signatures that do not match: they were altered or forged.`
				);
				break;
			case 'pending':
				who.set(e, {
					name: claimed,
					signedBy: null,
					mark: 'pending',
					note: 'Checking its signature…',
					alarm: false
				});
				break;
			case 'unsealed': {
				const before =
					(firstSealed === -1 || i < firstSealed) && e.seq < (firstSealedSeq.get(e.client) ?? Infinity);
				if (before)
					who.set(e, {
						name: claimed,
						signedBy: null,
						mark: 'before-signing',
						note: 'Written before entries were signed',
						alarm: false
					});
				else {
					who.set(e, { name: claimed, signedBy: null, mark: 'not-signed', note: 'Not signed', alarm: true });
					find(`unsigned\u0000${claimed}`, claimed, (n) =>
						n === 1
							? `1 entry saying it was written by ${claimed} is not signed, though entries were signed before it.`
							: `${n} entries saying they were written by ${claimed} are not signed, though entries were signed before them.`
					);
				}
				break;
			}
		}
	});
	const problems: AuditProblem[] = [...findings.values()].map((f) => ({
		kind: 'signature',
		who: f.who,
		message: f.words(f.count)
	}));
	return { entries: check.entries, problems: [...check.problems, ...problems], who };
}
