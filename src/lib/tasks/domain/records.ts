// The task and list records, each declared once as a valibot schema with its kind (version and
// numbered migrations): the check for a form, an import row or a peer's record. The schemas
// normalise what a merge can produce rather than reject it (text trimmed, labels deduplicated,
// repeated checklist items and links dropped, completedAt cleared unless done) and name every bad
// field; `validate.ts` turns their issues into the FieldErrors Tasks has always reported.
import { parseIsoDate, type IsoDate } from '../../shared/domain';
import { recordKind, v } from '../../shared/domain/schema';
import { sameType, versioned } from '../../shared/domain/record-version';
import { isIsoInstant, isRecord } from './fields';
import { isValidKey } from './ordering';
import {
	RECURRENCE_UNITS,
	TASK_STATUSES,
	type ChecklistItem,
	type RecordLink,
	type Recurrence,
	type Task,
	type TaskComment,
	type TaskList
} from './types';

export const LIMITS = {
	title: 500,
	description: 50_000,
	label: 50,
	labels: 20,
	checklist: 200,
	checklistText: 500,
	comments: 1000,
	commentText: 10_000,
	links: 100,
	listName: 200,
	interval: 366
} as const;

const show = (x: unknown) => String(JSON.stringify(x));

/** Trims, collapses inner whitespace, drops empties, and keeps the first spelling of each label
 * compared case-insensitively. */
export function normaliseLabels(labels: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of labels) {
		const label = raw.trim().replace(/\s+/g, ' ');
		const key = label.toLowerCase();
		if (label.length === 0 || seen.has(key)) continue;
		seen.add(key);
		out.push(label);
	}
	return out;
}

/**
 * A record with every field present (absent ones as undefined), so a missing field is judged by its
 * own schema ("title is required") rather than reported as a missing key.
 */
export function record<E extends v.ObjectEntries>(entries: E, notRecord: string) {
	const blank = Object.fromEntries(Object.keys(entries).map((k) => [k, undefined]));
	return v.pipe(
		v.custom<Record<string, unknown>>(isRecord, notRecord),
		v.transform((r) => ({ ...blank, ...r })),
		v.object(entries)
	);
}

/** Text trimmed; required means not empty once trimmed. */
export const requiredText = (max: number) =>
	v.pipe(
		v.string('is required'),
		v.trim(),
		v.minLength(1, 'is required'),
		v.maxLength(max, (i) => `is ${i.received} characters, at most ${max} allowed`)
	);
export const optionalText = (max: number) =>
	v.pipe(
		v.string('must be text'),
		v.trim(),
		v.maxLength(max, (i) => `is ${i.received} characters, at most ${max} allowed`)
	);

/** A non-empty id-like text or null; '', null and absence read as null. */
const optionalId = v.pipe(
	v.unknown(),
	v.check(
		(x) =>
			x === undefined ||
			x === null ||
			x === '' ||
			(typeof x === 'string' && x.trim().length > 0 && x.length <= 200),
		'must be an id of 1 to 200 characters or empty'
	),
	v.transform((x) => (typeof x === 'string' && x !== '' ? x.trim() : null))
);
const requiredId = v.pipe(optionalId, v.string('is required'));

/** A real calendar date or null; '', null and absence read as null. */
const optionalDate = v.pipe(
	v.unknown(),
	v.check(
		(x) => x === undefined || x === null || x === '' || (typeof x === 'string' && !!parseIsoDate(x)),
		(i) => `${show(i.input)} is not a real date (YYYY-MM-DD)`
	),
	v.transform((x): IsoDate | null => (typeof x === 'string' ? (parseIsoDate(x) ?? null) : null))
);

const instant = v.custom<string>(isIsoInstant, (i) => `${show(i.input)} is not an ISO instant in UTC`);
const orderKey = v.custom<string>(
	(x) => typeof x === 'string' && isValidKey(x),
	(i) => `${show(i.input)} is not an order key`
);

/** A list of at most `max` entries (the rest dropped), each read by `item`, then `tidy`. */
function list<S extends v.GenericSchema, T>(max: number, item: S, tidy: (items: v.InferOutput<S>[]) => T[]) {
	return v.pipe(
		v.optional(v.array(v.unknown(), 'must be a list'), []),
		v.rawTransform(({ dataset, addIssue }) => {
			const n = dataset.value.length;
			if (n > max) addIssue({ expected: 'too-many', message: `has ${n} entries, at most ${max} allowed` });
			return dataset.value.slice(0, max);
		}),
		v.array(item),
		v.transform(tidy)
	);
}

/** The first of each key: a merge can deliver the same item twice. */
const firstOf =
	<T>(key: (t: T) => string) =>
	(items: T[]): T[] => {
		const seen = new Set<string>();
		return items.filter((t) => !seen.has(key(t)) && !!seen.add(key(t)));
	};

const labels = v.pipe(
	v.optional(v.array(v.unknown(), 'must be a list'), []),
	v.rawTransform(({ dataset, addIssue }) => {
		const raw = dataset.value;
		if (raw.length > 1000)
			addIssue({ expected: 'too-many', message: `has ${raw.length} entries, at most 1000 allowed` });
		const at = (input: unknown[], key: number) =>
			({ type: 'array', origin: 'value', input, key, value: input[key] }) as const;
		const texts: string[] = [];
		raw.slice(0, 1000).forEach((l, i) => {
			if (typeof l === 'string') texts.push(l);
			else addIssue({ expected: 'invalid', message: 'must be text', path: [at(raw, i)] });
		});
		const out = normaliseLabels(texts);
		out.forEach((l, i) => {
			if (l.length > LIMITS.label)
				addIssue({
					expected: 'too-long',
					message: `is ${l.length} characters, at most ${LIMITS.label} allowed`,
					path: [at(out, i)]
				});
		});
		if (out.length > LIMITS.labels)
			addIssue({
				expected: 'too-many',
				message: `has ${out.length} labels, at most ${LIMITS.labels} allowed`
			});
		return out;
	})
);

