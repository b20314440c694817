// A bookkeeper posts a few entries, reads the profit & loss and the balance sheet, drills into a
// figure down to its entries, exports the report as CSV, prints it, and sees it follow a new post
// made in another tab.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { BASE, createWorkspace } from './helpers';

type Line = [account: string, debit: string, credit: string];

async function postEntry(page: Page, date: string, memo: string, lines: Line[]): Promise<void> {
	const form = page.getByRole('form', { name: 'Journal entry' });
	await form.getByLabel('Date', { exact: true }).fill(date);
	await form.getByLabel('Description').fill(memo);
	for (const [i, [account, debit, credit]] of lines.entries()) {
		await form.getByLabel(`Account, line ${i + 1}`).fill(account);
		if (debit) await form.getByLabel(`Debit, line ${i + 1}`).fill(debit);
		if (credit) await form.getByLabel(`Credit, line ${i + 1}`).fill(credit);
	}
	await form.getByRole('button', { name: 'Post entry' }).click();
	await expect(page.getByText(`${memo} on ${date}`)).toBeVisible();
}

const row = (page: Page, table: string, name: string | RegExp) =>
	page
		.getByRole('table', { name: table })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('profit & loss and balance sheet with drill-down, CSV, print, bookmarks and live updates', async ({
	page
}) => {
	const wsId = await createWorkspace(page, 'Ledgerly LLC', 'Robin');
	await page.goto(`${BASE}/w/${wsId}/books/journal`);
	await postEntry(page, '2026-03-01', 'Owner investment', [
		['Assets:Checking', '5000.00', ''],
		['Equity:Retained Earnings', '', '5000.00']
	]);
	await postEntry(page, '2026-03-05', 'Consulting for Acme', [
		['Assets:Checking', '1200.00', ''],
		['Income:Service Revenue', '', '1200.00']
	]);
	await postEntry(page, '2026-03-10', 'March rent', [
		['Expenses:Rent', '800.00', ''],
		['Assets:Checking', '', '800.00']
	]);
	await postEntry(page, '2026-04-02', 'Widget sale', [
		['Assets:Checking', '300.50', ''],
		['Income:Sales', '', '300.50']
	]);

	// Profit & loss for the year, from the Reports tab.
	await page.getByRole('navigation', { name: 'Books' }).getByRole('link', { name: 'Reports' }).click();
	await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Profit & loss' });
	await page.getByLabel('From').fill('2026-01-01');
	await page.getByLabel('To', { exact: true }).fill('2026-12-31');
	await expect(page).toHaveURL(/r=pl&from=2026-01-01&to=2026-12-31/);
	const pl = 'Profit and loss';
	await expect(row(page, pl, 'Service Revenue')).toContainText('1,200.00 USD');
	await expect(row(page, pl, 'Total income')).toContainText('1,500.50 USD');
	await expect(row(page, pl, 'Total expenses')).toContainText('800.00 USD');
	await expect(row(page, pl, 'Net income')).toContainText('700.50 USD');

	// Compare with the same period a year earlier: an empty prior column.
	await page.getByLabel('Compare to').selectOption({ label: 'Same period last year' });
	await expect(page.getByRole('columnheader', { name: '1 Jan 2025 – 31 Dec 2025' })).toBeVisible();
	await expect(row(page, pl, 'Net income').getByRole('button')).toHaveText(['700.50 USD', '—']);
	await page.getByLabel('Compare to').selectOption({ label: 'Nothing' });

	// Drill into total income: the two sales entries, summing to the figure.
	await row(page, pl, 'Total income').getByRole('button', { name: '1,500.50 USD' }).click();
	const drill = page.getByRole('region', { name: 'Entries behind the figure' });
	await expect(drill.getByTestId('drill-count')).toHaveText('2 entries');
	await expect(drill.getByTestId('drill-sum')).toHaveText('1,500.50 USD');
	const entries = drill.getByRole('table', { name: 'Drill-down entries' });
	await expect(entries.getByRole('link', { name: 'Consulting for Acme' })).toBeVisible();
	await expect(entries.getByRole('row').filter({ hasText: 'Widget sale' })).toContainText('Income:Sales');

	// CSV: exact amounts, one row per account line.
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('profit-loss_2026-01-01_2026-12-31.csv');
	const csv = readFileSync((await file.path()) as string, 'utf8');
	expect(csv).toContain('current,Income,Income:Service Revenue,1,USD,1200.00');
	expect(csv).toContain('current,Expenses,Expenses:Rent,1,USD,800.00');
	expect(csv).toContain('current,,Net income,,USD,700.50');

	// The description links to the entry in the journal.
	await entries.getByRole('link', { name: 'Consulting for Acme' }).click();
	await expect(page).toHaveURL(/\/books\/journal\?entry=/);
	await expect(page.getByRole('button', { name: 'Consulting for Acme', expanded: true })).toBeVisible();
	await page.goBack();
	await expect(row(page, pl, 'Net income')).toContainText('700.50 USD');

	// Balance sheet: the accounting equation holds, and a bookmark brings the same report back.
	await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Balance sheet' });
	await page.getByLabel('As of').fill('2026-12-31');
	await expect(page).toHaveURL(/r=bs&.*asof=2026-12-31/);
	const bs = 'Balance sheet';
	await expect(row(page, bs, 'Checking')).toContainText('5,700.50 USD');
	await expect(row(page, bs, 'Total assets')).toContainText('5,700.50 USD');
	await expect(row(page, bs, 'Retained Earnings')).toContainText('5,000.00 USD');
	await expect(row(page, bs, 'Current earnings (not yet closed)')).toContainText('700.50 USD');
	await expect(row(page, bs, 'Total liabilities and equity')).toContainText('5,700.50 USD');
	await expect(page.getByTestId('report-check')).toHaveText('Assets = Liabilities + Equity ✓');
	await page.reload();
	await expect(page.getByLabel('Report', { exact: true })).toHaveValue('bs');
	await expect(page.getByLabel('As of')).toHaveValue('2026-12-31');
	await expect(row(page, bs, 'Total assets')).toContainText('5,700.50 USD');

	// Drill into the bank balance: every line behind it, signed as the figure.
	await row(page, bs, 'Checking').getByRole('button').click();
	await expect(drill.getByTestId('drill-count')).toHaveText('4 entries');
	await expect(drill.getByTestId('drill-sum')).toHaveText('5,700.50 USD');
	await expect(entries.getByRole('row').filter({ hasText: 'March rent' })).toContainText('-800.00 USD');

	// Trial balance totals zero.
	await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Trial balance' });
	await expect(page.getByTestId('report-check')).toHaveText(
		'Debits = credits: the trial balance totals zero ✓'
	);
	await expect(page.getByTestId('tb-debits')).toHaveText('6,500.50 USD');
	await expect(page.getByTestId('tb-credits')).toHaveText('6,500.50 USD');

	// Print layout: no workspace navigation, tabs or controls; the organisation and title remain.
	await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Balance sheet' });
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Books' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
	await expect(page.getByText('Ledgerly LLC', { exact: true }).last()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Balance sheet' })).toBeVisible();
	await expect(page.getByTestId('report-dates')).toHaveText('as of 31 Dec 2026');
	await page.emulateMedia({ media: 'screen' });

	// A post made in another tab reaches this report without a reload.
	const other = await page.context().newPage();
	await other.goto(`${BASE}/w/${wsId}/books/journal`);
	await postEntry(other, '2026-05-01', 'Late invoice', [
		['Assets:Checking', '99.50', ''],
		['Income:Service Revenue', '', '99.50']
	]);
	await expect(row(page, bs, 'Total assets')).toContainText('5,800.00 USD', { timeout: 15_000 });
	await expect(row(page, bs, 'Current earnings (not yet closed)')).toContainText('800.00 USD');
	await expect(page.getByTestId('report-check')).toHaveText('Assets = Liabilities + Equity ✓');
	await other.close();
});

test('a nonprofit sees its statements first, with net assets and activities by fund', async ({ page }) => {
	await page.goto(`${BASE}/`);
	await page.getByLabel('Organisation name').fill('Harbour Trust');
	await page.getByLabel('Your name', { exact: true }).fill('Kim');
	await page.getByLabel('Chart of accounts').selectOption('nonprofit');
	await page.getByRole('button', { name: 'Create workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+\/tasks$/);
	const wsId = new URL(page.url()).pathname.split('/')[2] as string;
	await page.goto(`${BASE}/w/${wsId}/books/reports`);
	const picker = page.getByLabel('Report', { exact: true });
	await expect(picker).toHaveValue('sfp');
	await expect(picker.locator('option').first()).toHaveText('Statement of financial position');
	await expect(page.getByTestId('report-check')).toHaveText('Assets = Liabilities + Net assets ✓');
	await picker.selectOption({ label: 'Statement of activities' });
	await expect(page.getByRole('table', { name: 'Statement of activities' })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'With donor restrictions' })).toBeVisible();
});
