// Payroll's writes into Books: a run's or a payment's journal entry (posted once: an entry already
// in Books is only recorded as posted), and the one-click accounts Setup adds to the chart. Plain
// functions; PayrollState passes the Books it holds (null when this browser has no Books access).
import { check } from '$lib/shared/domain/schema';
import {
	checkPaymentDate,
	paymentEntryId,
	paymentJournalEntry,
	payrollEntryId,
	postedMatchesRun,
	runJournalEntry,
	type FinalizedRun,
	type PayrollAccounts
} from '$lib/payroll/domain/run';
import type { Payment, PayrollReplica, SupersededAttempt } from '$lib/payroll/sync/replica';
import { postingAccountsSchema } from '$lib/payroll/sync/records';
import type { BooksState } from '../../books/state/books.svelte';
import { nowIso } from '../../shared/state/ids';
import { REQUIRED_ROLES } from './accounts';
import { no, type PostingState } from './verb';
import { describeError, ok, type Result } from '$lib/shared/domain';

export interface PostingContext {
	books: BooksState | null;
	/** The payroll replica (throws while it is still loading). */
	live: () => PayrollReplica;
	me: string;
	/** Saved account choices, else guesses from the chart. */
	accounts: () => Partial<PayrollAccounts>;
	final: (id: string) => FinalizedRun | undefined;
	payment: (id: string) => Payment | undefined;
}

/** Posts the entry `build` makes to Books (unless Books has it already) and records the posting. */
export function postToBooks(
	ctx: PostingContext,
	entryId: string,
	build: (a: PayrollAccounts) => ReturnType<typeof runJournalEntry>
): Result<string> {
	const books = ctx.books;
	if (!books) return no('payroll/no-books');
	if (books.entry(entryId)) {
		ctx.live().recordPosting(entryId, nowIso(), ctx.me);
		return ok(entryId);
	}
	const a = ctx.accounts();
	const missing = REQUIRED_ROLES.filter((r) => !a[r.key]).map((r) => r.label);
	const chosen = check(postingAccountsSchema, a);
	if (missing.length || !chosen.ok) return no('payroll/accounts-missing', undefined, { missing });
	const entry = build(chosen.value);
	if (!entry.ok) return entry;
	const posted = books.post(entry.value);
	if (!posted.ok) return posted;
	ctx.live().recordPosting(entryId, nowIso(), ctx.me);
	return ok(entryId);
}

/** Adds an account beside a related one (under the same parent), or finds one already named so. */
export function createAccountBeside(
	books: BooksState | null,
	name: string,
	type: 'liability' | 'expense',
	subtype: 'payroll-liability' | 'payroll-expense',
	besideId: string | undefined
): Result<string> {
	if (!books) return no('payroll/books-only');
	const existing = books.accounts.find((a) => !a.archived && a.name === name && a.type === type);
	if (existing) return ok(existing.id);
	// Beside the related account (e.g. under Liabilities:Payroll Liabilities or Creditors).
	const beside = books.accounts.find((a) => a.id === besideId);
	const parent = beside?.parentId ? books.accounts.find((a) => a.id === beside.parentId) : undefined;
	const made = books.createAccount({
		name,
		type,
		subtype,
		...(parent ? { parentId: parent.id } : {})
	});
	return made.ok ? ok(made.value.id) : made;
}

/** Posts a finalized run's journal entry to Books. */
export function postRun(ctx: PostingContext, id: string): Result<string> {
	const run = ctx.final(id);
	if (!run) return no('payroll/not-finalized', 'Only a finalized run can be posted.');
	return postToBooks(ctx, payrollEntryId(id), (a) => runJournalEntry(run, a));
}

/**
 * Records a run's payment (once) on a checked date, then posts it. A signed payment is written once
 * this device has sealed it, so posting waits for that.
 */
export async function markPaid(
	ctx: PostingContext,
	id: string,
	paidOn?: string
): Promise<Result<PostingState>> {
	const run = ctx.final(id);
	if (!run) return no('payroll/not-finalized', 'Only a finalized run can be marked paid.');
	if (!ctx.payment(id)) {
		const date = checkPaymentDate(run, paidOn ?? run.period.payDate);
		if (!date.ok) return date;
		const paid = ctx.live().markPaid(id, { paidOn: date.value, at: nowIso(), by: ctx.me });
		if (!paid.ok) return paid;
		await ctx.live().settled();
	}
	return postPayment(ctx, id);
}

/** Posts a recorded payment's journal entry (net pay payable to the bank). */
export function postPayment(ctx: PostingContext, id: string): Result<PostingState> {
	const run = ctx.final(id);
	const payment = ctx.payment(id);
	if (!run || !payment) return no('payroll/not-paid');
	if (!ctx.books) return ok('no-books');
	const posted = postToBooks(ctx, paymentEntryId(id), (a) => paymentJournalEntry(run, a, payment.paidOn));
	return posted.ok ? ok('posted') : posted;
}

/** What finalizing says once the run is written: posted, not posted (and why), or no Books here. */
export function finalizedOutcome(
	ctx: PostingContext,
	id: string
): Result<{ posted: PostingState; message: string }> {
	if (!ctx.books)
		return {
			ok: true,
			value: {
				posted: 'no-books',
				message:
					'Finalized. This browser has no access to Books: a teammate with Books access must open this run to post it.'
			}
		};
	const posted = postRun(ctx, id);
	return {
		ok: true,
		value: {
			posted: posted.ok ? 'posted' : 'not-posted',
			message: posted.ok
				? 'Finalized and posted to Books.'
				: `Finalized, but not posted: ${describeError(posted.error)}`
		}
	};
}

/** Books holds this run's journal with the figures of a finalization that was not kept. */
export function postedFromSuperseded(
	ctx: PostingContext,
	id: string,
	superseded: () => readonly SupersededAttempt[]
): boolean {
	const run = ctx.final(id);
	const posted = ctx.books?.entry(payrollEntryId(id));
	if (!run || !posted || !superseded().some((a) => !a.sameFigures)) return false;
	const a = ctx.accounts();
	const chosen = check(postingAccountsSchema, a);
	return chosen.ok && !postedMatchesRun(posted, run, chosen.value);
}
