// A bookkeeper links a bank account to the books, imports an OFX statement (and again: nothing twice),
// reconciles it (accepts a proposal, creates entries from lines) and finishes it; imports a CSV through
// the mapping step (confirming day-first dates) and a camt.053 that does not add up (accepting it
// explicitly); and a corrupt file changes nothing.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { createWorkspace } from './helpers';
import { postEntry } from './books-helpers';

const fixture = (name: string) => ({
	name,
	mimeType: 'application/octet-stream',
	buffer: readFileSync(`tests/e2e/fixtures/${name}`)
});

async function newBankAccount(page: Page, name: string, ledger: string | null): Promise<void> {
	await page.getByRole('button', { name: 'New bank account' }).click();
	const form = page.getByRole('form', { name: 'New bank account' });
	await form.getByLabel('Bank account name').fill(name);
	await form.getByLabel('IBAN or account number').fill('DE14740618130000033626');
	if (ledger) await form.getByLabel('Ledger account', { exact: true }).selectOption({ label: ledger });
	await form.getByRole('button', { name: 'Create bank account' }).click();
	await expect(page.getByRole('status')).toContainText(`Created ${name}`);
}

function accountCard(page: Page, name: string) {
	return page.getByRole('region', { name: `Bank account ${name}` });
}

async function importFile(page: Page, account: string, file: ReturnType<typeof fixture>): Promise<void> {
	const card = accountCard(page, account);
	const toggle = card.getByRole('button', { name: 'Import a statement' });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await card.getByLabel(/Statement file/).setInputFiles(file);
}

