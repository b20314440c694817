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
import { no, type PayrollVerb, type PostingState } from './verb';

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
): PayrollVerb<string> {
	const books = ctx.books;
	if (!books)
		return no(
			'This browser has no access to Books: a teammate with Books access must open this run to post it.'
		);
	if (books.entry(entryId)) {
		ctx.live().recordPosting(entryId, nowIso(), ctx.me);
		return { ok: true, value: entryId };
	}
	const a = ctx.accounts();
	const missing = REQUIRED_ROLES.filter((r) => !a[r.key]).map((r) => r.label);
	if (missing.length) return no(`Set up the ledger accounts first (${missing.join(', ')}).`);
	const chosen = check(postingAccountsSchema, a);
	if (!chosen.ok) return no(`Set up the ledger accounts first (${chosen.error.message}).`);
	const entry = build(chosen.value);
	if (!entry.ok) return no(entry.error.message);
	const posted = books.post(entry.value);
	if (!posted.ok) return no(posted.message);
	ctx.live().recordPosting(entryId, nowIso(), ctx.me);
	return { ok: true, value: entryId };
}

/** Adds an account beside a related one (under the same parent), or finds one already named so. */
export function createAccountBeside(
	books: BooksState | null,
	name: string,
	type: 'liability' | 'expense',
	subtype: 'payroll-liability' | 'payroll-expense',
	besideId: string | undefined
): PayrollVerb<string> {
	if (!books) return no('Only a teammate with Books access can add accounts.');
	const existing = books.accounts.find((a) => !a.archived && a.name === name && a.type === type);
	if (existing) return { ok: true, value: existing.id };
	// Beside the related account (e.g. under Liabilities:Payroll Liabilities or Creditors).
	const beside = books.accounts.find((a) => a.id === besideId);
	const parent = beside?.parentId ? books.accounts.find((a) => a.id === beside.parentId) : undefined;
	const made = books.createAccount({
		name,
		type,
		subtype,
		...(parent ? { parentId: parent.id } : {})
	});
	return made.ok ? { ok: true, value: made.value.id } : no(made.message);
}

/** Posts a finalized run's journal entry to Books. */
export function postRun(ctx: PostingContext, id: string): PayrollVerb<string> {
	const run = ctx.final(id);
	if (!run) return no('Only a finalized run can be posted.');
	return postToBooks(ctx, payrollEntryId(id), (a) => runJournalEntry(run, a));
}

/** Records a run's payment (once) on a checked date, then posts it. */
export function markPaid(ctx: PostingContext, id: string, paidOn?: string): PayrollVerb<PostingState> {
	const run = ctx.final(id);
	if (!run) return no('Only a finalized run can be marked paid.');
	if (!ctx.payment(id)) {
		const date = checkPaymentDate(run, paidOn ?? run.period.payDate);
		if (!date.ok) return no(date.error.message);
		const paid = ctx.live().markPaid(id, { paidOn: date.value, at: nowIso(), by: ctx.me });
		if (!paid.ok) return no(paid.error.message);
	}
	return postPayment(ctx, id);
}

/** Posts a recorded payment's journal entry (net pay payable to the bank). */
export function postPayment(ctx: PostingContext, id: string): PayrollVerb<PostingState> {
	const run = ctx.final(id);
	const payment = ctx.payment(id);
	if (!run || !payment) return no('The run is not marked paid.');
	if (!ctx.books) return { ok: true, value: 'no-books' };
	const posted = postToBooks(ctx, paymentEntryId(id), (a) => paymentJournalEntry(run, a, payment.paidOn));
	return posted.ok ? { ok: true, value: 'posted' } : no(posted.message);
}

/** What finalizing says once the run is written: posted, not posted (and why), or no Books here. */
export function finalizedOutcome(
	ctx: PostingContext,
	id: string
): PayrollVerb<{ posted: PostingState; message: string }> {
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
			message: posted.ok ? 'Finalized and posted to Books.' : `Finalized, but not posted: ${posted.message}`
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
