// The directory is derived as of a date: a person's card shows the employment in force then and a
// status (active, on leave, upcoming, left). Search folds case and accents; the org chart follows
// manager links, and a cycle is reported and broken at its smallest id, so nobody disappears.
import type { IsoDate } from '../core';
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
	const last = [...history].map((f) => f.effectiveDate).sort().at(-1);
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
			const away = leave.some((r) => r.personId === p.id && r.status === 'approved' && r.start <= asOf && asOf <= r.end);
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

export function searchPeople(cards: readonly PersonCard[], query: string, filters: PeopleFilters = {}): PersonCard[] {
	const tokens = foldText(query).split(/\s+/).filter(Boolean);
	const statuses = filters.status === undefined ? undefined : ([] as PersonStatus[]).concat(filters.status);
	return cards
		.filter((c) => filters.department === undefined || foldText(c.department) === foldText(filters.department))
		.filter((c) => filters.location === undefined || c.location === filters.location)
		.filter((c) => statuses === undefined || statuses.includes(c.status))
		.filter((c) => {
			const haystack = foldText([c.name, c.legalName, c.jobTitle, c.department].join(' '));
			return tokens.every((t) => haystack.includes(t));
		})
		.sort((a, b) => (foldText(a.name) < foldText(b.name) ? -1 : foldText(a.name) > foldText(b.name) ? 1 : 0));
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
		if (c.managerId !== null && !byId.has(c.managerId)) missingManagers.push({ personId: c.id, managerId: c.managerId });
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
