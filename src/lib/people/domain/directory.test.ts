import { describe, expect, it } from 'vitest';
import {
	directoryCards,
	foldText,
	indexPeople,
	orgChart,
	searchIndex,
	searchPeople,
	type PersonCard
} from './directory';
import type { Employment } from './employment';
import type { History } from './history';
import { d, employee, employment, fact } from './test-fixtures';

function hist(id: string, over: Partial<Employment>): History<Employment> {
	return [
		fact<Employment>(
			`${id}-h`,
			over.startDate ?? '2024-01-01',
			'2024-01-01T00:00:00Z',
			employment({ startDate: d('2024-01-01'), ...over })
		)
	];
}

const people = [
	employee({ id: 'ceo', legalName: { given: 'Ada', family: 'Lovelace' }, preferredName: undefined }),
	employee({ id: 'zoe', legalName: { given: 'Zoë', family: 'Ångström' }, preferredName: 'Zo' }),
	employee({ id: 'raf', legalName: { given: 'Rafael', family: 'Núñez' }, preferredName: undefined }),
	employee({ id: 'old', legalName: { given: 'Olga', family: 'Left' }, preferredName: undefined }),
	employee({ id: 'new', legalName: { given: 'Nia', family: 'Soon' }, preferredName: undefined })
];
const employmentById = {
	ceo: hist('ceo', { jobTitle: 'Chief Executive', department: 'Leadership' }),
	zoe: hist('zoe', { jobTitle: 'Engineering Manager', managerId: 'ceo' }),
	raf: hist('raf', { jobTitle: 'Software Engineer', managerId: 'zoe', location: 'nyc' }),
	old: hist('old', {
		jobTitle: 'Analyst',
		department: 'Finance',
		managerId: 'ceo',
		endDate: d('2024-12-31'),
		endReason: 'resignation'
	}),
	new: hist('new', {
		jobTitle: 'Designer',
		department: 'Design',
		managerId: 'zoe',
		startDate: d('2025-09-01')
	})
};
const leave = [
	{
		kind: 'request' as const,
		id: 'l',
		policyId: 'annual',
		personId: 'raf',
		start: d('2025-06-02'),
		end: d('2025-06-06'),
		portion: { kind: 'fullDays' as const },
		status: 'approved' as const,
		requestedAt: '2025-01-01T00:00:00Z'
	}
];
const cards = directoryCards({ people, employment: employmentById, leave, asOf: d('2025-06-03') });

describe('directory cards', () => {
	it('derives status as of the date', () => {
		expect(Object.fromEntries(cards.map((c) => [c.id, c.status]))).toEqual({
			ceo: 'active',
			zoe: 'active',
			raf: 'on-leave',
			old: 'left',
			new: 'upcoming'
		});
	});
});

describe('searchPeople', () => {
	it('ignores case and accents', () => {
		expect(foldText('Zoë ÅNGSTRÖM')).toBe('zoe angstrom');
		expect(searchPeople(cards, 'angstrom').map((c) => c.id)).toEqual(['zoe']);
		expect(searchPeople(cards, 'NUNEZ').map((c) => c.id)).toEqual(['raf']);
		expect(searchPeople(cards, 'zoë').map((c) => c.id)).toEqual(['zoe']);
	});
	it('matches title and department, every word', () => {
		expect(searchPeople(cards, 'engineer').map((c) => c.id)).toEqual(['raf', 'zoe']);
		expect(searchPeople(cards, 'engineering manager').map((c) => c.id)).toEqual(['zoe']);
		expect(searchPeople(cards, 'finance').map((c) => c.id)).toEqual(['old']);
	});
	it('filters by department, status and location', () => {
		expect(searchPeople(cards, '', { department: 'engineering' }).map((c) => c.id)).toEqual(['raf', 'zoe']);
		expect(searchPeople(cards, '', { status: 'left' }).map((c) => c.id)).toEqual(['old']);
		expect(searchPeople(cards, '', { status: ['active', 'on-leave'] }).map((c) => c.id)).toEqual([
			'ceo',
			'raf',
			'zoe'
		]);
		expect(searchPeople(cards, '', { location: 'nyc' }).map((c) => c.id)).toEqual(['raf']);
	});
});

describe('orgChart', () => {
	it('builds the tree from manager links, without leavers', () => {
		const chart = orgChart(cards);
		expect(chart.cycles).toEqual([]);
		expect(chart.roots.map((r) => r.id)).toEqual(['ceo']);
		const zoe = chart.roots[0]?.reports.find((r) => r.id === 'zoe');
		expect(zoe?.reports.map((r) => r.id).sort()).toEqual(['new', 'raf']);
	});
	it('detects a cycle, breaks it at the smallest id and keeps everyone', () => {
		const looped: PersonCard[] = cards.map((c) => (c.id === 'ceo' ? { ...c, managerId: 'raf' } : c));
		const chart = orgChart(looped);
		expect(chart.cycles).toEqual([['ceo', 'raf', 'zoe']]);
		const count = (nodes: { reports: unknown[] }[]): number =>
			nodes.reduce((s, n) => s + 1 + count(n.reports as { reports: unknown[] }[]), 0);
		expect(count(chart.roots)).toBe(4);
		expect(chart.roots.map((r) => r.id)).toEqual(['ceo']);
	});
	it('reports a self-managed person and an unknown manager', () => {
		const odd: PersonCard[] = cards.map((c) =>
			c.id === 'ceo' ? { ...c, managerId: 'ceo' } : c.id === 'raf' ? { ...c, managerId: 'ghost' } : c
		);
		const chart = orgChart(odd);
		expect(chart.cycles).toEqual([['ceo']]);
		expect(chart.missingManagers).toEqual([{ personId: 'raf', managerId: 'ghost' }]);
		expect(chart.roots.map((r) => r.id).sort()).toEqual(['ceo', 'raf']);
	});
});

describe('indexPeople / searchIndex', () => {
	it('answers like searchPeople from an index built once, in name order with ties by id', () => {
		const cards: PersonCard[] = ['Zoë Ångström', 'Ada Byron', 'ada byron', 'Émile Zola'].map((name, i) => ({
			id: `p${3 - i}`,
			name,
			legalName: name,
			jobTitle: i % 2 ? 'Finance lead' : 'Engineer',
			department: i % 2 ? 'Finance' : 'Engineering',
			location: 'london',
			managerId: null,
			status: 'active'
		}));
		const index = indexPeople(cards);
		for (const q of ['', 'ada', 'emile', 'finance lead', 'zz'])
			expect(searchIndex(index, q)).toEqual(searchPeople(cards, q));
		expect(searchIndex(index, '').map((c) => c.id)).toEqual(['p1', 'p2', 'p0', 'p3']);
		expect(searchIndex(index, '', { department: 'FINANCE' }).map((c) => c.id)).toEqual(['p2', 'p0']);
	});
});
