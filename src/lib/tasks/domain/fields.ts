// The small pieces the task schemas (`records.ts`) share: the FieldError Tasks reports for each bad
// field, the record and instant guards, and the stable code a field path gives.
import { parseIsoDate } from '../../shared/domain';

export interface FieldError {
	/** Path of the field, e.g. 'title', 'checklist[2].text'. */
	readonly field: string;
	/** Stable code, e.g. 'tasks/title-required'. */
	readonly code: string;
	readonly message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;

/** An ISO instant in UTC with a real calendar date, e.g. 2024-05-02T10:00:00.000Z. */
export function isIsoInstant(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = INSTANT_RE.exec(value);
	return m !== null && parseIsoDate(m[1] ?? '') !== undefined;
}

/** 'checklist[2].text' → 'checklist-text', 'createdBy' → 'created-by'. */
export function fieldCode(field: string): string {
	const name = field.replace(/\[\d+\]/g, '').replace(/\./g, '-');
	return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
