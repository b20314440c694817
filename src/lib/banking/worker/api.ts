// What Banking asks of a worker, as plain async functions so tests can call them without a Worker:
// statement files in (bytes), statements out; CSV detection and live preview for the mapping step; and
// the reconciliation matcher over the persisted books shard. They run in the books worker (see
// books/worker/books.worker.ts) and read its one copy of the shard (books/worker/shard.ts), so the
// shard is loaded and checked once for reports and banking alike. Invariant: only lines no holding
// match claims, and no finished reconciliation locks, go to the matcher; a proposal someone rejected
// is not offered again. Errors cross as values.
import {
	checkBalance,
	decodeBytes,
	detectCsvMapping,
	detectFormat,
	matchStatementLines,
	parseStatementFile,
	previewCsv as previewCsvRows,
	proposalKey,
	countRuleFits,
	rulesFor,
	proposeFromRules,
	type MatchRule,
	type BalanceCheck,
	type BankLineInput,
	type CsvDetection,
	type CsvPreviewRow,
	type LedgerLineInput,
	type MatchOptions,
	type MatchResult,
	type Statement
} from '$lib/banking/domain';
import type { BooksReplica } from '$lib/books/sync/replica';
import { loadShard, dropShard, type BooksShard } from '$lib/books/worker/shard';
import { BankingReplica } from '$lib/banking/sync/replica';
import { WorkerError, guard, type WorkerResult } from '../../shared/worker/result';

export type { WorkerResult };

/** The banking replica built on the books worker's one copy of the shard, made once per loaded shard. */
const built = new WeakMap<BooksShard, BankingReplica>();

/** The books shard as the books worker holds it (loaded once, kept current), and banking's view of it. */
async function load(workspaceId: string): Promise<{ books: BooksReplica; banking: BankingReplica }> {
	const shard = await loadShard(workspaceId);
	let banking = built.get(shard);
	if (!banking) {
		const made = new BankingReplica(shard.doc, shard.replica);
		built.set(shard, made);
		shard.onDrop.push(() => made.destroy());
		banking = made;
	}
	return { books: shard.replica, banking };
}

export interface ParsedFile {
	readonly statements: Statement[];
	readonly checks: BalanceCheck[];
}

export interface FileKind {
	readonly format: 'csv' | 'ofx' | 'qif' | 'camt' | 'mt940';
}

export interface Proposals {
	/** The books shard this answer was computed on (compare with the page's to know it is current). */
	readonly stateVector: string;
	/**
	 * The first page of the matcher's answer (without the ids of unmatched ledger lines, tens of thousands the
	 * page never shows); `pages` says how many `matchPage` calls fetch the rest. Paging keeps each message
	 * small enough that the page decodes it in well under 50 ms.
	 */
	readonly result: MatchResult;
	readonly pages: number;
	/** Names the stored answer the pages come from. */
	readonly token: number;
	readonly unmatchedLedgerLines: number;
	readonly ms: number;
}

export interface ProposalsPage {
	readonly matches: MatchResult['matches'];
	readonly ruleProposals: MatchResult['ruleProposals'];
	readonly unmatchedBankLineIds: MatchResult['unmatchedBankLineIds'];
}

/** Proposals per message. */
export const PAGE = 1500;
let lastAnswer: { token: number; result: MatchResult } | null = null;

function pageOf(result: MatchResult, page: number): ProposalsPage {
	const cut = <T>(xs: readonly T[]) => xs.slice(page * PAGE, (page + 1) * PAGE);
	return {
		matches: cut(result.matches),
		ruleProposals: cut(result.ruleProposals),
		unmatchedBankLineIds: cut(result.unmatchedBankLineIds)
	};
}

type Ws = { workspaceId: string };
type File = { bytes: Uint8Array; fileName: string };

export interface BankingApi {
	/** Which format a file is (content first, extension second). */
	inspect(args: File): Promise<WorkerResult<FileKind>>;
	detectCsv(args: File): Promise<WorkerResult<CsvDetection>>;
	previewCsv(
		args: File & { mapping: unknown; rows?: number }
	): Promise<WorkerResult<{ header: readonly string[]; rows: CsvPreviewRow[] }>>;
	parse(args: File & { csvMapping?: unknown }): Promise<WorkerResult<ParsedFile>>;
	match(args: Ws & { bankAccountId: string; options?: MatchOptions }): Promise<WorkerResult<Proposals>>;
	matchPage(args: { token: number; page: number }): Promise<WorkerResult<ProposalsPage>>;
	/** For each rule, how many bank lines no match holds it would apply to now (see countRuleFits). */
	ruleCounts(args: Ws): Promise<WorkerResult<RuleCounts>>;
	reload(args: Ws): Promise<WorkerResult<null>>;
}

export interface RuleCounts {
	readonly stateVector: string;
	readonly counts: Readonly<Record<string, number>>;
	/** Bank lines looked at: every line of every bank account that no holding match or reconciliation holds. */
	readonly openLines: number;
}

function fail(code: string, message: string): never {
	throw new WorkerError(code, message);
}

