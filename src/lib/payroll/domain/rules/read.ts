// A small reader for untrusted rule data: every access names its path, and every problem is
// collected rather than thrown, so a broken rule file reports all its faults at once.
import { dec, type Dec, type IsoDate, parseDecimal, parseIsoDate } from '../../../shared/domain';

export class RuleReader {
	readonly issues: string[] = [];

	constructor(readonly file: string) {}

	problem(path: string, message: string): void {
		this.issues.push(`${path}: ${message}`);
	}

	object(value: unknown, path: string): Record<string, unknown> {
		if (typeof value === 'object' && value !== null && !Array.isArray(value))
			return value as Record<string, unknown>;
		this.problem(path, 'expected an object');
		return {};
	}

	array(value: unknown, path: string): unknown[] {
		if (Array.isArray(value)) return value;
		this.problem(path, 'expected an array');
		return [];
	}

	text(obj: Record<string, unknown>, key: string, path: string): string {
		const v = obj[key];
		if (typeof v === 'string' && v.trim() !== '') return v;
		this.problem(`${path}.${key}`, 'expected a non-empty string');
		return '';
	}

	integer(obj: Record<string, unknown>, key: string, path: string): number {
		const v = obj[key];
		if (typeof v === 'number' && Number.isInteger(v)) return v;
		this.problem(`${path}.${key}`, 'expected a whole number');
		return 0;
	}

	/** A figure stored as a decimal string; never a JSON number, so no binary rounding sneaks in. */
	decimal(
		obj: Record<string, unknown>,
		key: string,
		path: string,
		opts: { min?: string; max?: string } = {}
	): Dec {
		const v = obj[key];
		const parsed = typeof v === 'string' ? parseDecimal(v) : undefined;
		if (!parsed) {
			this.problem(`${path}.${key}`, 'expected a decimal string');
			return dec(0);
		}
		if (opts.min !== undefined && parsed.lessThan(opts.min))
			this.problem(`${path}.${key}`, `must be at least ${opts.min}`);
		if (opts.max !== undefined && parsed.greaterThan(opts.max))
			this.problem(`${path}.${key}`, `must be at most ${opts.max}`);
		return parsed;
	}

	date(obj: Record<string, unknown>, key: string, path: string): IsoDate {
		const v = obj[key];
		const parsed = typeof v === 'string' ? parseIsoDate(v) : undefined;
		if (!parsed) {
			this.problem(`${path}.${key}`, 'expected an ISO date YYYY-MM-DD');
			return '1970-01-01' as IsoDate;
		}
		return parsed;
	}

	/** Checks an invariant; `detail` says what was expected and found. */
	check(condition: boolean, path: string, detail: string): void {
		if (!condition) this.problem(path, detail);
	}
}
