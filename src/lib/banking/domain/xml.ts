// A small XML lexer and tree builder (Web Workers have no DOMParser). It never expands DTD entities, so a hostile
// file cannot blow up memory, and every token carries its 1-based line so errors can point at it.
import { ok, type Result } from '../../shared/domain';
import { bankFail } from './text';

export type XmlToken =
	| {
			readonly kind: 'open';
			readonly name: string;
			readonly attrs: Readonly<Record<string, string>>;
			readonly selfClosing: boolean;
			readonly line: number;
	  }
	| { readonly kind: 'close'; readonly name: string; readonly line: number }
	| { readonly kind: 'text'; readonly text: string; readonly line: number };

const NAMED: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0'
};

/** Replaces the five XML entities, numeric references and &nbsp;; unknown entities stay as written. */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, body: string) => {
		if (body.startsWith('#')) {
			const cp =
				body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
		}
		return NAMED[body.toLowerCase()] ?? whole;
	});
}

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
	}
	return n;
}

/** Strips a namespace prefix: `ns2:Stmt` -> `Stmt`. */
function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon >= 0 ? name.slice(colon + 1) : name;
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

/** Lexes markup into open/close/text tokens. Names keep their case; namespace prefixes are dropped. */
export function lexMarkup(text: string, file: string): Result<XmlToken[]> {
	const tokens: XmlToken[] = [];
	let i = 0;
	let line = 1;
	const n = text.length;
	while (i < n) {
		const lt = text.indexOf('<', i);
		const end = lt < 0 ? n : lt;
		if (end > i) {
			const raw = text.slice(i, end);
			if (raw.trim() !== '') tokens.push({ kind: 'text', text: decodeEntities(raw), line });
			line += countNewlines(text, i, end);
			i = end;
			continue;
		}
		const startLine = line;
		let close: number;
		if (text.startsWith('<!--', i)) {
			close = text.indexOf('-->', i + 4);
			if (close < 0)
				return bankFail(
					'banking/bad-syntax',
					{ file, line: startLine },
					'comment is never closed (missing -->)'
				);
			close += 3;
		} else if (text.startsWith('<![CDATA[', i)) {
			close = text.indexOf(']]>', i + 9);
			if (close < 0)
				return bankFail('banking/bad-syntax', { file, line: startLine }, 'CDATA section is never closed');
			tokens.push({ kind: 'text', text: text.slice(i + 9, close), line: startLine });
			close += 3;
		} else if (text.startsWith('<?', i)) {
			close = text.indexOf('?>', i + 2);
			if (close < 0)
				return bankFail(
					'banking/bad-syntax',
					{ file, line: startLine },
					'processing instruction is never closed'
				);
			close += 2;
		} else if (text.startsWith('<!', i)) {
			close = text.indexOf('>', i + 2);
			if (close < 0)
				return bankFail('banking/bad-syntax', { file, line: startLine }, 'declaration is never closed');
			close += 1;
		} else {
			close = text.indexOf('>', i + 1);
			const nextLt = text.indexOf('<', i + 1);
			if (close < 0 || (nextLt >= 0 && nextLt < close))
				return bankFail(
					'banking/bad-syntax',
					{ file, line: startLine },
					`tag starting "${text.slice(i, i + 20)}" is never closed with ">"`
				);
			const inner = text.slice(i + 1, close);
			if (inner.startsWith('/')) {
				const name = inner.slice(1).trim();
				if (!/^[^\s<>]+$/.test(name))
					return bankFail('banking/bad-syntax', { file, line: startLine }, `bad closing tag "</${name}>"`);
				tokens.push({ kind: 'close', name: localName(name), line: startLine });
			} else {
				const selfClosing = inner.endsWith('/');
				const body = selfClosing ? inner.slice(0, -1) : inner;
				const m = /^([^\s/>]+)/.exec(body);
				if (!m || !m[1])
					return bankFail(
						'banking/bad-syntax',
						{ file, line: startLine },
						`bad tag "<${inner.slice(0, 20)}>"`
					);
				const attrs: Record<string, string> = {};
				const rest = body.slice(m[1].length);
				if (rest.trim() !== '') {
					ATTR_RE.lastIndex = 0;
					for (let a = ATTR_RE.exec(rest); a; a = ATTR_RE.exec(rest))
						attrs[localName(a[1] as string)] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
				}
				tokens.push({ kind: 'open', name: localName(m[1]), attrs, selfClosing, line: startLine });
			}
			close += 1;
		}
		line += countNewlines(text, i, close);
		i = close;
	}
	return ok(tokens);
}

const MAX_DEPTH = 200;

export interface XmlElement {
	readonly name: string;
	readonly attrs: Readonly<Record<string, string>>;
	readonly children: XmlElement[];
	text: string;
	readonly line: number;
}

/** Builds a strict tree: every open tag must be closed by its own name, in order. */
export function parseXml(text: string, file: string): Result<XmlElement> {
	const lexed = lexMarkup(text, file);
	if (!lexed.ok) return lexed;
	const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
	const stack: XmlElement[] = [root];
	for (const t of lexed.value) {
		const top = stack[stack.length - 1] as XmlElement;
		if (t.kind === 'text') top.text += t.text;
		else if (t.kind === 'open') {
			const el: XmlElement = { name: t.name, attrs: t.attrs, children: [], text: '', line: t.line };
			top.children.push(el);
			if (!t.selfClosing) stack.push(el);
			if (stack.length > MAX_DEPTH)
				return bankFail(
					'banking/bad-syntax',
					{ file, line: t.line },
					`elements nested deeper than ${MAX_DEPTH} levels`
				);
		} else {
			if (stack.length === 1 || top.name !== t.name)
				return bankFail(
					'banking/bad-syntax',
					{ file, line: t.line },
					`closing tag </${t.name}> does not match <${top.name}>${top === root ? '' : ` opened on line ${top.line}`}`
				);
			stack.pop();
		}
	}
	if (stack.length > 1) {
		const open = stack[stack.length - 1] as XmlElement;
		return bankFail(
			'banking/bad-syntax',
			{ file, line: open.line },
			`<${open.name}> is never closed (file truncated?)`
		);
	}
	return ok(root);
}

/** First child with this name, descending through a path: child(el, 'Acct', 'Id', 'IBAN'). */
export function child(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
	let cur = el;
	for (const name of path) {
		if (!cur) return undefined;
		cur = cur.children.find((c) => c.name === name);
	}
	return cur;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
	return el ? el.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of the element at the path, or undefined. */
export function textAt(el: XmlElement | undefined, ...path: string[]): string | undefined {
	const found = child(el, ...path);
	if (!found) return undefined;
	const t = found.text.trim();
	return t === '' ? undefined : t;
}

/** Depth-first search for the first element with this name. */
export function find(el: XmlElement, name: string): XmlElement | undefined {
	for (const c of el.children) {
		if (c.name === name) return c;
		const deeper = find(c, name);
		if (deeper) return deeper;
	}
	return undefined;
}
