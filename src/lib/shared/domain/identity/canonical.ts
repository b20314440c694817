// Canonical JSON: the one byte sequence a signed statement's body is signed and checked over, so two
// devices that hold the same body (whatever order its keys arrived in) verify the same bytes.
// Invariant: equal plain values give equal text; keys are sorted, no spaces, no undefined fields.

/** The canonical text of a plain JSON value (objects with sorted keys, arrays in order). */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	throw new Error(`canonicalJson: ${typeof value} is not JSON`);
}
