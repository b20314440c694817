// OFX/QFX (1.x SGML with unclosed leaf tags, and 2.x XML) into statements. A transaction without a real date or
// amount is an error naming its line, never silently dropped: a dropped line would break the balance.
import { ok, type DecimalString, type Result } from '../../shared/domain';
import { withLineIds } from './dedup';
import { bankFail, parseCompactDate, normaliseAmount } from './text';
import type { AccountIdentifiers, DraftLine, Statement, StatementBalance } from './types';
import { decodeEntities, lexMarkup } from './xml';

interface OfxNode {
	readonly name: string;
	readonly value?: string;
	readonly children: OfxNode[];
	readonly line: number;
}

/** Builds the OFX tree leniently: a tag followed by text is a leaf (closed or not); other tags are aggregates. */
function buildTree(text: string, file: string): Result<OfxNode> {
	const lexed = lexMarkup(text, file);
	if (!lexed.ok) return lexed;
	const tokens = lexed.value;
	const root: OfxNode = { name: '#root', children: [], line: 1 };
	const stack: OfxNode[] = [root];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (!t) break;
		const top = stack[stack.length - 1] as OfxNode;
		if (t.kind === 'open') {
			const name = t.name.toUpperCase();
			const next = tokens[i + 1];
			if (t.selfClosing) top.children.push({ name, value: '', children: [], line: t.line });
			else if (next?.kind === 'text') {
				top.children.push({ name, value: next.text, children: [], line: t.line });
				i++;
				const after = tokens[i + 1];
				if (after?.kind === 'close' && after.name.toUpperCase() === name) i++;
			} else if (next?.kind === 'close' && next.name.toUpperCase() === name) {
				top.children.push({ name, value: '', children: [], line: t.line });
				i++;
			} else {
				const agg: OfxNode = { name, children: [], line: t.line };
				top.children.push(agg);
				stack.push(agg);
				if (stack.length > 200)
					return bankFail(
						'banking/bad-syntax',
						{ file, line: t.line },
						'OFX aggregates nested deeper than 200 levels'
					);
			}
		} else if (t.kind === 'close') {
			const name = t.name.toUpperCase();
			for (let d = stack.length - 1; d > 0; d--) {
				if ((stack[d] as OfxNode).name === name) {
					stack.length = d;
					break;
				}
			}
		}
	}
	return ok(root);
}

function findAll(node: OfxNode, names: readonly string[], out: OfxNode[] = []): OfxNode[] {
	for (const c of node.children) {
		if (names.includes(c.name)) out.push(c);
		else findAll(c, names, out);
	}
	return out;
}

/** First leaf with this name anywhere below `node` (SGML leaves may end up nested in an unclosed sibling). */
function leaf(node: OfxNode | undefined, name: string): OfxNode | undefined {
	if (!node) return undefined;
	for (const c of node.children) {
		if (c.name === name && c.value !== undefined) return c;
		if (c.value === undefined) {
			const deeper = leaf(c, name);
			if (deeper) return deeper;
		}
	}
	return undefined;
}