/** A recurrence rule or none: what a task's `recurrence` field holds. */
export const recurrenceSchema = v.pipe(
	v.unknown(),
	v.transform((x) => (x === undefined ? null : x)),
	v.nullable(
		record(
			{
				every: v.picklist(RECURRENCE_UNITS, `must be one of ${RECURRENCE_UNITS.join(', ')}`),
				interval: v.pipe(
					v.number(`must be a whole number from 1 to ${LIMITS.interval}`),
					v.integer(`must be a whole number from 1 to ${LIMITS.interval}`),
					v.minValue(1, `must be a whole number from 1 to ${LIMITS.interval}`),
					v.maxValue(LIMITS.interval, `must be a whole number from 1 to ${LIMITS.interval}`)
				),
				anchor: optionalDate
			},
			'must be a rule or empty'
		)
	),
	v.transform((r): Recurrence => {
		if (r === null) return null;
		const { every, interval, anchor } = r;
		return anchor === null ? { every, interval } : { every, interval, anchor };
	})
);

const checklistItem = v.pipe(
	record(
		{
			id: requiredId,
			text: requiredText(LIMITS.checklistText),
			done: v.boolean('must be true or false'),
			order: orderKey
		},
		'must be a checklist item'
	),
	v.transform((c): ChecklistItem => ({ id: c.id, text: c.text, done: c.done, order: c.order }))
);

/** A comment: an immutable fact on a task. */
export const commentSchema = v.pipe(
	record(
		{ id: requiredId, author: requiredText(200), at: instant, text: requiredText(LIMITS.commentText) },
		'must be a comment'
	),
	v.transform((c): TaskComment => ({ id: c.id, author: c.author, at: c.at, text: c.text }))
);

/** A link from a task to another record. */
export const linkSchema = v.pipe(
	record(
		{ kind: requiredText(50), id: requiredText(200), label: v.optional(optionalText(200)) },
		'must be a link to a record'
	),
	v.transform(({ kind, id, label }): RecordLink => (label ? { kind, id, label } : { kind, id }))
);

const taskSchema = v.pipe(
	record(
		{
			schemaVersion: v.literal(1, (i) => `${String(i.input)} is not a task schema this app knows (1)`),
			id: requiredText(200),
			listId: requiredText(200),
			title: requiredText(LIMITS.title),
			description: v.optional(optionalText(LIMITS.description), ''),
			assignee: optionalId,
			due: optionalDate,
			priority: v.optional(
				v.picklist(
					[0, 1, 2, 3],
					(i) => `${show(i.input)} is not a priority (0 none, 1 low, 2 medium, 3 high)`
				),
				0
			),
			status: v.optional(
				v.picklist(TASK_STATUSES, (i) => `${show(i.input)} is not one of ${TASK_STATUSES.join(', ')}`),
				'todo'
			),
			labels,
			order: orderKey,
			recurrence: recurrenceSchema,
			checklist: list(
				LIMITS.checklist,
				checklistItem,
				firstOf((c) => c.id)
			),
			comments: list(
				LIMITS.comments,
				commentSchema,
				firstOf((c) => c.id)
			),
			links: list(
				LIMITS.links,
				linkSchema,
				firstOf((l) => `${l.kind}\u0000${l.id}`)
			),
			createdAt: instant,
			createdBy: requiredText(200),
			completedAt: v.pipe(
				v.unknown(),
				v.transform((x) => x ?? null),
				v.nullable(instant)
			),
			seriesId: optionalId
		},
		'must be a record'
	),
	v.transform((t): Task => ({
		schemaVersion: t.schemaVersion,
		id: t.id,
		listId: t.listId,
		title: t.title,
		description: t.description,
		assignee: t.assignee,
		due: t.due,
		priority: t.priority,
		status: t.status,
		labels: t.labels,
		order: t.order,
		recurrence: t.recurrence,
		checklist: t.checklist,
		comments: t.comments,
		links: t.links,
		createdAt: t.createdAt,
		createdBy: t.createdBy,
		completedAt: t.status === 'done' ? t.completedAt : null,
		seriesId: t.seriesId
	}))
);
sameType<v.InferOutput<typeof taskSchema>, Task>(true);
export const taskKind = versioned(recordKind({ name: 'task', schema: taskSchema }), 1);

const listSchema = v.pipe(
	record(
		{
			schemaVersion: v.literal(1, (i) => `${String(i.input)} is not a list schema this app knows (1)`),
			id: requiredText(200),
			name: requiredText(LIMITS.listName),
			order: orderKey,
			archived: v.pipe(
				v.unknown(),
				v.transform((x) => x ?? false),
				v.boolean('must be true or false')
			)
		},
		'must be a record'
	),
	v.transform((l): TaskList => ({
		schemaVersion: l.schemaVersion,
		id: l.id,
		name: l.name,
		order: l.order,
		archived: l.archived
	}))
);
sameType<v.InferOutput<typeof listSchema>, TaskList>(true);
export const listKind = versioned(recordKind({ name: 'task list', schema: listSchema }), 1);