/** The bank line and ledger line inputs of a bank account that no holding match or finished reconciliation holds. */
export function openLines(
	books: BooksReplica,
	banking: BankingReplica,
	bankAccountId: string
): { bankLines: BankLineInput[]; ledgerLines: LedgerLineInput[] } {
	const account = banking.bankAccount(bankAccountId);
	if (!account) fail('banking/bad-account', `No bank account '${bankAccountId}'`);
	const claims = banking.claims();
	const bankLines: BankLineInput[] = [];
	for (const l of banking.lines(bankAccountId)) {
		if (claims.bankLine.has(l.id) || claims.lockedLines.has(l.id)) continue;
		bankLines.push({
			id: l.id,
			date: l.date,
			amount: l.amount,
			payee: l.payee,
			memo: l.memo,
			...(l.bankRef ? { bankRef: l.bankRef } : {})
		});
	}
	const ledgerLines: LedgerLineInput[] = [];
	for (const e of books.entries())
		e.lines.forEach((l, k) => {
			if (l.account !== account.ledgerAccountId) return;
			const id = `${e.id}#${k}`;
			if (claims.ledgerLine.has(id)) return;
			ledgerLines.push({
				id,
				entryId: e.id,
				date: e.date,
				amount: l.amount,
				payee: e.memo,
				memo: l.memo ?? '',
				...(e.number ? { reference: e.number } : {}),
				cleared: e.clearing === 'cleared'
			});
		});
	return { bankLines, ledgerLines };
}

/** Drops proposals someone rejected; their lines go back to the unmatched lists, where rules may propose for them. */
function withoutRejected(
	raw: MatchResult,
	rejected: ReadonlySet<string>,
	bankLines: readonly BankLineInput[],
	rules: readonly MatchRule[]
): MatchResult {
	if (rejected.size === 0) return raw;
	const dropped = raw.matches.filter((m) => rejected.has(proposalKey(m.bankLineIds, m.ledgerLineIds)));
	if (dropped.length === 0) return raw;
	const freed = new Set(dropped.flatMap((m) => m.bankLineIds));
	return {
		...raw,
		matches: raw.matches.filter((m) => !dropped.includes(m)),
		ruleProposals: [
			...raw.ruleProposals,
			...proposeFromRules(
				bankLines.filter((l) => freed.has(l.id)),
				rules
			)
		],
		unmatchedBankLineIds: [...raw.unmatchedBankLineIds, ...dropped.flatMap((m) => m.bankLineIds)],
		unmatchedLedgerLineIds: [...raw.unmatchedLedgerLineIds, ...dropped.flatMap((m) => m.ledgerLineIds)]
	};
}

export const bankingApi = {
	async inspect({ bytes, fileName }) {
		return guard('banking/unknown-format', () => {
			if (bytes.length === 0) fail('banking/empty-file', `${fileName}: the file is empty`);
			const format = detectFormat(decodeBytes(bytes).text, fileName);
			if (!format)
				fail(
					'banking/unknown-format',
					`${fileName}: not a bank statement format Keel reads (CSV, OFX/QFX, QIF, camt.053/052, MT940)`
				);
			return { format };
		});
	},

	async detectCsv({ bytes, fileName }) {
		return guard('banking/bad-csv', () => {
			const r = detectCsvMapping(bytes, fileName);
			if (!r.ok) fail(r.error.code, r.error.message);
			return r.value;
		});
	},

	async previewCsv({ bytes, fileName, mapping, rows }) {
		return guard('banking/bad-csv', () => {
			const r = previewCsvRows(bytes, mapping, rows ?? 8, fileName);
			if (!r.ok) fail(r.error.code, r.error.message);
			return r.value;
		});
	},

	async parse({ bytes, fileName, csvMapping }) {
		return guard('banking/parse-failed', () => {
			const r = parseStatementFile({ bytes, fileName, ...(csvMapping !== undefined ? { csvMapping } : {}) });
			if (!r.ok) fail(r.error.code, r.error.message);
			return { statements: r.value, checks: r.value.map((s) => checkBalance(s)) };
		});
	},

	async match({ workspaceId, bankAccountId, options }) {
		return guard('banking/match-failed', async () => {
			const { books, banking } = await load(workspaceId);
			const started = performance.now();
			const { bankLines, ledgerLines } = openLines(books, banking, bankAccountId);
			const rules = rulesFor(banking.rules(), bankAccountId);
			const raw = matchStatementLines({ bankLines, ledgerLines, options: { ...options, rules } });
			const result = withoutRejected(raw, banking.claims().rejected, bankLines, rules);
			const token = (lastAnswer?.token ?? 0) + 1;
			lastAnswer = { token, result };
			const longest = Math.max(
				result.matches.length,
				result.ruleProposals.length,
				result.unmatchedBankLineIds.length
			);
			return {
				stateVector: books.stateVector(),
				result: { ...result, ...pageOf(result, 0), unmatchedLedgerLineIds: [] },
				pages: Math.max(1, Math.ceil(longest / PAGE)),
				token,
				unmatchedLedgerLines: result.unmatchedLedgerLineIds.length,
				ms: Math.round(performance.now() - started)
			};
		});
	},

	async matchPage({ token, page }) {
		return guard('banking/match-failed', () => {
			if (lastAnswer?.token !== token)
				fail('banking/match-stale', 'The proposals changed meanwhile; ask again');
			return pageOf(lastAnswer.result, page);
		});
	},

	async ruleCounts({ workspaceId }) {
		return guard('banking/match-failed', async () => {
			const { books, banking } = await load(workspaceId);
			const claims = banking.claims();
			const lines = banking
				.bankAccounts()
				.flatMap((a) => banking.lines(a.id))
				.filter((l) => !claims.bankLine.has(l.id) && !claims.lockedLines.has(l.id));
			return {
				stateVector: books.stateVector(),
				counts: countRuleFits(banking.rules(), lines),
				openLines: lines.length
			};
		});
	},

	async reload({ workspaceId }) {
		return guard('banking/load-failed', async () => {
			// The shard is shared with the books reports: dropping it reloads both on their next call.
			await dropShard(workspaceId);
			return null;
		});
	}
} satisfies BankingApi;
