// Every HR failure is a DomainError whose code starts with 'hr/' and whose message names the field.
// No message or details may carry an identifier, bank number or name in clear: at most a mask.
import { err, type DomainError } from '../../shared/domain';

export type HrErrorCode = `hr/${string}`;

/** One problem with one field; forms show `message` next to `field`. */
export interface FieldProblem {
	readonly field: string;
	readonly code: HrErrorCode;
	readonly message: string;
}

export function problem(field: string, code: HrErrorCode, message: string): FieldProblem {
	return { field, code, message };
}

/** A failure for a single field. `details` always carries the field name for the form. */
export function fieldError(
	field: string,
	code: HrErrorCode,
	message: string,
	extra?: Record<string, unknown>
) {
	return err({ code, message, details: { field, ...extra } } satisfies DomainError);
}

/** Folds many field problems into one failure, so a form can show all of them at once. */
export function problemsError(code: HrErrorCode, what: string, problems: readonly FieldProblem[]) {
	const first = problems[0];
	const message =
		problems.length === 1 && first
			? `${what}: ${first.message}`
			: `${what}: ${problems.length} problems (${problems.map((p) => p.field).join(', ')})`;
	return err({ code, message, details: { problems } } satisfies DomainError);
}
