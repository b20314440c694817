// Chart-of-accounts templates: validated when loaded, instantiated into accounts with caller ids.
// Invariant: an instantiated chart passes validateChart.
import { ok, type Result } from '../../../shared/domain/result';
import { accountNameProblem, validateChart } from '../accounts';
import { ledgerError, type LedgerError } from '../errors';
import { ACCOUNT_SUBTYPES, ACCOUNT_TYPES, LEDGER_SCHEMA_VERSION, type Account } from '../types';
import { generalTemplate } from './general';
import { nonprofitTemplate } from './nonprofit';
import type { ChartTemplate } from './types';
import { ukTemplate } from './uk';
import { usTemplate } from './us';

export type { ChartTemplate, TemplateAccount } from './types';

export const CHART_TEMPLATES: readonly ChartTemplate[] = [
	generalTemplate,
	usTemplate,
	ukTemplate,
	nonprofitTemplate
];

/** Checks a template: unique codes and paths, listed parents of the same type, known types and subtypes. */
export function validateTemplate(data: unknown): Result<ChartTemplate, LedgerError> {
	const t = data as ChartTemplate;
	const problems: string[] = [];
	if (
		!t ||
		typeof t !== 'object' ||
		typeof t.id !== 'string' ||
		!Array.isArray(t.accounts) ||
		typeof t.version !== 'number'
	)
		return ledgerError('ledger/bad-template', 'A template needs an id, a version and an accounts list');
	const byPath = new Map<string, (typeof t.accounts)[number]>();
	const codes = new Set<string>();
	for (const a of t.accounts) {
		if (codes.has(a.code)) problems.push(`code ${a.code} is used twice`);
		codes.add(a.code);
		if (byPath.has(a.path)) problems.push(`path '${a.path}' is listed twice`);
		byPath.set(a.path, a);
		if (!ACCOUNT_TYPES.includes(a.type)) problems.push(`'${a.path}': unknown type '${String(a.type)}'`);
		if (a.subtype !== undefined && !ACCOUNT_SUBTYPES.includes(a.subtype))
			problems.push(`'${a.path}': unknown subtype '${String(a.subtype)}'`);
		a.path.split(':').forEach((part: string, i: number) => {
			const why = accountNameProblem(part, i === 0);
			if (why) problems.push(`'${a.path}': part '${part}' ${why}`);
		});
	}
	for (const a of t.accounts) {
		const cut = a.path.lastIndexOf(':');
		if (cut < 0) continue;
		const parent = byPath.get(a.path.slice(0, cut));
		if (!parent) problems.push(`'${a.path}': parent '${a.path.slice(0, cut)}' is not listed`);
		else if (parent.type !== a.type)
			problems.push(`'${a.path}' is ${a.type} but its parent is ${parent.type}`);
	}
	for (const code of [t.retainedEarningsCode, ...(t.funds ?? []).map((f) => f.netAssetsCode)])
		if (code !== undefined && !codes.has(code)) problems.push(`code ${code} is referred to but not listed`);
	if (problems.length > 0)
		return ledgerError(
			'ledger/bad-template',
			`Template '${t.id}': ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
			{
				problems
			}
		);
	return ok(t);
}

/** The template's accounts as Keel accounts; `newId` supplies each id (ULIDs in the app). */
export function instantiateTemplate(options: {
	template: ChartTemplate;
	newId: (code: string) => string;
}): Result<Account[], LedgerError> {
	const checked = validateTemplate(options.template);
	if (!checked.ok) return checked;
	const idOfPath = new Map<string, string>();
	const accounts: Account[] = [];
	const ordered = [...options.template.accounts].sort(
		(a, b) => a.path.split(':').length - b.path.split(':').length
	);
	for (const a of ordered) {
		const id = options.newId(a.code);
		idOfPath.set(a.path, id);
		const cut = a.path.lastIndexOf(':');
		accounts.push({
			schemaVersion: LEDGER_SCHEMA_VERSION,
			id,
			name: cut < 0 ? a.path : a.path.slice(cut + 1),
			type: a.type,
			code: a.code,
			...(a.subtype ? { subtype: a.subtype } : {}),
			...(cut < 0 ? {} : { parentId: idOfPath.get(a.path.slice(0, cut)) as string })
		});
	}
	const chart = validateChart(accounts);
	return chart.ok ? ok(accounts) : chart;
}
