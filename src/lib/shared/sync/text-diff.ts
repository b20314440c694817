// Turns "the textarea now says X" into the smallest Y.Text edit, so that two people typing in the
// same description at once each keep their words (a whole-string replace would drop one of them).
import type * as Y from 'yjs';

export function applyTextChange(text: Y.Text, next: string): void {
	const prev = text.toString();
	if (prev === next) return;
	let start = 0;
	const maxStart = Math.min(prev.length, next.length);
	while (start < maxStart && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
	let endPrev = prev.length;
	let endNext = next.length;
	while (
		endPrev > start &&
		endNext > start &&
		prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
	) {
		endPrev--;
		endNext--;
	}
	// Never split a surrogate pair: widen the edit to whole code points.
	if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
	if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
		endPrev++;
		endNext++;
	}
	const edit = () => {
		if (endPrev > start) text.delete(start, endPrev - start);
		if (endNext > start) text.insert(start, next.slice(start, endNext));
	};
	if (text.doc) text.doc.transact(edit);
	else edit();
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
