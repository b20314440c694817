// A recurring series is anchored on its first due date: the n-th occurrence is anchor + n × step,
// with month-based steps clamped to the month's last day, so "every month on the 31st" gives Feb 28
// or 29 and returns to Mar 31, and a yearly Feb 29 gives Feb 28 in common years and Feb 29 in leap
// years. Completing an occurrence never edits the next one in place: it yields a new task record.
import { addDays, addMonths, daysBetween, dateParts, parseIsoDate, type IsoDate } from '../../shared/domain';
import type { IdFactory, Recurrence, RecurrenceUnit, Task } from './types';

export type RecurrenceRule = NonNullable<Recurrence>;

const MONTHS_PER_UNIT: Record<Exclude<RecurrenceUnit, 'week'>, number> = { month: 1, quarter: 3, year: 12 };

function occurrence(anchor: IsoDate, rule: RecurrenceRule, n: number): IsoDate {
	if (rule.every === 'week') return addDays(anchor, 7 * rule.interval * n);
	return addMonths(anchor, MONTHS_PER_UNIT[rule.every] * rule.interval * n);
}

/**
 * The first occurrence of the series strictly after `previousDue`. If `anchor` is omitted the
 * previous due date is the anchor (then month ends do not stick: Jan 31 → Feb 28 → Mar 28).
 */
export function nextOccurrence(args: {
	anchor?: IsoDate;
	previousDue: IsoDate;
	rule: RecurrenceRule;
}): IsoDate {
	const { previousDue, rule } = args;
	const anchor = args.anchor ?? previousDue;
	if (!Number.isInteger(rule.interval) || rule.interval < 1) {
		throw new Error(`recurrence: interval must be a positive integer, got ${rule.interval}`);
	}
	// Estimate how many steps separate anchor and previousDue, then walk to the first date after it.
	let n: number;
	if (rule.every === 'week') {
		n = Math.floor(daysBetween(anchor, previousDue) / (7 * rule.interval));
	} else {
		const a = dateParts(anchor);
		const p = dateParts(previousDue);
		const months = (p.year - a.year) * 12 + (p.month - a.month);
		n = Math.floor(months / (MONTHS_PER_UNIT[rule.every] * rule.interval));
	}
	n = Math.max(n - 1, 0);
	let date = occurrence(anchor, rule, n);
	while (date <= previousDue) date = occurrence(anchor, rule, ++n);
	return date;
}

/** Id for an occurrence that every replica computes alike; pass `() => occurrenceId(…)` as newIds to
 * make concurrent completions of the same occurrence write one record instead of two. */
export function occurrenceId(seriesId: string, due: IsoDate): string {
	return `${seriesId}~${due}`;
}

/**
 * Marks the task done at `now` (ISO instant) and, for a recurring task, builds the next
 * occurrence: same title, description, assignee, labels, links, recurrence (anchor pinned) and
 * series, checklist unticked, no comments, status todo, next due date. Completing a task that is
 * already done changes nothing and yields no next occurrence.
 */
export function completeTask(
	task: Task,
	now: string,
	newIds: IdFactory
): { completed: Task; next: Task | null } {
	if (task.status === 'done') return { completed: task, next: null };
	const rule = task.recurrence;
	const seriesId = rule ? (task.seriesId ?? task.id) : task.seriesId;
	const completed: Task = { ...task, status: 'done', completedAt: now, seriesId };
	if (!rule || seriesId === null) return { completed, next: null };
	const previousDue = task.due ?? parseIsoDate(now.slice(0, 10));
	if (previousDue === undefined) throw new Error(`completeTask: ${now} is not an ISO instant`);
	const anchor = rule.anchor ?? previousDue;
	const due = nextOccurrence({ anchor, previousDue, rule });
	const next: Task = {
		...task,
		id: newIds(),
		due,
		status: 'todo',
		completedAt: null,
		seriesId,
		recurrence: { ...rule, anchor },
		labels: [...task.labels],
		links: task.links.map((l) => ({ ...l })),
		checklist: task.checklist.map((c) => ({ ...c, done: false })),
		comments: [],
		createdAt: now
	};
	return { completed, next };
}

/** Open occurrences of one series that share a due date: the trace of two replicas completing the
 * same occurrence concurrently. Returned as groups of two or more for the screen to show. */
export function duplicateOccurrences(tasks: readonly Task[]): Task[][] {
	const groups = new Map<string, Task[]>();
	for (const t of tasks) {
		if (t.seriesId === null || t.status === 'done' || t.due === null) continue;
		const key = `${t.seriesId}\u0000${t.due}`;
		groups.set(key, [...(groups.get(key) ?? []), t]);
	}
	return [...groups.values()].filter((g) => g.length > 1);
}
