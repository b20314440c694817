import { describe, expect, it } from 'vitest';
import { BooksReplica } from '$lib/books/sync/replica';
import { BooksState } from '../../books/state/books.svelte';
import { seedDemoBooks } from './demo';
import { trialBalance } from '$lib/books/domain';

describe('demo books', () => {
	it('posts three months of a charity’s books through the ordinary verbs, and they balance', () => {
		const replica = BooksReplica.inMemory();
		expect(replica.applyChartTemplate('nonprofit').ok).toBe(true);
		const books = new BooksState('ws');
		books.attach(replica);
		seedDemoBooks(books, '2026-11-23' as never, 'USD');
		const entries = replica.entries();
		expect(entries.length).toBe(14);
		expect(entries.map((e) => e.date)).toContain('2026-10-10');
		expect(trialBalance({ entries, accounts: replica.accounts() }).totals).toEqual({});
		books.destroy();
	});
});