function value(node: OfxNode | undefined, name: string): string | undefined {
	const raw = leaf(node, name)?.value;
	if (raw === undefined) return undefined;
	// Some banks escape twice ("&amp;lt;"); the second pass only runs when an entity survived the first.
	const once = raw.trim();
	const text = /&(lt|gt|amp|quot|apos|#\d+);/.test(once) ? decodeEntities(once) : once;
	return text === '' ? undefined : text;
}

function aggregate(node: OfxNode, name: string): OfxNode | undefined {
	return findAll(node, [name])[0];
}

const OFX_AMOUNT = /^([+-]?)(\d*)(?:[.,](\d+))?$/;

function parseOfxAmount(text: string): DecimalString | undefined {
	const m = OFX_AMOUNT.exec(text.trim());
	if (!m || (m[2] === '' && m[3] === undefined)) return undefined;
	const plain = `${m[2] === '' ? '0' : m[2]}${m[3] === undefined ? '' : '.' + m[3]}`;
	return normaliseAmount(plain, m[1] === '-');
}

function statusError(node: OfxNode | undefined): { code: string; message: string } | undefined {
	const status = node ? aggregate(node, 'STATUS') : undefined;
	if (!status) return undefined;
	const code = value(status, 'CODE') ?? '';
	const severity = (value(status, 'SEVERITY') ?? '').toUpperCase();
	if (code === '0' || severity !== 'ERROR') return undefined;
	return { code, message: value(status, 'MESSAGE') ?? '(no message)' };
}

export function parseOfx(text: string, file: string): Result<Statement[]> {
	const start = text.search(/<OFX[\s>]/i);
	if (start < 0) return bankFail('banking/unknown-format', { file }, 'no <OFX> element: not an OFX/QFX file');
	const lineOffset = text.slice(0, start).split(/\r\n|\n|\r/).length - 1;
	const tree = buildTree(text.slice(start), file);
	if (!tree.ok) return tree;
	const root = tree.value;
	const signon = aggregate(root, 'SONRS');
	const signonError = statusError(signon);
	if (signonError)
		return bankFail(
			'banking/bank-error',
			{ file, line: (signon?.line ?? 1) + lineOffset, field: 'SONRS' },
			`the bank refused the sign-on: code ${signonError.code}, "${signonError.message}"`,
			signonError
		);
	const format = /\.qfx$/i.test(file) ? 'qfx' : 'ofx';
	const bodies = findAll(root, ['STMTRS', 'CCSTMTRS', 'INVSTMTRS']);
	if (bodies.length === 0) {
		const trn = findAll(root, ['STMTTRNRS', 'CCSTMTTRNRS', 'INVSTMTTRNRS'])[0];
		const e = statusError(trn);
		if (e)
			return bankFail(
				'banking/bank-error',
				{ file, line: (trn?.line ?? 1) + lineOffset },
				`the bank returned an error instead of a statement: code ${e.code}, "${e.message}"`,
				e
			);
		return bankFail('banking/no-statement', { file }, 'the OFX file holds no statement (no STMTRS/CCSTMTRS)');
	}
	const statements: Statement[] = [];
	for (const body of bodies) {
		const warnings: string[] = [];
		const from =
			aggregate(body, 'BANKACCTFROM') ?? aggregate(body, 'CCACCTFROM') ?? aggregate(body, 'INVACCTFROM');
		const account: AccountIdentifiers = {
			...(value(from, 'ACCTID') === undefined ? {} : { accountNumber: value(from, 'ACCTID') }),
			...((value(from, 'BANKID') ?? value(from, 'BROKERID')) === undefined
				? {}
				: { bankId: value(from, 'BANKID') ?? value(from, 'BROKERID') }),
			...(value(from, 'ACCTTYPE') === undefined ? {} : { type: value(from, 'ACCTTYPE') })
		};
		const currency = value(body, 'CURDEF');
		if (currency === undefined) warnings.push('the statement has no currency (CURDEF empty or missing)');
		const drafts: DraftLine[] = [];
		for (const trn of findAll(body, ['STMTTRN'])) {
			const line = trn.line + lineOffset;
			const rawDate = value(trn, 'DTPOSTED');
			const date = rawDate === undefined ? undefined : parseCompactDate(rawDate);
			if (!date)
				return bankFail(
					'banking/bad-date',
					{ file, line, field: 'DTPOSTED' },
					rawDate === undefined ? 'transaction has no posting date' : `"${rawDate}" is not a date`
				);
			const rawAmount = value(trn, 'TRNAMT');
			const amount = rawAmount === undefined ? undefined : parseOfxAmount(rawAmount);
			if (amount === undefined)
				return bankFail(
					'banking/bad-amount',
					{ file, line, field: 'TRNAMT' },
					rawAmount === undefined ? 'transaction has no amount' : `"${rawAmount}" is not an amount`
				);
			const fitid = value(trn, 'FITID');
			const check = value(trn, 'CHECKNUM');
			drafts.push({
				date,
				amount,
				payee: value(trn, 'NAME') ?? '',
				memo: value(trn, 'MEMO') ?? '',
				...(fitid === undefined ? {} : { bankRef: fitid }),
				...(check === undefined ? {} : { checkNumber: check }),
				sourceLine: line
			});
		}
		let closingBalance: StatementBalance | undefined;
		const ledger = aggregate(body, 'LEDGERBAL');
		if (ledger) {
			const raw = value(ledger, 'BALAMT');
			const amount = raw === undefined ? undefined : parseOfxAmount(raw);
			const date = value(ledger, 'DTASOF');
			if (amount === undefined)
				warnings.push(
					`line ${ledger.line + lineOffset}: LEDGERBAL has no usable amount${raw === undefined ? '' : ` ("${raw}")`}; closing balance left out`
				);
			else {
				const asOf = date === undefined ? undefined : parseCompactDate(date);
				closingBalance = { amount: amount as StatementBalance['amount'], ...(asOf ? { date: asOf } : {}) };
			}
		}
		statements.push({
			format,
			fileName: file,
			account,
			...(currency === undefined ? {} : { currency }),
			...(closingBalance ? { closingBalance } : {}),
			lines: withLineIds(account, drafts),
			warnings
		});
	}
	return ok(statements);
}
