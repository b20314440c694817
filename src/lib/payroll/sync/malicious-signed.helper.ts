// The keyed side of the people-shard malicious replica test (malicious.test.ts): a team whose members
// hold signing keys (an owner, honest People members, attackers who are People members but not HR
// approvers), replicas made as a keyed workspace's page makes them, and the brand-new forgeries the
// attackers write — decisions, payments, history and leave grants that must never count.
import type * as Y from 'yjs';
import type { IsoDate } from '$lib/shared/domain';
import { computeTrust, type StatementBody, type TrustState } from '$lib/shared/domain/identity';
import { generateDeviceKey, type DeviceKey } from '$lib/shared/crypto/signing';
import { createSealChecker, sealFact } from '$lib/shared/sync/fact-seal';
import type { FactAuthority } from '$lib/shared/sync/fact-authority';
import { PeopleReplica } from '../../people/sync/replica';
import { PayrollReplica } from './replica';

export type Random = () => number;
export const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
export const PEOPLE_IDS = ['p1', 'p2', 'p3'];
export const RUN_IDS = ['r0', 'r1', 'r2'];

/** A keyed workspace: an owner, honest People members m0…, attackers (People, not approvers) x0…. */
export interface Team {
	trust: TrustState;
	/** The workspace's owner: the only one here whose HR approver entries count. */
	owner: DeviceKey;
	honest: DeviceKey[];
	attackers: DeviceKey[];
}

export async function team(): Promise<Team> {
	const keys = await Promise.all(Array.from({ length: 7 }, () => generateDeviceKey()));
	const owner = keys[0] as DeviceKey;
	const honest = keys.slice(1, 5);
	const attackers = keys.slice(5);
	const grant = (k: DeviceKey, member: string, i: number): StatementBody => ({
		v: 1,
		kind: 'grant',
		id: `g${i}`,
		workspaceId: 'W1',
		by: owner.publicKey,
		member,
		memberKey: k.publicKey,
		role: 'people'
	});
	const trust = computeTrust(owner.publicKey, [
		...honest.map((k, i) => grant(k, `m${i}`, i)),
		...attackers.map((k, i) => grant(k, `x${i}`, 10 + i))
	]);
	return { trust, owner, honest, attackers };
}

/** Replicas as a keyed workspace's page makes them (each with its own seal checker), or unsigned ones. */
export function replicas(doc: Y.Doc, team: Team | null, device: DeviceKey | null) {
	if (!team) return { people: new PeopleReplica(doc), payroll: new PayrollReplica(doc) };
	const authority: FactAuthority = {
		workspaceId: 'W1',
		checker: createSealChecker(),
		trust: () => team.trust,
		nameOf: () => 'a member'
	};
	const signer = () => (device ? { device, workspaceId: 'W1' } : null);
	return {
		people: new PeopleReplica(doc, { authority, signer, today: () => '2026-06-15' as IsoDate }),
		payroll: new PayrollReplica(doc, { authority, signer })
	};
}

/** A brand-new leave decision or payment that must not count, written by attacker `x`. */
export async function signedForgery(random: Random, doc: Y.Doc, key: DeviceKey, x: string, serial: number) {
	const ctx = (map: string) => ({ workspaceId: 'W1', shard: 'people' as const, map });
	const requests = [...doc.getMap<unknown>('leave').entries()].filter(
		([, v]) => (v as { kind?: string } | null)?.kind === 'request'
	);
	const decision = (by: string) => ({
		id: `evil-d-${x}-${serial}`,
		requestId: requests.length ? pick(random, requests)[0] : 'none',
		status: pick(random, ['approved', 'rejected', 'cancelled'] as const),
		by,
		at: '2026-01-01T00:00:00Z'
	});
	const payment = (by: string) => ({ paidOn: '2026-12-31', at: '2026-12-31T00:00:00Z', by });
	const runId = pick(random, RUN_IDS);
	const kind = Math.floor(random() * 8);
	if (kind >= 6) {
		// A raise in an honest member's name, sealed with her own key, or a 100-day grant unsealed.
		const id = `evil-h-${x}-${serial}`;
		const raise = {
			area: 'compensation',
			personId: pick(random, PEOPLE_IDS),
			fact: {
				id,
				effectiveDate: '2026-01-01',
				recordedAt: '2026-06-01T00:00:00Z',
				recordedBy: 'm0',
				changes: { annualSalary: '999999' }
			}
		};
		if (kind === 6) doc.getMap('history').set(id, await sealFact(key, ctx('history'), id, raise));
		else
			doc.getMap('leave').set(id, {
				kind: 'grant',
				id,
				personId: pick(random, PEOPLE_IDS),
				policyId: 'annual',
				date: '2026-01-01',
				days: '100',
				reason: 'Gift',
				recordedBy: x
			});
		return;
	}
	if (kind === 0) {
		// Sealed with her own key, in her own name: she is no HR approver nor anyone's manager.
		const d = decision(x);
		doc.getMap('decisions').set(d.id, await sealFact(key, ctx('decisions'), d.id, d));
	} else if (kind === 1) {
		// Sealed with her own key, naming an honest approver as the one who decided.
		const d = decision('m0');
		doc.getMap('decisions').set(d.id, await sealFact(key, ctx('decisions'), d.id, d));
	} else if (kind === 2) {
		const d = decision('m1');
		doc.getMap('decisions').set(d.id, d);
	} else if (kind === 3) {
		// Sealed, then altered.
		const d = decision(x);
		const sealed = await sealFact(key, ctx('decisions'), d.id, { ...d, status: 'rejected' });
		doc.getMap('decisions').set(d.id, { ...sealed, status: 'approved', by: 'm0' });
	} else if (kind === 4) {
		// A payment of a run not yet paid, in an honest member's name (or unsealed).
		const payments = doc.getMap('payRunPayments');
		if (!payments.has(runId))
			payments.set(runId, await sealFact(key, ctx('payRunPayments'), runId, payment('m0')));
	} else {
		const payments = doc.getMap('payRunPayments');
		if (!payments.has(runId)) payments.set(runId, payment('m2'));
	}
}