test('bank account, OFX import and re-import, reconcile and finish; CSV mapping; camt mismatch; corrupt file', async ({
	page
}) => {
	const wsId = await createWorkspace(page, 'Riverside Bakery', 'Robin');

	// An electric bill already in the books, a day before the bank took it.
	await page.goto(`/w/${wsId}/books/journal`);
	await postEntry(page, {
		date: '2011-04-04',
		memo: 'Electric bill',
		lines: [
			['Expenses:Office Supplies', '34.51', ''],
			['Assets:Checking', '', '34.51']
		]
	});

	await page.goto(`/w/${wsId}/banking`);
	await newBankAccount(page, 'Main checking', 'Assets:Checking');
	const card = accountCard(page, 'Main checking');
	await expect(card).toContainText('•••• 3626');
	await expect(card).toContainText('posts into Assets:Checking');

	// OFX: detected without asking; no opening balance in OFX, so no balance check.
	await importFile(page, 'Main checking', fixture('checking.ofx'));
	const review = card.getByRole('group', { name: 'Statement to import' });
	await expect(review).toContainText('OFX · 3 lines · 2011-03-31 to 2011-04-07');
	await expect(review.getByTestId('balance-check')).toHaveText('No balance check: no opening balance');
	await review.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(card.getByRole('status')).toHaveText('Imported 3 new lines from checking.ofx.');

	// The same file again adds nothing, and says so before and after.
	await importFile(page, 'Main checking', fixture('checking.ofx'));
	await expect(review.getByTestId('already-held')).toHaveText(
		'3 lines were already imported and will not be added again.'
	);
	await review.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(card.getByRole('status')).toHaveText(
		'Imported 0 new lines from checking.ofx. 3 lines were already imported.'
	);
	await expect(
		card.getByRole('table', { name: 'Statements of Main checking' }).locator('tbody tr')
	).toHaveCount(1);

	// Reconcile: the bill is proposed with its score and reasons.
	await card.getByRole('link', { name: 'checking.ofx' }).click();
	const lines = page.getByRole('table', { name: 'Statement lines' });
	const bill = lines.locator('tr[data-line="AUTOMATIC WITHDRAWAL, ELECTRIC BILL"]');
	await expect(bill).toHaveAttribute('data-state', 'proposed');
	await expect(bill.getByTestId('score')).toContainText('amount exact');
	await expect(bill.getByTestId('score')).toContainText('1 day apart');
	await expect(page.getByRole('button', { name: 'Finish statement' })).toBeDisabled();
	await bill.getByRole('button', { name: 'Accept' }).click();
	await expect(bill).toHaveAttribute('data-state', 'matched');

	// Create entries from the two lines the books do not have yet.
	const dividend = lines.locator('tr[data-line="DIVIDEND EARNED FOR PERIOD OF 03"]');
	await dividend.getByRole('button', { name: 'Create entry' }).click();
	const form = page.getByRole('form', { name: 'Create an entry from this line' });
	await form.getByLabel('Offset account').selectOption({ label: 'Income:Interest Income' });
	await form.getByLabel('Description').fill('Dividend for March');
	await form.getByRole('button', { name: 'Post entry' }).click();
	await expect(dividend).toHaveAttribute('data-state', 'matched');
	const fee = lines.locator('tr[data-line="RETURNED CHECK FEE, CHECK # 319"]');
	await fee.getByRole('button', { name: 'Create entry' }).click();
	await form.getByLabel('Offset account').selectOption({ label: 'Expenses:Office Supplies' });
	await form.getByRole('button', { name: 'Post entry' }).click();
	await expect(fee).toHaveAttribute('data-state', 'matched');

	// Cleared = statement balance: finish, and the lines are locked.
	await expect(page.getByTestId('difference')).toHaveText('0.00 USD');
	await expect(page.getByTestId('statement-balance')).toHaveText('100.99 USD');
	await page.getByRole('button', { name: 'Finish statement' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Finished by Robin' })).toContainText(
		'3 lines locked'
	);
	await expect(lines.locator('tr[data-state="locked"]')).toHaveCount(3);
	await expect(lines.getByRole('button', { name: 'Unmatch' })).toHaveCount(0);

	// The entries really are in the books.
	await page.goto(`/w/${wsId}/books`);
	await expect(page.locator('tr[data-account="Income:Interest Income"] td.num')).toContainText('0.01');

	// CSV: a second account with a new ledger account; the mapping step asks about the date order.
	await page.goto(`/w/${wsId}/banking`);
	await newBankAccount(page, 'Payoneer', null);
	await importFile(page, 'Payoneer', fixture('payoneer.csv'));
	const mapping = page.getByRole('region', { name: 'CSV mapping' });
	await expect(mapping.getByRole('button', { name: 'Use this mapping' })).toBeDisabled();
	await mapping.getByRole('radio', { name: 'Day first' }).check();
	await expect(mapping.getByRole('table', { name: 'Preview' })).toContainText('2021-03-05');
	await mapping.getByRole('button', { name: 'Use this mapping' }).click();
	const pay = accountCard(page, 'Payoneer');
	await expect(pay.getByRole('group', { name: 'Statement to import' })).toContainText('CSV · 2 lines');
	await pay
		.getByRole('group', { name: 'Statement to import' })
		.getByRole('button', { name: 'Import', exact: true })
		.click();
	await expect(pay.getByRole('status')).toHaveText('Imported 2 new lines from payoneer.csv.');
	// The mapping was saved with the account and is offered next time.
	await importFile(page, 'Payoneer', fixture('payoneer.csv'));
	await expect(mapping).toContainText('Starting from the mapping saved for this bank account.');
	await mapping.getByRole('button', { name: 'Cancel' }).click();

	// camt.053 that does not add up: shown with figures; imported only when the person accepts it.
	await importFile(page, 'Payoneer', fixture('camt.053.xml'));
	const camt = pay.getByRole('group', { name: 'Statement to import' });
	await expect(camt.getByTestId('balance-check').first()).toContainText('Does not add up: opening 24.16');
	await expect(camt.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
	await camt.getByLabel(/Import anyway/).check();
	await camt.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(pay.getByRole('status')).toContainText('from camt.053.xml');
	const statements = pay.getByRole('table', { name: 'Statements of Payoneer' }).locator('tbody tr');
	await expect(statements).toHaveCount(2);
	await expect(pay.locator('tr[data-statement="camt.053.xml"]')).toContainText('does not add up');

	// A corrupt file: a clear message naming it, and nothing written.
	await importFile(page, 'Payoneer', {
		name: 'corrupt.ofx',
		mimeType: 'application/x-ofx',
		buffer: Buffer.from('OFXHEADER:100\n<OFX><BANKTRANLIST><STMTTRN><TRNAMT>12,3x</STMTTRN>')
	});
	await expect(pay.getByRole('alert')).toContainText('corrupt.ofx');
	await expect(statements).toHaveCount(2);
	await page.reload();
	await expect(
		accountCard(page, 'Payoneer').getByRole('table', { name: 'Statements of Payoneer' }).locator('tbody tr')
	).toHaveCount(2);
});
