// A bookkeeper sets up the books from a chart template, posts and reverses entries, watches the
// balances move, locks a period, and takes the books out to a journal file and back in.
import { readFileSync } from 'node:fs';
import { expect, test } from './test';
import { createWorkspace } from './helpers';
import { balanceOf, postEntry } from './books-helpers';

test('chart from a template, entries, reversal, lock date, journal export and import', async ({ page }) => {
	const wsId = await createWorkspace(page, 'Corner Bakery LLC', 'Alex');
	const base = `/w/${wsId}/books`;

	// The US chart was picked at creation (country United States).
	await page.goto(base);
	await expect(page.getByRole('table', { name: 'Chart of accounts' })).toBeVisible();
	await expect(page.locator('tr[data-account="Assets:Checking"]')).toBeVisible();
	await expect(page.locator('tr[data-account="Expenses:Rent"]')).toBeVisible();

	// Create an account under Expenses.
	await page.getByRole('button', { name: 'New account' }).click();
	const newAccount = page.getByRole('form', { name: 'New account' });
	await newAccount.getByLabel('Account name').fill('Flour');
	await newAccount.getByLabel('Code').fill('5110');
	await newAccount.getByLabel('Type', { exact: true }).selectOption('expense');
	await newAccount.getByLabel('Parent account').selectOption({ label: 'Expenses' });
	await newAccount.getByRole('button', { name: 'Create account' }).click();
	await expect(page.locator('tr[data-account="Expenses:Flour"]')).toBeVisible();

	// Post entries with the keyboard-first form.
	await page.getByRole('link', { name: 'Journal' }).click();
	const form = page.getByRole('form', { name: 'Journal entry' });
	// The live balance tells the bookkeeper how far off the entry is.
	await form.getByLabel('Account, line 1').fill('Expenses:Rent');
	await form.getByLabel('Debit, line 1').fill('1,500.00');
	await expect(form.getByTestId('entry-balance')).toHaveText('Out of balance by 1,500.00 USD');
	await form.getByRole('button', { name: 'Clear' }).click();

	await postEntry(page, {
		date: '2026-01-05',
		memo: 'Owner investment',
		lines: [
			['1010', '20000', ''],
			['Equity', '', '20000']
		]
	});
	await postEntry(page, {
		date: '2026-01-31',
		number: '1001',
		memo: 'January rent',
		lines: [
			['6200 · Expenses:Rent', '1500.00', ''],
			['Assets:Checking', '', '1500.00']
		]
	});
	await postEntry(page, {
		date: '2026-02-03',
		memo: 'Flour and sugar',
		lines: [
			['Expenses:Flour', '420.10', ''],
			['Expenses:Office Supplies', '79.90', ''],
			['Assets:Checking', '', '500.00']
		]
	});
	await expect(page.getByRole('table', { name: 'Posted entries' }).locator('tr.entry')).toHaveCount(3);

	// Balances in the chart follow, and roll up to parents.
	await page.getByRole('link', { name: 'Accounts' }).click();
	await expect(balanceOf(page, 'Assets:Checking')).toHaveText('18,000.00 USD');
	await expect(balanceOf(page, 'Expenses')).toHaveText('2,000.00 USD');

	// The register shows the running balance.
	await page.locator('tr[data-account="Assets:Checking"]').getByRole('link', { name: 'Checking' }).click();
	const register = page.getByRole('table', { name: 'Account register' });
	await expect(register.locator('tbody tr')).toHaveCount(3);
	await expect(register.locator('tbody tr').nth(1)).toContainText('18,500.00 USD');
	await expect(page.getByTestId('register-closing')).toHaveText('18,000.00 USD');

	// Reverse the rent: one action, and both entries stay.
	await register.getByRole('link', { name: 'January rent' }).click();
	const detail = page.getByTestId('entry-detail');
	await expect(detail).toContainText('Expenses:Rent');
	await detail.getByLabel('Reversal date').fill('2026-02-01');
	await detail.getByRole('button', { name: 'Reverse entry' }).click();
	await expect(detail.getByText('Reversed by this entry.')).toBeVisible();
	await expect(page.getByRole('table', { name: 'Posted entries' }).locator('tr.entry')).toHaveCount(4);
	await page.getByRole('link', { name: 'Accounts' }).click();
	await expect(balanceOf(page, 'Assets:Checking')).toHaveText('19,500.00 USD');
	await expect(balanceOf(page, 'Expenses:Rent')).toHaveText('—');

	// Lock January: a new January entry is refused with the reason.
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByLabel('Lock date').fill('2026-01-31');
	await page.getByRole('button', { name: 'Save lock date' }).click();
	await expect(page.getByTestId('lock-date')).toHaveText('locked through 2026-01-31');
	await page.goto(`${base}/journal`);
	await form.getByLabel('Date').fill('2026-01-20');
	await form.getByLabel('Description').fill('Late January bill');
	await form.getByLabel('Account, line 1').fill('Expenses:Rent');
	await form.getByLabel('Debit, line 1').fill('10');
	await form.getByLabel('Account, line 2').fill('Assets:Checking');
	await form.getByLabel('Credit, line 2').fill('10');
	await form.getByRole('button', { name: 'Post entry' }).click();
	await expect(form.getByRole('alert')).toContainText('2026-01-31');
	await expect(page.getByRole('table', { name: 'Posted entries' }).locator('tr.entry')).toHaveCount(4);

	// Export the journal, then import a file with a mistake (nothing is written) and a good one.
	await page.getByRole('link', { name: 'Import & export' }).click();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export journal' }).click();
	const exported = readFileSync((await (await downloading).path()) as string, 'utf8');
	expect(exported).toContain('account Expenses:Flour');
	expect(exported).toMatch(/2026-01-31 \(1001\) January rent/);
	expect(exported).toContain('Expenses:Flour');

	const fileInput = page.getByLabel('Journal file');
	await fileInput.setInputFiles({
		name: 'broken.journal',
		mimeType: 'text/plain',
		buffer: Buffer.from(
			'2026-02-10 Coffee\n    Expenses:Office Supplies    $4.50\n    Assets:Checking    $-4.00\n'
		)
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-result')).toContainText('broken.journal:1');
	await expect(page.getByTestId('import-result')).toContainText('Nothing was imported');

	await fileInput.setInputFiles({
		name: 'february.journal',
		mimeType: 'text/plain',
		buffer: Buffer.from(
			'2026-02-14 * Valentine cake order\n    Assets:Checking    $350.00\n    Income:Sales\n\n' +
				'2026-02-15 Market stall fee\n    Expenses:Market Fees    $25\n    Assets:Checking\n'
		)
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-result')).toContainText('2 entries, 1 new accounts');

	// Re-importing our own export changes nothing.
	await fileInput.setInputFiles({
		name: 'export.journal',
		mimeType: 'text/plain',
		buffer: Buffer.from(exported)
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-result')).toContainText('0 entries, 0 new accounts');
	await expect(page.getByTestId('import-result')).toContainText('4 entries were already in the books');

	await page.getByRole('link', { name: 'Accounts' }).click();
	await expect(balanceOf(page, 'Assets:Checking')).toHaveText('19,825.00 USD');
	await expect(page.locator('tr[data-account="Expenses:Market Fees"]')).toBeVisible();

	// Everything survives a reload (IndexedDB), and nothing needs review.
	await page.reload();
	await expect(balanceOf(page, 'Assets:Checking')).toHaveText('19,825.00 USD');
	await page.getByRole('link', { name: 'Needs review' }).click();
	await expect(page.getByTestId('review-empty')).toBeVisible();

	// The dashboard shows the money in the bank.
	await page.getByRole('link', { name: 'Dashboard' }).click();
	await expect(page.getByTestId('stat-cash')).toHaveText('19,825.00 USD');
});
