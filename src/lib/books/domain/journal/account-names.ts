// The accounts a journal names, as the reader meets them: in postings (interned, so each name is
// one string), in `account` directives and their tags. Invariant: every name kept is valid, with
// its parents before it in first-seen order; `build` turns them into Keel accounts with types.
import { accountNameProblem, inferAccountType } from '../accounts';
import { LEDGER_SCHEMA_VERSION, type Account, type AccountSubtype, type AccountType } from '../types';
import { ACCOUNT_TAGS, accountTypeFromTag, isSubtype, parseTagList } from './tags';
import { commentStart } from './transaction';
import { isSpace } from './directives';
import type { Mutable, ProblemSink } from './read-types';

/** Why a full account name is unusable, or undefined. */
function accountProblem(name: string): string | undefined {
	const parts = name.split(':');
	for (let k = 0; k < parts.length; k++) {
		const part = parts[k] as string;
		const why = accountNameProblem(part, k === 0);
		if (why) return `account name '${name}': ${part === '' ? 'has an empty part' : `'${part}' ${why}`}`;
	}
	return undefined;
}

export class AccountNames {
	readonly #report: ProblemSink;
	readonly #names = new Map<string, string>();
	/** Full names in first-seen order, parents first. */
	readonly order: string[] = [];
	readonly #declared = new Map<string, { line: number; tags: Record<string, string> }>();
	readonly #nameBuckets = new Map<number, string[]>();

	constructor(report: ProblemSink) {
		this.#report = report;
	}

	/** The account named by line[start, end), one string per name; or why the name is unusable. */
	readonly intern = (line: string, start: number, end: number): string | { error: string } => {
		const len = end - start;
		let h = len;
		const step = len > 12 ? (len >> 3) | 1 : 1;
		for (let k = start; k < end; k += step) h = (Math.imul(h, 31) + line.charCodeAt(k)) | 0;
		h = (Math.imul(h, 31) + line.charCodeAt(end - 1)) & 0x3fffffff;
		let bucket = this.#nameBuckets.get(h);
		if (bucket !== undefined)
			for (let b = 0; b < bucket.length; b++) {
				const known = bucket[b] as string;
				if (known.length !== len) continue;
				let k = len - 1;
				while (k >= 0 && known.charCodeAt(k) === line.charCodeAt(start + k)) k--;
				if (k < 0) return known;
			}
		const name = line.slice(start, end);
		const canonical = this.#names.get(name);
		if (canonical === undefined) {
			const problem = accountProblem(name);
			if (problem) return { error: problem };
			this.#add(name);
		}
		const out = canonical ?? name;
		if (bucket === undefined) this.#nameBuckets.set(h, (bucket = []));
		bucket.push(out);
		return out;
	};

	/** Records a valid account name and its parents, in first-seen order. */
	#add(name: string): void {
		let cut = name.indexOf(':');
		while (cut >= 0) {
			const parent = name.slice(0, cut);
			if (!this.#names.has(parent)) {
				this.#names.set(parent, parent);
				this.order.push(parent);
			}
			cut = name.indexOf(':', cut + 1);
		}
		if (!this.#names.has(name)) {
			this.#names.set(name, name);
			this.order.push(name);
		}
	}

	/** Reads an `account` directive's text (after the word); the account's name, or undefined on a problem. */
	declare(text: string, lineNo: number): string | undefined {
		let i = 0;
		while (i < text.length && isSpace(text.charCodeAt(i))) i++;
		let end = i;
		while (
			end < text.length &&
			!(text.charCodeAt(end) === 9 || (text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 32))
		)
			end++;
		let name = text.slice(i, end);
		const semi = commentStart(text, end);
		if (name.includes(';')) name = name.slice(0, name.indexOf(';')).trimEnd();
		const problem = accountProblem(name);
		if (problem) {
			this.#report.problem(lineNo, problem);
			return undefined;
		}
		this.#add(name);
		if (!this.#declared.has(name)) this.#declared.set(name, { line: lineNo, tags: {} });
		const nameSemi = text.indexOf(';', i);
		const commentAt = semi >= 0 ? semi : nameSemi >= 0 && nameSemi < end ? nameSemi : -1;
		if (commentAt >= 0) this.tags(name, text.slice(commentAt + 1), lineNo);
		return name;
	}

	/** Reads the tags in a comment on (or under) an account directive. */
	tags(name: string, comment: string, lineNo: number): void {
		const tags = parseTagList(comment, ACCOUNT_TAGS);
		const target = this.#declared.get(name);
		if (!tags || !target) return;
		for (const [k, v] of tags) target.tags[k] = v;
		target.line = lineNo;
	}

	/** The accounts, in `order`, with types declared, inherited from the parent, or inferred from the name. */
	build(): Account[] {
		const declaredType = (full: string): { type: AccountType; subtype?: AccountSubtype } | undefined => {
			const t = this.#declared.get(full)?.tags.type;
			return t === undefined ? undefined : accountTypeFromTag(t);
		};
		const typeOf = new Map<string, AccountType>();
		const ids = new Map<string, string>();
		for (const full of this.order) ids.set(full, this.#declared.get(full)?.tags.id || full);
		const guessed = new Set<string>();
		const accounts: Account[] = [];
		for (const full of this.order) {
			const cut = full.lastIndexOf(':');
			const parent = cut < 0 ? undefined : full.slice(0, cut);
			const decl = this.#declared.get(full);
			const own = declaredType(full);
			if (decl?.tags.type !== undefined && !own)
				this.#report.problem(decl.line, `unknown account type '${decl.tags.type}'`);
			let type =
				own?.type ?? (parent !== undefined ? typeOf.get(parent) : undefined) ?? inferAccountType(full);
			if (type === undefined) {
				type = 'asset';
				const top = full.split(':')[0] as string;
				if (!guessed.has(top)) {
					guessed.add(top);
					this.#report.warn(
						decl?.line ?? 0,
						`account '${top}': type not declared or recognisable from its name; taken as an asset`
					);
				}
			}
			if (parent !== undefined && own && typeOf.get(parent) !== own.type)
				this.#report.problem(
					decl?.line ?? 0,
					`account '${full}' is declared ${own.type} but its parent is ${String(typeOf.get(parent))}`
				);
			typeOf.set(full, type);
			const account: Mutable<Account> = {
				schemaVersion: LEDGER_SCHEMA_VERSION,
				id: ids.get(full) as string,
				name: cut < 0 ? full : full.slice(cut + 1),
				type
			};
			const tags = decl?.tags ?? {};
			const subtype = tags.subtype ?? own?.subtype;
			if (subtype !== undefined) {
				if (isSubtype(subtype)) account.subtype = subtype;
				else this.#report.problem(decl?.line ?? 0, `unknown account subtype '${subtype}'`);
			}
			if (tags.code) account.code = tags.code;
			if (parent !== undefined) account.parentId = ids.get(parent) as string;
			if (tags.currency) account.currency = tags.currency;
			if (tags.archived !== undefined) account.archived = tags.archived !== 'false';
			accounts.push(account);
		}
		return accounts;
	}
}
