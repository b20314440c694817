// A nonprofit's bookkeeper writes bank rules (with a fund and a class), imports a statement, sees the rule's
// proposal with its dimensions, creates the entry from it and finds it in Books with the dimensions; the
// Rules screen counts the lines each rule would take, reorders and disables rules. A CSV holding two
// accounts is imported into two bank accounts, one linked by name and one by hand.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { BASE, createWorkspace } from './helpers';

const fixture = (name: string) => ({
	name,
	mimeType: 'application/octet-stream',
	buffer: readFileSync(`tests/e2e/fixtures/${name}`)
});

async function newBankAccount(
	page: Page,
	name: string,
	ledger: string | null,
	identifier = ''
): Promise<void> {
	await page.getByRole('button', { name: 'New bank account' }).click();
	const form = page.getByRole('form', { name: 'New bank account' });
	await form.getByLabel('Bank account name').fill(name);
	await form.getByLabel('IBAN or account number').fill(identifier);
	if (ledger) await form.getByLabel('Ledger account', { exact: true }).selectOption({ label: ledger });
	await form.getByRole('button', { name: 'Create bank account' }).click();
	await expect(page.getByRole('status')).toContainText(`Created ${name}`);
}

const accountCard = (page: Page, name: string) => page.getByRole('region', { name: `Bank account ${name}` });

async function importFile(page: Page, account: string, file: ReturnType<typeof fixture>): Promise<void> {
	const card = accountCard(page, account);
	const toggle = card.getByRole('button', { name: 'Import a statement' });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await card.getByLabel(/Statement file/).setInputFiles(file);
}

