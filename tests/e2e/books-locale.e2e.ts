// The workspace's number format (Settings) decides how every amount reads: the same Books balance is
// "1,234.56 USD" in the default en-US and "1.234,56 USD" once the workspace switches to German.
import { expect, test } from './test';
import { createWorkspace } from './helpers';
import { balanceOf, postEntry } from './books-helpers';

test('switching the number format to de-DE rewrites Books amounts', async ({ page }) => {
	const wsId = await createWorkspace(page, 'Bäckerei Weber', 'Alex');
	await page.goto(`/w/${wsId}/books/journal`);
	await postEntry(page, {
		date: '2026-01-31',
		memo: 'January rent',
		lines: [
			['Expenses:Rent', '1234.56', ''],
			['Assets:Checking', '', '1234.56']
		]
	});
	await page.goto(`/w/${wsId}/books`);
	await expect(balanceOf(page, 'Expenses:Rent')).toHaveText('1,234.56 USD');

	await page.goto(`/w/${wsId}/settings`);
	const format = page.getByLabel('Number format');
	await expect(format).toHaveValue('en-US');
	await format.selectOption('de-DE');
	await expect(page.getByText('For example 1.234,56 USD')).toBeVisible();

	await page.goto(`/w/${wsId}/books`);
	await expect(balanceOf(page, 'Expenses:Rent')).toHaveText('1.234,56 USD');
	await expect(balanceOf(page, 'Assets:Checking')).toHaveText('-1.234,56 USD');
});
