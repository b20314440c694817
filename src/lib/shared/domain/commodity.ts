// Where a commodity goes next to its number, for the screen and for journal files alike: one-character
// symbols before the number ("$-10.00"), words after it ("10.00 EUR"), and any symbol a journal reader
// could not read back unquoted in double quotes ("5 \"ABC 1\""). Knows nothing about how digits look.

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

/** The commodity as a journal writes it: bare when simple, else in double quotes. */
export function commodityToken(commodity: string): string {
	return isSimpleCommodity(commodity) ? commodity : `"${commodity}"`;
}

/** A symbol that goes before the number, without a space: one character that is not a letter. */
export function isPrefixSymbol(commodity: string): boolean {
	return [...commodity].length === 1 && isSimpleCommodity(commodity) && !/\p{L}/u.test(commodity);
}

/** Puts an already written number next to its commodity: "$-10.00", "10.00 EUR", "10.00" (none). */
export function withCommodity(number: string, commodity: string): string {
	if (commodity === '') return number;
	if (isPrefixSymbol(commodity)) return commodity + number;
	return `${number} ${commodityToken(commodity)}`;
}