test('rules: create, count, reorder, disable; a rule proposal with fund and class becomes an entry in Books', async ({
	page
}) => {
	await page.goto(`${BASE}/`);
	await page.getByLabel('Organisation name').fill('Harbour Trust');
	await page.getByLabel('Your name', { exact: true }).fill('Kim');
	await page.getByLabel('Chart of accounts').selectOption('nonprofit');
	await page.getByRole('button', { name: 'Create workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+\/tasks$/);
	const wsId = new URL(page.url()).pathname.split('/')[2] as string;

	await page.goto(`${BASE}/w/${wsId}/banking`);
	await newBankAccount(page, 'Operating', 'Assets:Operating Bank');

	// Two rules on the Rules screen.
	await page.getByRole('navigation', { name: 'Banking' }).getByRole('link', { name: 'Rules' }).click();
	await expect(page.getByText('No rules yet.')).toBeVisible();
	await page.getByRole('button', { name: 'New rule' }).click();
	let form = page.getByRole('form', { name: 'New rule' });
	await form.getByLabel('Rule name').fill('Bank fees');
	await form.getByLabel('Payee text').fill('check fee');
	await form.getByLabel('Money in or out').selectOption('out');
	await form.getByLabel('Rule account').selectOption({ label: 'Expenses:Professional Fees' });
	await form.getByLabel('Description template').fill('Bank fee: {payee}');
	await form.getByLabel('Fund').selectOption('restricted');
	await form.getByLabel('Class').selectOption('management-general');
	await form.getByRole('button', { name: 'Add rule' }).click();
	await expect(page.getByRole('status')).toHaveText('Added rule "Bank fees".');

	await page.getByRole('button', { name: 'New rule' }).click();
	form = page.getByRole('form', { name: 'New rule' });
	await form.getByLabel('Rule name').fill('Withdrawals');
	await form.getByLabel('Payee test').selectOption('words');
	await form.getByLabel('Payee text').fill('withdrawal');
	await form.getByLabel('Minimum amount').fill('50');
	await form.getByLabel('Rule account').selectOption({ label: 'Expenses:Occupancy' });
	await form.getByRole('button', { name: 'Add rule' }).click();
	await expect(page.getByRole('status')).toHaveText('Added rule "Withdrawals".');
	const rules = page.getByRole('table', { name: 'Rules' });
	const fees = rules.locator('tr[data-rule="Bank fees"]');
	const withdrawals = rules.locator('tr[data-rule="Withdrawals"]');
	await expect(fees.getByTestId('rule-count')).toHaveText('0 lines');
	await expect(fees).toContainText('fund: restricted, class: management-general');

	// A bad rule is refused, naming the field.
	await page.getByRole('button', { name: 'New rule' }).click();
	form = page.getByRole('form', { name: 'New rule' });
	await form.getByLabel('Memo contains').fill('x');
	await form.getByLabel('Minimum amount').fill('9');
	await form.getByLabel('Maximum amount').fill('5');
	await form.getByLabel('Rule account').selectOption({ label: 'Expenses:Occupancy' });
	await form.getByRole('button', { name: 'Add rule' }).click();
	await expect(form.getByRole('alert')).toHaveText('Maximum amount: 5 is below the minimum 9.');
	await form.getByRole('button', { name: 'Cancel' }).click();

	// Import the statement: the fee line is the only one the fee rule takes; the bill is under the minimum.
	await page
		.getByRole('navigation', { name: 'Banking' })
		.getByRole('link', { name: 'Bank accounts' })
		.click();
	await importFile(page, 'Operating', fixture('checking.ofx'));
	const card = accountCard(page, 'Operating');
	await card
		.getByRole('group', { name: 'Statement to import' })
		.getByRole('button', { name: 'Import', exact: true })
		.click();
	await expect(card.getByRole('status')).toHaveText('Imported 3 new lines from checking.ofx.');

	await page.getByRole('navigation', { name: 'Banking' }).getByRole('link', { name: 'Rules' }).click();
	await expect(fees.getByTestId('rule-count')).toHaveText('1 line');
	await expect(withdrawals.getByTestId('rule-count')).toHaveText('0 lines');
	// Reorder and disable: the order is kept, a disabled rule says what it would take.
	await page.getByRole('button', { name: 'Move Withdrawals up' }).click();
	await expect(rules.locator('tbody tr').first()).toHaveAttribute('data-rule', 'Withdrawals');
	await withdrawals.getByRole('button', { name: 'Edit' }).click();
	const edit = page.getByRole('form', { name: 'Edit rule Withdrawals' });
	await edit.getByLabel('Minimum amount').fill('');
	await edit.getByRole('button', { name: 'Save rule' }).click();
	await expect(withdrawals.getByTestId('rule-count')).toHaveText('1 line');
	await withdrawals.getByRole('button', { name: 'Disable' }).click();
	await expect(withdrawals).toContainText('disabled');
	await expect(withdrawals.getByTestId('rule-count')).toContainText('1 line');
	await expect(withdrawals.getByTestId('rule-count')).toContainText('if enabled');

	// Enable it again as a split: 60% occupancy for programs, 40% professional fees for management.
	await withdrawals.getByRole('button', { name: 'Edit' }).click();
	await edit.getByRole('button', { name: 'Split by percentage' }).click();
	const split = edit.getByRole('table', { name: 'Split' });
	await expect(split.getByLabel('Split account 1').locator('option:checked')).toHaveText(
		'Expenses:Occupancy'
	);
	await split.getByLabel('Split percent 1').fill('60');
	await split.getByLabel('Split account 2').selectOption({ label: 'Expenses:Professional Fees' });
	await split.getByLabel('Split percent 2').fill('30');
	await expect(split.getByTestId('split-total')).toHaveText('90%');
	await edit.getByRole('button', { name: 'Save rule' }).click();
	await expect(edit.getByRole('alert')).toHaveText('Split: the parts add up to 90%, not 100%.');
	await split.getByLabel('Split percent 2').fill('40');
	await split.getByLabel('Class').nth(0).selectOption('program');
	await split.getByLabel('Class').nth(1).selectOption('management-general');
	await edit.getByRole('button', { name: 'Save rule' }).click();
	await withdrawals.getByRole('button', { name: 'Enable' }).click();
	await expect(withdrawals.getByTestId('split-part')).toHaveText([
		/60% Expenses:Occupancy · class: program/,
		/40% Expenses:Professional Fees · class: management-general/
	]);

	// Reconcile: the fee line shows the rule's proposal with its dimensions; Create entry starts from it.
	await page
		.getByRole('navigation', { name: 'Banking' })
		.getByRole('link', { name: 'Bank accounts' })
		.click();
	await card.getByRole('link', { name: 'checking.ofx' }).click();
	const lines = page.getByRole('table', { name: 'Statement lines' });
	const fee = lines.locator('tr[data-line="RETURNED CHECK FEE, CHECK # 319"]');
	const proposal = fee.getByTestId('rule-proposal');
	await expect(proposal).toContainText('Rule “Bank fees” suggests Expenses:Professional Fees');
	await expect(proposal).toContainText('fund: restricted');
	await expect(proposal).toContainText('class: management-general');
	await fee.getByRole('button', { name: 'Create entry' }).click();
	const entry = page.getByRole('form', { name: 'Create an entry from this line' });
	await expect(entry.getByTestId('rule-suggestion')).toContainText('payee contains "check fee"');
	await expect(entry.getByLabel('Offset account').locator('option:checked')).toHaveText(
		'Expenses:Professional Fees'
	);
	await expect(entry.getByLabel('Description')).toHaveValue('Bank fee: RETURNED CHECK FEE, CHECK # 319');
	await expect(entry.getByLabel('Fund')).toHaveValue('restricted');
	await expect(entry.getByLabel('Class')).toHaveValue('management-general');
	await entry.getByLabel('Department').fill('Finance');
	await entry.getByRole('button', { name: 'Post entry' }).click();
	await expect(fee).toHaveAttribute('data-state', 'matched');

	// The electric bill: the split rule's parts, rounded so they add up to the line.
	const bill = lines.locator('tr[data-line="AUTOMATIC WITHDRAWAL, ELECTRIC BILL"]');
	await expect(bill.getByTestId('rule-proposal')).toContainText(
		'suggests a split: Expenses:Occupancy 20.71, Expenses:Professional Fees 13.80'
	);
	await bill.getByRole('button', { name: 'Create entry' }).click();
	await expect(entry.getByRole('list', { name: 'Split' })).toContainText('Expenses:Occupancy: 20.71');
	await expect(entry.getByRole('list', { name: 'Split' })).toContainText('Expenses:Professional Fees: 13.80');
	await entry.getByRole('button', { name: 'Post entry' }).click();
	await expect(bill).toHaveAttribute('data-state', 'matched');

	// The dividend: Create entry by hand with a fund, and a rule remembered from it.
	const dividend = lines.locator('tr[data-line="DIVIDEND EARNED FOR PERIOD OF 03"]');
	await dividend.getByRole('button', { name: 'Create entry' }).click();
	await entry.getByLabel('Offset account').selectOption({ label: 'Revenue:Contributions' });
	await entry.getByLabel('Fund').selectOption('restricted');
	await entry.getByRole('button', { name: 'Post entry' }).click();
	await expect(dividend).toHaveAttribute('data-state', 'matched');

	// In Books, with the dimensions on the expense and income lines.
	await page.goto(`${BASE}/w/${wsId}/books/journal`);
	await page.getByRole('button', { name: 'Bank fee: RETURNED CHECK FEE, CHECK # 319' }).click();
	await expect(page.getByTestId('entry-detail')).toContainText(
		'fund: restricted, class: management-general, department: Finance'
	);
	await page.getByRole('button', { name: 'AUTOMATIC WITHDRAWAL, ELECTRIC BILL' }).click();
	await expect(page.getByTestId('entry-detail')).toContainText('class: program');
	await expect(page.getByTestId('entry-detail')).toContainText('class: management-general');
	await page.getByRole('button', { name: 'DIVIDEND EARNED FOR PERIOD OF 03' }).click();
	await expect(page.getByTestId('entry-detail')).toContainText('fund: restricted');

	// The fee rule has nothing left to take; the remembered dividend rule is listed.
	await page.goto(`${BASE}/w/${wsId}/banking/rules`);
	await expect(
		page.getByRole('table', { name: 'Rules' }).locator('tr[data-rule="Bank fees"]').getByTestId('rule-count')
	).toHaveText('0 lines');
	await expect(
		page
			.getByRole('table', { name: 'Rules' })
			.locator('tr[data-rule="Payee DIVIDEND EARNED FOR PERIOD OF 03"]')
	).toContainText('Revenue:Contributions');
	// Delete asks first.
	const bankFees = page.getByRole('table', { name: 'Rules' }).locator('tr[data-rule="Bank fees"]');
	await bankFees.getByRole('button', { name: 'Delete' }).click();
	await bankFees.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(page.getByRole('status')).toHaveText('Deleted "Bank fees".');
	await expect(bankFees).toHaveCount(0);
});

test('a CSV holding two accounts is imported into two bank accounts', async ({ page }) => {
	const wsId = await createWorkspace(page, 'Two Accounts Ltd', 'Sam');
	await page.goto(`${BASE}/w/${wsId}/banking`);
	await newBankAccount(page, 'Checking', 'Assets:Checking');
	await newBankAccount(page, 'Cash box', null, 'PC-1');

	await importFile(page, 'Checking', fixture('default.csv'));
	const card = accountCard(page, 'Checking');
	const mapping = card.getByRole('region', { name: 'CSV mapping' });
	await expect(mapping.getByLabel('Account column').locator('option:checked')).toHaveText('7: Account');
	await expect(mapping.getByRole('table', { name: 'Preview' })).toContainText('Cash');
	await mapping.getByRole('button', { name: 'Use this mapping' }).click();

	const review = card.getByRole('group', { name: 'Statement to import' });
	await expect(review).toContainText('This file holds 2 accounts.');
	const checkingLink = review.getByLabel('Bank account for Checking');
	const cashLink = review.getByLabel('Bank account for Cash');
	await expect(checkingLink.locator('option:checked')).toHaveText('Checking');
	await expect(cashLink.locator('option:checked')).toHaveText('Skip these lines');
	await cashLink.selectOption({ label: 'Cash box' });
	await review.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(card.getByRole('status')).toHaveText('Imported 8 new lines from default.csv.');

	await expect(card.getByRole('table', { name: 'Statements of Checking' })).toContainText('6 lines');
	await expect(
		accountCard(page, 'Cash box').getByRole('table', { name: 'Statements of Cash box' })
	).toContainText('2 lines');

	// Again, skipping Cash: nothing is added twice.
	await importFile(page, 'Checking', fixture('default.csv'));
	await card
		.getByRole('region', { name: 'CSV mapping' })
		.getByRole('button', { name: 'Use this mapping' })
		.click();
	await review.getByLabel('Bank account for Cash').selectOption({ label: 'Skip these lines' });
	await expect(review.getByTestId('already-held')).toHaveText(
		'6 lines were already imported and will not be added again.'
	);
	await review.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(card.getByRole('status')).toHaveText(
		'Imported 0 new lines from default.csv. 6 lines were already imported.'
	);
});
