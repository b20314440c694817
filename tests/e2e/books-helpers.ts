// Steps the Books end-to-end tests share: posting an entry through the keyboard-first form, and
// reading an account's balance from the chart.
import { expect, type Page } from '@playwright/test';

export async function postEntry(
	page: Page,
	e: { date: string; memo: string; number?: string; lines: [string, string, string][] }
): Promise<void> {
	const form = page.getByRole('form', { name: 'Journal entry' });
	await form.getByLabel('Date').fill(e.date);
	if (e.number) await form.getByLabel('Number').fill(e.number);
	await form.getByLabel('Description').fill(e.memo);
	for (const [i, [account, debit, credit]] of e.lines.entries()) {
		const n = i + 1;
		if (n > 2) {
			// Enter on the last line adds the next one, prefilled with the balancing amount.
			await form.getByLabel(`Line memo, line ${n - 1}`).press('Enter');
		}
		await form.getByLabel(`Account, line ${n}`).fill(account);
		await form.getByLabel(`Debit, line ${n}`).fill(debit);
		await form.getByLabel(`Credit, line ${n}`).fill(credit);
	}
	await expect(form.getByTestId('entry-balance')).toHaveText('Balanced');
	await form.getByLabel('Account, line 1').press('Control+Enter');
	await expect(page.getByRole('status').filter({ hasText: `Posted` })).toContainText(e.memo);
}

export const balanceOf = (page: Page, fullName: string) =>
	page.locator(`tr[data-account="${fullName}"] td.num`);
