// PeopleReplica's judge of signed HR facts (people/sync/sealed-hr.ts): which leave decisions count,
// and the list, in words, of those that do not. Verdicts are remembered until the shard, a seal's
// check, an adoption or the roles change (`invalidate`), so each decision is judged once per change.
// Invariant: a decision counts only when judgeDecision says 'ok'; one still being checked does not
// count yet and is not listed; every other one is listed with who signed it and why it does not count.
import type * as Y from 'yjs';
import { sealThenWrite, type FactAuthority } from '$lib/shared/sync/fact-authority';
import { sealFact } from '$lib/shared/sync/fact-seal';
import { signerMemberId } from '$lib/shared/domain/identity';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import type { IsoDate } from '$lib/shared/domain';
import { todayUtc } from '$lib/shared/domain/dates';
import { employmentAsOf, type Employment, type History, type LeaveDecision } from '$lib/people/domain';
import * as docs from './doc';
import { asWritten } from './facts';
import { FACT_READERS, type PersonLeave, type StoredFact, type StoredLeaveEvent } from './shape';
import {
	adoptedHr,
	hrFactContext,
	judgeDecision,
	judgeHrFact,
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
	readonly map: SealedHrMap;
	readonly key: string;
	readonly personId: string;
	/** A decision or leave request: the leave's dates; a decision: what was decided. */
	readonly start?: string;
	readonly end?: string;
	readonly decided?: LeaveDecision['status'];
	/** A history change: which history and its effective date. */
	readonly area?: string;
	readonly effectiveDate?: string;
	/** The signer in words ("Mallory (People & Payroll)"), or null when nobody signed it. */
	readonly signer: string | null;
	readonly why: string;
}

/** The HR facts a replica holds (well-formed ones), by map. */
export interface HeldHrFacts {
	decisions(): Iterable<LeaveDecision>;
	leave(): Iterable<StoredLeaveEvent>;
	history(): Iterable<StoredFact>;
}

/** What the judge reads from the replica: requests, approvers and who is linked to whom. */
export interface HrLookup {
	request(requestId: string): { personId: string; start: string; end: string } | undefined;
	approvers(): readonly string[];
	memberOf(personId: string): string | null;
	personOf(memberId: string): string | null;
	employment(personId: string): History<Employment>;
	/** Whether the approvers or links are still being checked (then no decision is judged yet). */
	settingsPending(): boolean;
}

/** The judge for a replica made with `options`: none without an authority (nothing is checked). */
export function hrJudgeFor(doc: Y.Doc, options: PeopleReplicaOptions, lookup: HrLookup): HrJudge | null {
	return options.authority
		? new HrJudge(doc, options.authority, options.today ?? (() => todayUtc()), lookup)
		: null;
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
		if (!request || this.#lookup.settingsPending()) verdict = { kind: 'pending' };
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
	async settled(facts: HeldHrFacts): Promise<void> {
		for (let round = 0; round < 4; round++) {
			// Every one judged (not `some`: each judgement queues its own check).
			const waiting = [
				...[...facts.decisions()].map((d) => this.standing(d).kind),
				...[...facts.leave()].map((e) => this.factStanding('leave', e.id).kind),
				...[...facts.history()].map((f) => this.factStanding('history', f.fact.id).kind)
			].includes('pending');
			await this.#auth.checker.settled();
			if (!waiting) return;
			this.invalidate();
		}
	}

	/** Whether a leave entry or history change counts: signed by a People member who is its recorder. */
	factStanding(map: 'leave' | 'history', id: string): HrStanding {
		const slot = `${map}\u0000${id}`;
		const held = this.#verdicts.get(slot);
		if (held) return held;
		const value = asWritten(docs.factMap(this.#doc, map), id, (v) => FACT_READERS[map](v, id).ok);
		const a = judgeHrFact(this.#auth, this.#adoptions(), map, id, value);
		let verdict: HrStanding = a.kind === 'ok' ? { kind: 'ok' } : a;
		if (a.kind === 'ok' && a.signerKey) {
			const o = (value ?? {}) as { recordedBy?: unknown; fact?: { recordedBy?: unknown } };
			const recordedBy = map === 'history' ? o.fact?.recordedBy : o.recordedBy;
			if (typeof recordedBy === 'string' && signerMemberId(this.#auth.trust(), a.signerKey) !== recordedBy)
				verdict = {
					kind: 'refused',
					signer: a.signerKey,
					why: 'It names another member as the one who recorded it than the member who signed it.'
				};
		}
		this.#verdicts.set(slot, verdict);
		return verdict;
	}

	factCounts(map: 'leave' | 'history', id: string): boolean {
		return this.factStanding(map, id).kind === 'ok';
	}

	/** Seals each value with this device's key and checks it once (each counts when read). */
	async sealAll<T extends object>(
		signer: { device: DeviceKey; workspaceId: string },
		items: readonly { map: SealedHrMap; key: string; value: T }[]
	): Promise<T[]> {
		const sealed = await Promise.all(
			items.map((i) => sealFact(signer.device, hrFactContext(signer.workspaceId, i.map), i.key, i.value))
		);
		sealed.forEach((v, n) => {
			const i = items[n] as (typeof items)[number];
			this.#auth.checker.status(hrFactContext(signer.workspaceId, i.map), i.key, v);
		});
		await this.#auth.checker.settled();
		return sealed;
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

	/** Every held decision, leave entry and history change that does not count, in map then key order. */
	notCounted(facts: HeldHrFacts): NotCounted[] {
		const out: NotCounted[] = [];
		const signer = (s: { signer: string | null }) => (s.signer === null ? null : this.#auth.nameOf(s.signer));
		for (const f of facts.history()) {
			const s = this.factStanding('history', f.fact.id);
			if (s.kind === 'refused')
				out.push({
					map: 'history',
					key: f.fact.id,
					personId: f.personId,
					area: f.area,
					effectiveDate: f.fact.effectiveDate,
					signer: signer(s),
					why: s.why
				});
		}
		for (const e of facts.leave()) {
			const s = this.factStanding('leave', e.id);
			if (s.kind === 'refused')
				out.push({
					map: 'leave',
					key: e.id,
					personId: e.personId,
					...(e.kind === 'request' ? { start: e.start, end: e.end } : {}),
					signer: signer(s),
					why: s.why
				});
		}
		for (const d of facts.decisions()) {
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
		const order = (n: NotCounted) => `${n.map}\u0000${n.key}`;
		return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
	}
}
