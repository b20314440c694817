// The payroll record schemas as a peer meets them: a value with a wrong field is kept aside with a
// reason naming the field in words (never applied, never a crash), a record from a newer Keel is kept
// aside as such, and records saved before they carried a version still read.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeRun } from '$lib/payroll/domain/run';
import { draft, finalize, person, schedule, usComp } from '$lib/payroll/domain/run/fixtures';
import { PayrollReplica } from './replica';
import * as docs from './doc';
import { checkFinal, checkSchedule } from './shape';
import { draftKind, finalKind, scheduleKind } from './records';
import { attemptDigest, attemptKey } from './finals';

const S = schedule();
const D = draft('run1', S, { start: '2026-01-01', end: '2026-01-31', payDate: '2026-01-30' }, ['a']);
const final = () => {
	const c = computeRun({ schedule: S, run: D, people: [person('a', usComp('50000'))], finalized: [] });
	return finalize(D, S, c, '2026-01-30T00:00:00Z', '2026');
};

describe('payroll record schemas', () => {
	it('are at version 1, written by that number', () => {
		expect([scheduleKind.version, draftKind.version, finalKind.version]).toEqual([1, 1, 1]);
	});

	it('keep a schedule with a wrong field aside, naming the field in words', () => {
		const doc = new Y.Doc();
		const r = new PayrollReplica(doc);
		expect(r.saveSchedule(S).ok).toBe(true);
		docs.saveRecord(doc, docs.schedulesMap(doc), { ...S, id: 'bad', anchor: '2026-02-30' });
		docs.saveRecord(doc, docs.schedulesMap(doc), { ...S, id: 'odd', payDayOffset: 1.5 });
		expect(r.schedules().map((s) => s.id)).toEqual(['sched']);
		expect(r.quarantined()).toEqual([
			{
				map: 'paySchedules',
				id: 'bad',
				reason: 'One pay schedule was not read: anchor is not a date (YYYY-MM-DD).'
			},
			{
				map: 'paySchedules',
				id: 'odd',
				reason: 'One pay schedule was not read: pay day offset is not a whole number.'
			}
		]);
	});

	it('name a missing field by its own problem, not by an internal key message', () => {
		const { name: _name, ...nameless } = S;
		const r = checkSchedule(nameless);
		expect(r.ok || r.error.message).toBe('One pay schedule was not read: name is not text.');
	});

	it('read a schedule or draft saved before records carried a version as version 1', () => {
		const doc = new Y.Doc();
		const { schemaVersion: _v, ...old } = S;
		docs.saveRecord(doc, docs.schedulesMap(doc), old);
		const { schemaVersion: _d, ...oldDraft } = D;
		docs.saveRecord(doc, docs.runsMap(doc), oldDraft);
		const r = new PayrollReplica(doc);
		expect(r.schedules()).toEqual([S]);
		expect(r.draft('run1')).toEqual(D);
		expect(r.quarantined()).toEqual([]);
	});

	it('keep records from a newer Keel aside as such, never applied', () => {
		const doc = new Y.Doc();
		const r = new PayrollReplica(doc);
		docs.saveRecord(doc, docs.schedulesMap(doc), { ...S, schemaVersion: 2, newField: 'x' });
		docs.saveRecord(doc, docs.runsMap(doc), { ...D, schemaVersion: 3 });
		const run = { ...final(), schemaVersion: 2 };
		docs.finalsMap(doc).set('run1', run);
		expect(r.schedules()).toEqual([]);
		expect(r.drafts()).toEqual([]);
		expect(r.final('run1')).toBeUndefined();
		expect(r.quarantined().map((q) => [q.map, q.reason])).toEqual([
			['payRunFinals', 'This finalized pay run was saved by a newer version of Keel; update Keel to use it.'],
			['payRuns', 'This draft pay run was saved by a newer version of Keel; update Keel to use it.'],
			['paySchedules', 'This pay schedule was saved by a newer version of Keel; update Keel to use it.']
		]);
		const checked = checkFinal(run, 'run1');
		expect(checked.ok || checked.error.code).toBe('record/newer');
	});

	it('keep a finalized run aside when a payslip figure is not an amount, or its key is not its run', () => {
		const good = final();
		expect(checkFinal(good, 'run1').ok).toBe(true);
		const slip = good.payslips[0];
		if (!slip) throw new Error('the fixture has a payslip');
		const bad = { ...good, payslips: [{ ...slip, basePay: 4166.67 }] };
		const r = checkFinal(bad, 'run1');
		expect(r.ok || r.error.message).toBe(
			'One finalized pay run was not read: base pay (item 1) is not an amount.'
		);
		const other = checkFinal(good, 'run2');
		expect(other.ok || other.error.message).toMatch(/run id that differs from its key/);
	});

	it('count an attempt by the digest of the value as stored, whatever order the checked copy has', () => {
		const doc = new Y.Doc();
		const r = new PayrollReplica(doc);
		const run = final();
		const attempt = { ...run, attemptId: attemptDigest(run) };
		docs.attemptsMap(doc).set(attemptKey('run1', attempt.attemptId), attempt);
		expect(r.final('run1')?.attemptId).toBe(attempt.attemptId);
		expect(r.quarantined()).toEqual([]);
	});

	it('read a payment and a posting only when each field is right', () => {
		const doc = new Y.Doc();
		const r = new PayrollReplica(doc);
		docs.finalsMap(doc).set('run1', final());
		docs.paymentsMap(doc).set('run1', { paidOn: 'soon', at: 'x', by: 'm1' });
		docs.postingsMap(doc).set('e1', { at: 1, by: 'm1' });
		expect(r.payment('run1')).toBeUndefined();
		expect(r.posting('e1')).toBeUndefined();
		expect(r.quarantined()).toEqual([
			{
				map: 'payRunPayments',
				id: 'run1',
				reason: 'One payment was not read: paid on is not a date (YYYY-MM-DD).'
			}
		]);
	});

	it('read the posting accounts field by field, leaving out what is not text', () => {
		const doc = new Y.Doc();
		const r = new PayrollReplica(doc);
		docs.settingsMap(doc).set('accounts', { wagesExpense: 'w', bank: 7, unknownRole: 'x' });
		expect(r.accounts()).toEqual({ wagesExpense: 'w' });
		docs.settingsMap(doc).set('accounts', 'not a record');
		expect(r.accounts()).toEqual({});
	});
});
