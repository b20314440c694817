// Bank rules in the books shard: create/edit/move/delete validate and write only what changed; rules stored by
// older versions are still read and become editable; and random concurrent edits, reorders, disables and
// deletes on 3–5 replicas with shuffled delivery and disconnects converge to one list in one order, with
// every surviving rule well-formed and concurrent edits of different fields of one rule both kept.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DecimalString } from '$lib/shared/domain';
import type { BankRule } from '$lib/banking/domain';
import { ReplicaNet, rng } from '$lib/shared/testing/replica-net';
import { BankingReplica } from './replica';

const base = (id: string, text = 'coffee'): Omit<BankRule, 'order'> => ({
	id,
	name: `Rule ${id}`,
	enabled: true,
	conditions: { payee: { test: 'contains', text } },
	outcome: { account: 'exp' }
});

describe('BankingReplica rules', () => {
	it("refuses a rule amount finer than its bank account's currency, naming the field", () => {
		const r = new BankingReplica(new Y.Doc());
		const account = { name: 'Checking', institution: 'Bank', identifier: 'X1', ledgerAccountId: 'bank' };
		expect(r.createBankAccount({ ...account, id: 'usd', currency: 'USD' }).ok).toBe(true);
		const withMin = (id: string, bankAccountId: string, minAmount: string) => ({
			...base(id),
			conditions: {
				payee: { test: 'contains' as const, text: 'coffee' },
				bankAccountId,
				minAmount: minAmount as DecimalString
			}
		});
		const bad = r.createRule(withMin('a', 'usd', '12.345'));
		expect(bad.ok ? '' : bad.error.message).toBe(
			'Minimum amount: "12.345" has more decimal places than USD amounts have (2); amounts are never rounded.'
		);
		expect(r.createRule(withMin('b', 'usd', '12.34')).ok).toBe(true);
		const edit = r.updateRule('b', {
			conditions: { ...withMin('b', 'usd', '1').conditions, maxAmount: '99.999' as DecimalString }
		});
		expect(edit.ok ? '' : edit.error.message).toMatch(
			/^Maximum amount: "99\.999" has more decimal places than USD/
		);
	});

	it('creates at the end, edits, moves, disables and deletes; refuses invalid rules naming the field', () => {
		const r = new BankingReplica(new Y.Doc());
		for (const id of ['a', 'b', 'c']) expect(r.createRule(base(id)).ok).toBe(true);
		expect(r.rules().map((x) => x.id)).toEqual(['a', 'b', 'c']);
		expect(r.moveRule('c', 0).ok).toBe(true);
		expect(r.rules().map((x) => x.id)).toEqual(['c', 'a', 'b']);
		expect(r.moveRule('c', 2).ok).toBe(true);
		expect(r.rules().map((x) => x.id)).toEqual(['a', 'b', 'c']);
		const edited = r.updateRule('b', {
			enabled: false,
			outcome: { account: 'fees', dimensions: { fund: 'restricted' } }
		});
		expect(edited.ok).toBe(true);
		expect(r.rules()[1]).toMatchObject({
			id: 'b',
			enabled: false,
			outcome: { account: 'fees', dimensions: { fund: 'restricted' } },
			conditions: { payee: { test: 'contains', text: 'coffee' } }
		});
		const bad = r.updateRule('b', { conditions: { direction: 'out' } });
		expect(bad.ok ? '' : bad.error.message).toBe('Conditions: a rule needs a payee or memo condition.');
		expect(r.createRule(base('a')).ok).toBe(false);
		expect(
			r.createRule({ ...base('d'), conditions: { memoContains: 'x', minAmount: 'ten' as DecimalString } }).ok
		).toBe(false);
		expect(r.deleteRule('a').ok).toBe(true);
		expect(r.rules().map((x) => x.id)).toEqual(['b', 'c']);
		expect(r.deleteRule('a').ok).toBe(false);
	});

	it('reads a rule stored by an older version as "payee equals", and edits turn it into a field-per-key rule', () => {
		const doc = new Y.Doc();
		doc.getMap('bankRules').set('payee:acme ltd', {
			schemaVersion: 1,
			id: 'payee:acme ltd',
			payee: 'ACME Ltd',
			propose: { account: 'exp', memo: 'Supplies' }
		});
		const r = new BankingReplica(doc);
		expect(r.rules()).toEqual([
			expect.objectContaining({
				id: 'payee:acme ltd',
				name: 'Payee ACME Ltd',
				enabled: true,
				conditions: { payee: { test: 'equals', text: 'ACME Ltd' } },
				outcome: { account: 'exp', memo: 'Supplies' }
			})
		]);
		expect(r.updateRule('payee:acme ltd', { enabled: false }).ok).toBe(true);
		expect(doc.getMap('bankRules').get('payee:acme ltd')).toBeInstanceOf(Y.Map);
		expect(r.rules()[0]).toMatchObject({ enabled: false, outcome: { account: 'exp', memo: 'Supplies' } });
		expect(r.keptAside()).toEqual([]);
	});

	it('two people editing different parts of one rule at once both keep their change', () => {
		const net = new ReplicaNet(2, rng(1));
		const [a, b] = net.docs.map((d) => new BankingReplica(d)) as [BankingReplica, BankingReplica];
		a.createRule(base('r'));
		net.flush();
		a.updateRule('r', { name: 'Coffee' });
		b.updateRule('r', { outcome: { account: 'meals', dimensions: { department: 'ops' } } });
		net.flush();
		for (const rep of [a, b])
			expect(rep.rules()[0]).toMatchObject({
				name: 'Coffee',
				outcome: { account: 'meals', dimensions: { department: 'ops' } }
			});
	});

	it('stores a split and drops it when the rule goes back to one account', () => {
		const r = new BankingReplica(new Y.Doc());
		const splits = [
			{ account: 'rent', percent: '60' as DecimalString, dimensions: { class: 'program' } },
			{ account: 'admin', percent: '40' as DecimalString }
		];
		expect(r.createRule({ ...base('s'), outcome: { account: 'rent', splits } }).ok).toBe(true);
		expect(r.rules()[0]?.outcome).toEqual({ account: 'rent', splits });
		const one = [{ account: 'rent', percent: '100' as DecimalString }];
		expect(r.updateRule('s', { outcome: { account: 'rent', splits: one } }).ok).toBe(false);
		expect(r.updateRule('s', { outcome: { account: 'admin' } }).ok).toBe(true);
		expect(r.rules()[0]?.outcome).toEqual({ account: 'admin' });
	});
});

