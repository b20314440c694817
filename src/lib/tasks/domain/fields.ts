// Field readers for validating untrusted task data (forms, imports, remote peers). Each reader
// either returns a clean value or records one FieldError naming the field; none of them throws.
import { parseIsoDate, type IsoDate } from '../../shared/domain';

export interface FieldError {
	/** Path of the field, e.g. 'title', 'checklist[2].text'. */
	readonly field: string;
	/** Stable code, e.g. 'tasks/title-required'. */
	readonly code: string;
	readonly message: string;
}

export class FieldErrors {
	readonly list: FieldError[] = [];
	add(field: string, code: string, message: string): void {
		this.list.push({ field, code: `tasks/${code}`, message: `${field}: ${message}` });
	}
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

/** A trimmed text of at most `max` characters; required means non-empty after trimming. */
export function readText(
	errors: FieldErrors,
	field: string,
	value: unknown,
	opts: { required: boolean; max: number; fallback?: string }
): string {
	if (value === undefined && opts.fallback !== undefined) return opts.fallback;
	if (typeof value !== 'string') {
		errors.add(field, `${fieldCode(field)}-required`, opts.required ? 'is required' : 'must be text');
		return '';
	}
	const text = value.trim();
	if (opts.required && text.length === 0) errors.add(field, `${fieldCode(field)}-required`, 'is required');
	if (text.length > opts.max) {
		errors.add(
			field,
			`${fieldCode(field)}-too-long`,
			`is ${text.length} characters, at most ${opts.max} allowed`
		);
	}
	return text;
}

/** A non-empty id-like string or null; '' and undefined read as null. */
export function readOptionalId(errors: FieldErrors, field: string, value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string' || value.trim().length === 0 || value.length > 200) {
		errors.add(field, `${fieldCode(field)}-invalid`, 'must be an id of 1 to 200 characters or empty');
		return null;
	}
	return value.trim();
}

export function readDate(errors: FieldErrors, field: string, value: unknown): IsoDate | null {
	if (value === undefined || value === null || value === '') return null;
	const date = typeof value === 'string' ? parseIsoDate(value) : undefined;
	if (date === undefined) {
		errors.add(
			field,
			`${fieldCode(field)}-invalid`,
			`${JSON.stringify(value)} is not a real date (YYYY-MM-DD)`
		);
		return null;
	}
	return date;
}

export function readInstant(errors: FieldErrors, field: string, value: unknown): string {
	if (!isIsoInstant(value)) {
		errors.add(field, `${fieldCode(field)}-invalid`, `${JSON.stringify(value)} is not an ISO instant in UTC`);
		return '';
	}
	return value;
}

export function readArray(errors: FieldErrors, field: string, value: unknown, max: number): unknown[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) {
		errors.add(field, `${fieldCode(field)}-invalid`, 'must be a list');
		return [];
	}
	if (value.length > max)
		errors.add(field, `${fieldCode(field)}-too-many`, `has ${value.length} entries, at most ${max} allowed`);
	return value.slice(0, max);
}

/** 'checklist[2].text' → 'checklist-text', 'createdBy' → 'created-by'. */
export function fieldCode(field: string): string {
	const name = field.replace(/\[\d+\]/g, '').replace(/\./g, '-');
	return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
