// Issue 13's forged edit of a posted entry, in two separate Chromium instances: a Books teammate with
// an edited copy of Keel writes over a posted entry (ten times the amount) and deletes another, straight
// into the shard. The owner's books keep both entries exactly as posted, and Needs review names the attempt.
import { expect, test } from './test';
import { browserPool, createWorkspace, invite, join, startSignaling, waitForPeer } from './helpers';
import { balanceOf, postEntry } from './books-helpers';

test('a posted entry written over or deleted by a teammate still counts as posted, and is flagged', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const alice = await pool.newPage();
		const wsId = await createWorkspace(alice, 'Forgery Test Ltd', 'Alice');
		const link = await invite(alice, wsId, signaling.url, 'Books (and Tasks)');
		await alice.goto(`/w/${wsId}/books/journal`);
		await postEntry(alice, {
			date: '2026-01-02',
			memo: 'Capital paid in',
			lines: [
				['Assets:Checking', '5000', ''],
				['Equity', '', '5000']
			]
		});
		await postEntry(alice, {
			date: '2026-01-05',
			memo: 'Office rent',
			lines: [
				['Expenses:Rent', '1200', ''],
				['Assets:Checking', '', '1200']
			]
		});

		const mallory = await pool.newPage();
		await mallory.addInitScript(() => localStorage.setItem('keel-debug', '1'));
		await join(mallory, link, 'Mallory');
		await waitForPeer(mallory);
		await mallory.goto(`/w/${wsId}/books`);
		await expect(balanceOf(mallory, 'Assets:Checking')).toHaveText('3,800.00 USD', { timeout: 30_000 });

		// Mallory's edited copy writes straight into her replica of the books shard.
		const forged = await mallory.evaluate(() => {
			type YMap = {
				get: (k: string) => unknown;
				set: (k: string, v: unknown) => void;
				delete: (k: string) => void;
				forEach: (f: (v: unknown, k: string) => void) => void;
			};
			const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
			const doc = keel.debug.shardDoc('books') as { getMap: (n: string) => YMap };
			const entries = doc.getMap('entries');
			let capital = '';
			let rent = '';
			entries.forEach((v, k) => {
				const memo = (v as { memo?: string }).memo;
				if (memo === 'Capital paid in') capital = k;
				if (memo === 'Office rent') rent = k;
			});
			const e = entries.get(rent) as { lines: { amount: string }[] };
			entries.set(rent, {
				...e,
				memo: 'Office rent',
				lines: e.lines.map((l) => ({ ...l, amount: l.amount.startsWith('-') ? '-12000' : '12000' }))
			});
			entries.delete(capital);
			return Boolean(capital && rent);
		});
		expect(forged).toBe(true);

		// Alice's books: both entries count as posted; the attempts are listed for review.
		await alice.goto(`/w/${wsId}/books/review`);
		const rewritten = alice.getByTestId('rewritten');
		await expect(rewritten).toHaveCount(2, { timeout: 30_000 });
		await expect(rewritten.filter({ hasText: 'Office rent' })).toContainText(
			'Written over with different figures after it was posted. Not applied.'
		);
		await expect(rewritten.filter({ hasText: 'Capital paid in' })).toContainText(
			'Removed after it was posted. Not applied: it still counts.'
		);
		await alice.goto(`/w/${wsId}/books`);
		await expect(balanceOf(alice, 'Assets:Checking')).toHaveText('3,800.00 USD');
		await expect(balanceOf(alice, 'Expenses:Rent')).toHaveText('1,200.00 USD');
		// After a reload (the shard read back from IndexedDB), still so.
		await alice.reload();
		await expect(balanceOf(alice, 'Assets:Checking')).toHaveText('3,800.00 USD');
		// Mallory's own copy reads the same: her edit did not even apply for her.
		await mallory.reload();
		await expect(balanceOf(mallory, 'Expenses:Rent')).toHaveText('1,200.00 USD');
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
