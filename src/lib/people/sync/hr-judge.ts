// PeopleReplica's judge of signed HR facts (people/sync/sealed-hr.ts): which leave decisions count,
// and the list, in words, of those that do not. Verdicts are remembered until the shard, a seal's
// check, an adoption or the roles change (`invalidate`), so each decision is judged once per change.
// Invariant: a decision counts only when judgeDecision says 'ok'; one still being checked does not
// count yet and is not listed; every other one is listed with who signed it and why it does not count.
import type * as Y from 'yjs';
import { sealThenWrite, type FactAuthority } from '$lib/shared/sync/fact-authority';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import type { IsoDate } from '$lib/shared/domain';
import { employmentAsOf, type Employment, type History, type LeaveDecision } from '$lib/people/domain';
import * as docs from './doc';
import { asWritten } from './facts';
import { FACT_READERS, type PersonLeave } from './shape';
import {
	adoptedHr,
	hrFactContext,
	judgeDecision,
	type HrSigner,
	type HrStanding,
	type SealedHrMap
} from './sealed-hr';

/** Signed HR facts: how they are judged, the key new ones are sealed with, and "today". */
export interface PeopleReplicaOptions {
	/** Absent: a workspace without member keys (nothing is checked). */
	readonly authority?: FactAuthority;
	readonly signer?: HrSigner;
	/** The day a requester's manager is read as of (the one clock; todayUtc by default). */
	readonly today?: () => IsoDate;
}

/** An HR fact that does not count because of who wrote it, in words for People → Needs review. */
export interface NotCounted {
	readonly map: 'decisions';
	readonly key: string;
	readonly personId: string;
	readonly start: string;
	readonly end: string;
	readonly decided: LeaveDecision['status'];
	/** The signer in words ("Mallory (People & Payroll)"), or null when nobody signed it. */
	readonly signer: string | null;
	readonly why: string;
}

/** What the judge reads from the replica: requests, approvers and who is linked to whom. */
export interface HrLookup {
	request(requestId: string): { personId: string; start: string; end: string } | undefined;
	approvers(): readonly string[];
	memberOf(personId: string): string | null;
	personOf(memberId: string): string | null;
	employment(personId: string): History<Employment>;
}

export class HrJudge {
	readonly #doc: Y.Doc;
	readonly #auth: FactAuthority;
	readonly #today: () => IsoDate;
	readonly #lookup: HrLookup;
	#adopted: Map<string, string> | null | undefined;
	readonly #verdicts = new Map<string, HrStanding>();

	constructor(doc: Y.Doc, auth: FactAuthority, today: () => IsoDate, lookup: HrLookup) {
		this.#doc = doc;
		this.#auth = auth;
		this.#today = today;
		this.#lookup = lookup;
	}

	/** Forget every verdict (the shard, a seal check, an adoption or the roles changed). */
	invalidate(): void {
		this.#adopted = undefined;
		this.#verdicts.clear();
	}

	#adoptions(): Map<string, string> | null {
		if (this.#adopted === undefined) this.#adopted = adoptedHr(this.#doc, this.#auth);
		return this.#adopted;
	}

	/** The verdict on a decision (one whose request this replica does not hold does not count). */
	standing(decision: LeaveDecision): HrStanding {
		const held = this.#verdicts.get(decision.id);
		if (held) return held;
		const request = this.#lookup.request(decision.requestId);
		const map = docs.factMap(this.#doc, 'decisions');
		const value = asWritten(map, decision.id, (v) => FACT_READERS.decisions(v, decision.id).ok);
		let verdict: HrStanding;
		if (!request) verdict = { kind: 'pending' };
		else {
			const employment = employmentAsOf(this.#lookup.employment(request.personId), this.#today());
			verdict = judgeDecision(this.#auth, this.#adoptions(), decision.id, value, decision, {
				approvers: this.#lookup.approvers(),
				requesterId: request.personId,
				requesterMemberId: this.#lookup.memberOf(request.personId),
				managerId: employment?.managerId ?? null,
				personOf: (m) => this.#lookup.personOf(m)
			});
		}
		this.#verdicts.set(decision.id, verdict);
		return verdict;
	}

	/**
	 * Resolves when no held decision waits for a check: judges them all (which queues their checks),
	 * waits for the checks, and judges again, since a checked adoption asks for more (a few rounds).
	 */
	async settled(decisions: () => Iterable<LeaveDecision>): Promise<void> {
		for (let round = 0; round < 4; round++) {
			// Every one judged (not `some`: each judgement queues its own check).
			const waiting = [...decisions()].map((d) => this.standing(d).kind).includes('pending');
			await this.#auth.checker.settled();
			if (!waiting) return;
			this.invalidate();
		}
	}

	/** Seals `value` with this device's key, checks it once (it counts when read), then writes it. */
	sealThenWrite<T extends object>(
		signer: { device: DeviceKey; workspaceId: string },
		map: SealedHrMap,
		key: string,
		value: T,
		write: (sealed: T) => void
	): Promise<void> {
		return sealThenWrite({
			device: signer.device,
			ctx: hrFactContext(signer.workspaceId, map),
			key,
			value,
			checker: this.#auth.checker,
			write
		});
	}

	counts(decision: LeaveDecision): boolean {
		return this.standing(decision).kind === 'ok';
	}

	/** `leave` with the decisions on its requests that do not count added to those not applied. */
	withRefused(leave: PersonLeave, decisions: Iterable<LeaveDecision>): PersonLeave {
		const mine = new Set(leave.requests.map((r) => r.id));
		const refused: { decision: LeaveDecision; message: string }[] = [];
		for (const d of decisions) {
			if (!mine.has(d.requestId)) continue;
			const s = this.standing(d);
			if (s.kind === 'refused') refused.push({ decision: d, message: s.why });
		}
		return refused.length ? { ...leave, refused: [...leave.refused, ...refused] } : leave;
	}

	/** Every held decision that does not count, in key order. */
	notCounted(decisions: Iterable<LeaveDecision>): NotCounted[] {
		const out: NotCounted[] = [];
		for (const d of decisions) {
			const s = this.standing(d);
			const request = this.#lookup.request(d.requestId);
			if (s.kind !== 'refused' || !request) continue;
			out.push({
				map: 'decisions',
				key: d.id,
				personId: request.personId,
				start: request.start,
				end: request.end,
				decided: d.status,
				signer: s.signer === null ? null : this.#auth.nameOf(s.signer),
				why: s.why
			});
		}
		return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	}
}
