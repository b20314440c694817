// Reads an HMRC tax code into what the PAYE routines need. Invariant: a code is either understood
// completely (regime, kind, number, basis marker) or refused with the reason; nothing is guessed.
import { fail, ok, type Result } from '../../../shared/domain';
import type { UkRegime } from '../rules/uk-rules';

export type TaxCodeKind = 'allowance' | 'K' | 'BR' | 'D' | 'NT';

export interface TaxCode {
	readonly text: string;
	readonly regime: UkRegime;
	readonly kind: TaxCodeKind;
	/** Numeric part for allowance (suffix) and K codes; the index n of Dn; 0 otherwise. */
	readonly number: number;
	/** The code itself carried a W1, M1 or X marker: week 1 / month 1 basis. */
	readonly nonCumulativeMarker: boolean;
}

const CODE_RE = /^(S|C)?(?:(\d{1,6})([LMNT])|K(\d{1,6})|(BR)|D(\d)|(NT))(?:[\s/]*(W1|M1|X))?$/;

export function parseTaxCode(input: string): Result<TaxCode> {
	const text = input.trim().toUpperCase();
	const m = CODE_RE.exec(text);
	if (!m)
		return fail(
			'payroll/tax-code',
			`taxCode: '${input}' is not a tax code this engine understands (e.g. 1257L, S1257L, C1257L, K475, BR, D0, D1, NT, 0T, with optional W1/M1/X)`,
			{ taxCode: input }
		);
	const regime: UkRegime = m[1] === 'S' ? 'scotland' : m[1] === 'C' ? 'wales' : 'rUK';
	const nonCumulativeMarker = m[8] !== undefined;
	const base = { text, regime, nonCumulativeMarker };
	if (m[2] !== undefined) return ok({ ...base, kind: 'allowance', number: Number(m[2]) });
	if (m[4] !== undefined) {
		const n = Number(m[4]);
		if (n === 0)
			return fail('payroll/tax-code', `taxCode: '${input}': a K code needs a number above 0`, {
				taxCode: input
			});
		return ok({ ...base, kind: 'K', number: n });
	}
	if (m[5] !== undefined) return ok({ ...base, kind: 'BR', number: 0 });
	if (m[6] !== undefined) return ok({ ...base, kind: 'D', number: Number(m[6]) });
	return ok({ ...base, kind: 'NT', number: 0 });
}
