// How amounts and commodities are written for people and in journal files. One style for all:
// one-character symbols go before the number ("$-10.00"), words after it ("10.00 EUR"), and any
// symbol the journal reader could not read back unquoted is quoted ("5 \"ABC 1\"").

/** Characters that end an unquoted commodity symbol in a journal (hledger's set, plus a few). */
const NON_SIMPLE = ' \t\r\n"#%&\'()*+,-./;<=>@[\\]^`{|}~';
const NON_SIMPLE_ASCII = new Uint8Array(128);
for (let c = 0; c < 32; c++) NON_SIMPLE_ASCII[c] = 1;
for (let c = 48; c <= 57; c++) NON_SIMPLE_ASCII[c] = 1;
for (const ch of NON_SIMPLE) NON_SIMPLE_ASCII[ch.charCodeAt(0)] = 1;

export function isSimpleCommodityChar(code: number): boolean {
	if (code < 128) return NON_SIMPLE_ASCII[code] === 0;
	return code !== 160 && code !== 0x2028 && code !== 0x2029 && code !== 0xfeff;
}

export function isSimpleCommodity(commodity: string): boolean {
	if (commodity.length === 0) return false;
	for (let i = 0; i < commodity.length; i++)
		if (!isSimpleCommodityChar(commodity.charCodeAt(i))) return false;
	return true;
}

/** Whether a commodity can be written at all (quoted if need be). */
export function isWritableCommodity(commodity: string): boolean {
	return !/["\r\n]/.test(commodity) && commodity.trim() === commodity;
}

/** The commodity as a journal writes it: bare when simple, else in double quotes. */
export function commodityToken(commodity: string): string {
	return isSimpleCommodity(commodity) ? commodity : `"${commodity}"`;
}

/** A symbol that goes before the number, without a space: one character that is not a letter. */
function isPrefixSymbol(commodity: string): boolean {
	return [...commodity].length === 1 && isSimpleCommodity(commodity) && !/\p{L}/u.test(commodity);
}

/** Adds thousands separators to the integer part of a plain decimal. */
export function groupThousands(decimal: string): string {
	const neg = decimal.startsWith('-');
	const body = neg ? decimal.slice(1) : decimal;
	const point = body.indexOf('.');
	const int = point < 0 ? body : body.slice(0, point);
	const frac = point < 0 ? '' : body.slice(point);
	const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return (neg ? '-' : '') + grouped + frac;
}

/** "$-10.00", "10.00 EUR", "5 \"ABC 1\"", "10.00" (no commodity). */
export function formatAmount(
	decimal: string,
	commodity: string,
	options: { grouping?: boolean } = {}
): string {
	const number = options.grouping ? groupThousands(decimal) : decimal;
	if (commodity === '') return number;
	if (isPrefixSymbol(commodity)) return commodity + number;
	return `${number} ${commodityToken(commodity)}`;
}
