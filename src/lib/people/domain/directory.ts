// The directory is derived as of a date: a person's card shows the employment in force then and a
// status (active, on leave, upcoming, left). Search folds case and accents; the org chart follows
// manager links, and a cycle is reported and broken at its smallest id, so nobody disappears.
import type { IsoDate } from '../../shared/domain';
import { displayName, type Employee, type EmployeeId } from './employee-types';
import { employmentAsOf, type Employment } from './employment';
import type { History } from './history';
import type { LeaveRequest } from './leave';

export type PersonStatus = 'active' | 'on-leave' | 'upcoming' | 'left';

export interface PersonCard {
	readonly id: EmployeeId;
	readonly name: string;
	readonly legalName: string;
	readonly jobTitle: string;
	readonly department: string;
	readonly location: string;
	readonly managerId: EmployeeId | null;
	readonly status: PersonStatus;
}

function latestState(history: History<Employment>): Employment | undefined {
	const last = [...history]
		.map((f) => f.effectiveDate)
		.sort()
		.at(-1);
	return last === undefined ? undefined : employmentAsOf(history, last);
}

export function directoryCards({
	people,
	employment,
	leave = [],
	asOf
}: {
	people: readonly Employee[];
	employment: Readonly<Record<EmployeeId, History<Employment>>>;
	leave?: readonly LeaveRequest[];
	asOf: IsoDate;
}): PersonCard[] {
	return people
		.filter((p) => p.erasedAt === undefined)
		.map((p) => {
			const history = employment[p.id] ?? [];
			const now = employmentAsOf(history, asOf);
			const latest = latestState(history);
			const shown = now ?? latest;
			const away = leave.some(
				(r) => r.personId === p.id && r.status === 'approved' && r.start <= asOf && asOf <= r.end
			);
			const status: PersonStatus =
				!shown || (latest?.endDate != null && latest.endDate < asOf)
					? 'left'
					: latest && latest.startDate > asOf
						? 'upcoming'
						: away
							? 'on-leave'
							: 'active';
			return {
				id: p.id,
				name: displayName(p),
				legalName: `${p.legalName.given} ${p.legalName.family}`.trim(),
				jobTitle: shown?.jobTitle ?? '',
				department: shown?.department ?? '',
				location: shown?.location ?? '',
				managerId: shown?.managerId ?? null,
				status
			};
		});
}

/** Lower case without diacritics: "Zoë Ångström" → "zoe angstrom". */
export function foldText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface PeopleFilters {
	readonly department?: string;
	readonly status?: PersonStatus | readonly PersonStatus[];
	readonly location?: string;
}

/**
 * Cards with their search text and sort key folded once, in name order: a directory of thousands
 * answers each keystroke by filtering this, with no folding or sorting per search.
 */
export interface PeopleIndex {
	readonly entries: readonly {
		readonly card: PersonCard;
		readonly haystack: string;
		readonly department: string;
	}[];
}

export function indexPeople(cards: readonly PersonCard[]): PeopleIndex {
	const entries = cards.map((card) => ({
		card,
		key: foldText(card.name),
		haystack: foldText([card.name, card.legalName, card.jobTitle, card.department].join(' ')),
		department: foldText(card.department)
	}));
	entries.sort((a, b) =>
		a.key < b.key ? -1 : a.key > b.key ? 1 : a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0
	);
	return { entries };
}

/** Searches a prepared index: every token must appear in name, legal name, title or department. */
export function searchIndex(index: PeopleIndex, query: string, filters: PeopleFilters = {}): PersonCard[] {
	const tokens = foldText(query).split(/\s+/).filter(Boolean);
	const statuses = filters.status === undefined ? undefined : ([] as PersonStatus[]).concat(filters.status);
	const department = filters.department === undefined ? undefined : foldText(filters.department);
	const out: PersonCard[] = [];
	for (const e of index.entries) {
		if (department !== undefined && e.department !== department) continue;
		if (filters.location !== undefined && e.card.location !== filters.location) continue;
		if (statuses !== undefined && !statuses.includes(e.card.status)) continue;
		if (tokens.every((t) => e.haystack.includes(t))) out.push(e.card);
	}
	return out;
}

export function searchPeople(
	cards: readonly PersonCard[],
	query: string,
	filters: PeopleFilters = {}
): PersonCard[] {
	return searchIndex(indexPeople(cards), query, filters);
}

export interface OrgNode {
	readonly id: EmployeeId;
	readonly name: string;
	readonly jobTitle: string;
	readonly reports: OrgNode[];
}

export interface OrgChart {
	readonly roots: OrgNode[];
	/** Each cycle of manager links, smallest id first; broken there to build the tree. */
	readonly cycles: EmployeeId[][];
	/** People whose manager is not in the chart (unknown id or no longer employed); shown as roots. */
	readonly missingManagers: { readonly personId: EmployeeId; readonly managerId: EmployeeId }[];
}

/** Builds the tree from manager links among people who have not left. */
export function orgChart(cards: readonly PersonCard[]): OrgChart {
	const inChart = cards.filter((c) => c.status !== 'left');
	const byId = new Map(inChart.map((c) => [c.id, c]));
	const missingManagers: OrgChart['missingManagers'][number][] = [];
	const parent = new Map<EmployeeId, EmployeeId | null>();
	for (const c of inChart) {
		if (c.managerId !== null && !byId.has(c.managerId))
			missingManagers.push({ personId: c.id, managerId: c.managerId });
		parent.set(c.id, c.managerId !== null && byId.has(c.managerId) ? c.managerId : null);
	}
	const cycles: EmployeeId[][] = [];
	const state = new Map<EmployeeId, 'visiting' | 'done'>();
	for (const start of [...byId.keys()].sort()) {
		const path: EmployeeId[] = [];
		let at: EmployeeId | null = start;
		while (at !== null && state.get(at) === undefined) {
			state.set(at, 'visiting');
			path.push(at);
			at = parent.get(at) ?? null;
		}
		if (at !== null && state.get(at) === 'visiting') {
			const cycle = path.slice(path.indexOf(at));
			const smallest = [...cycle].sort()[0] as EmployeeId;
			const from = cycle.indexOf(smallest);
			cycles.push([...cycle.slice(from), ...cycle.slice(0, from)]);
			parent.set(smallest, null);
		}
		for (const id of path) state.set(id, 'done');
	}
	const nodes = new Map<EmployeeId, OrgNode>(
		inChart.map((c) => [c.id, { id: c.id, name: c.name, jobTitle: c.jobTitle, reports: [] }])
	);
	const roots: OrgNode[] = [];
	for (const c of [...inChart].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		const node = nodes.get(c.id) as OrgNode;
		const p = parent.get(c.id) ?? null;
		if (p === null) roots.push(node);
		else nodes.get(p)?.reports.push(node);
	}
	return { roots, cycles, missingManagers };
}