describe('randomized rule replicas', () => {
	let moved = 0;
	let deleted = 0;
	it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
		'seed %i: rules converge to one list in one order',
		(seed) => {
			const random = rng(seed);
			const n = 3 + Math.floor(random() * 3);
			const net = new ReplicaNet(n, random);
			const reps = net.docs.map((d) => new BankingReplica(d));
			const words = ['coffee', 'rent', 'acme', 'fuel', 'tea'];
			const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
			let k = 0;
			for (let step = 0; step < 150; step++) {
				const at = Math.floor(random() * n);
				const r = reps[at] as BankingReplica;
				const rules = r.rules();
				const target = rules.length ? pick(rules) : undefined;
				const op = random();
				if (op < 0.25 || !target) r.createRule(base(`r${seed}-${k++}`, pick(words)), `s${at}`);
				else if (op < 0.45)
					r.updateRule(target.id, {
						conditions: {
							...target.conditions,
							payee: { test: pick(['contains', 'equals', 'words'] as const), text: pick(words) }
						}
					});
				else if (op < 0.5)
					r.updateRule(target.id, {
						outcome: {
							account: pick(['exp', 'fees', 'meals']),
							...(random() < 0.5 ? { dimensions: { fund: pick(['restricted', 'unrestricted']) } } : {})
						}
					});
				else if (op < 0.55) {
					const pct = 1 + Math.floor(random() * 99);
					const account = pick(['exp', 'fees']);
					r.updateRule(target.id, {
						outcome: {
							account,
							splits: [
								{ account, percent: String(pct) as DecimalString },
								{
									account: 'meals',
									percent: String(100 - pct) as DecimalString,
									dimensions: { class: 'program' }
								}
							]
						}
					});
				} else if (op < 0.65) r.updateRule(target.id, { enabled: !target.enabled });
				else if (op < 0.85) {
					if (r.moveRule(target.id, Math.floor(random() * rules.length), `s${at}`).ok) moved++;
				} else if (op < 0.92) {
					if (r.deleteRule(target.id).ok) deleted++;
				} else net.online[at] = !net.online[at];
				net.deliverSome(Math.floor(random() * 6));
			}
			net.flush();
			const views = reps.map((r) => {
				expect(r.keptAside()).toEqual([]);
				return JSON.stringify(r.rules());
			});
			expect(new Set(views).size).toBe(1);
			const orders = (reps[0] as BankingReplica).rules().map((x) => `${x.order}|${x.id}`);
			expect(orders).toEqual([...orders].sort());
		}
	);
	it('the runs above did move and delete rules', () => {
		expect(moved).toBeGreaterThan(100);
		expect(deleted).toBeGreaterThan(30);
	});
});
