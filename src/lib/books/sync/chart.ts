// Writes to the chart of accounts, each checked first so the chart stays sound (unique full names,
// a parent of the same type): add, change, archive or reopen an account, or fill an empty chart
// from a template in one transaction. The Books replica's chart verbs are these.
import type * as Y from 'yjs';
import { ok, type Result } from '$lib/shared/domain';
import {
	CHART_TEMPLATES,
	instantiateTemplate,
	ledgerError,
	validateChart,
	type Account,
	type LedgerError
} from '$lib/books/domain';
import * as docs from './doc';

const unknown = (id: string) =>
	ledgerError('ledger/unknown-account', `Account '${id}' is not in the chart`, { account: id });

export function createAccount(
	doc: Y.Doc,
	accounts: readonly Account[],
	account: Account
): Result<Account, LedgerError> {
	if (accounts.some((a) => a.id === account.id))
		return ledgerError('ledger/bad-chart', `Account id '${account.id}' is already used`, {
			account: account.id
		});
	const checked = validateChart([...accounts, account]);
	if (!checked.ok) return checked;
	docs.insertAccount(doc, account);
	return ok(account);
}

export function patchAccount(
	doc: Y.Doc,
	accounts: readonly Account[],
	id: string,
	patch: docs.AccountPatch
): Result<Account, LedgerError> {
	const current = accounts.find((a) => a.id === id);
	if (!current) return unknown(id);
	const next = { ...current, ...patch } as Account;
	for (const k of Object.keys(patch) as (keyof docs.AccountPatch)[])
		if (patch[k] === undefined) delete (next as Partial<Account>)[k];
	const checked = validateChart(accounts.map((a) => (a.id === id ? next : a)));
	if (!checked.ok) return checked;
	docs.patchAccount(doc, id, patch);
	return ok(next);
}

export function archiveAccount(
	doc: Y.Doc,
	accounts: readonly Account[],
	id: string,
	archived: boolean
): Result<null, LedgerError> {
	if (!accounts.some((a) => a.id === id)) return unknown(id);
	docs.setArchived(doc, id, archived);
	return ok(null);
}

export function applyChartTemplate(
	doc: Y.Doc,
	accounts: readonly Account[],
	templateId: string,
	newId: () => string
): Result<Account[], LedgerError> {
	const template = CHART_TEMPLATES.find((t) => t.id === templateId);
	if (!template) return ledgerError('ledger/bad-template', `There is no chart template '${templateId}'`);
	if (accounts.length > 0)
		return ledgerError(
			'ledger/bad-chart',
			'The chart already has accounts; a template only fills an empty chart'
		);
	const made = instantiateTemplate({ template, newId });
	if (!made.ok) return made;
	doc.transact(() => {
		for (const a of made.value) docs.insertAccount(doc, a);
		docs.setChartTemplate(doc, templateId);
	});
	return made;
}

/** Problems in the merged chart (e.g. two peers created the same full name), or [] when sound. */
export function chartProblems(accounts: readonly Account[]): string[] {
	const checked = validateChart(accounts);
	return checked.ok
		? []
		: ((checked.error.details?.problems as string[] | undefined) ?? [checked.error.message]);
}
