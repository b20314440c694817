// The steps every payroll spec takes: a workspace in a country, an employee added through People, a
// monthly schedule with its ledger accounts (and, on a test day whose pay dates fall in a year Keel
// ships no tables for, that year's TEST pack), and a regular run taken to finalized.
import type { Page } from '@playwright/test';
import { expect, testDay } from './test';
import { importTestPacksFor } from './rule-packs';
import { BASE } from './helpers';

export async function createWorkspace(page: Page, org: string, country: 'US' | 'GB'): Promise<string> {
	await page.goto(`${BASE}/`);
	await page.getByLabel('Organisation name').fill(org);
	await page.getByLabel('Your name', { exact: true }).fill('Pat');
	await page.locator('select[name="country"]').selectOption(country);
	await page.getByRole('button', { name: 'Create workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+\/tasks$/);
	return new URL(page.url()).pathname.split('/')[2] as string;
}

export async function addEmployee(
	page: Page,
	wsId: string,
	p: {
		given: string;
		family: string;
		salary: string;
		tax: 'us' | 'uk';
		hourly?: boolean;
		deductions?: { kind: string; basis: 'percent' | 'fixed'; amount: string }[];
		studentLoanPlan2?: boolean;
		/** Step 2(c) ticked and Step 4(c) extra withholding, after a bad value is refused by name. */
		w4Extra?: string;
		/** The start date (2025-01-06 unless given). */
		start?: string;
		/** A UK starter who gave a P45. */
		starterP45?: boolean;
	}
) {
	await page.goto(`/w/${wsId}/people/new`);
	await page.getByLabel('Given name').fill(p.given);
	await page.getByLabel('Family name').fill(p.family);
	await page.getByLabel('Job title').fill('Coordinator');
	await page.getByLabel('Department').fill('Programmes');
	await page.getByLabel('Location').fill('HQ');
	await page.getByLabel('Start date').fill(p.start ?? '2025-01-06');
	if (p.hourly) {
		await page.getByLabel('Pay basis').selectOption('hourly');
		await page.getByLabel('Hourly rate').fill(p.salary);
	} else await page.getByLabel('Annual salary').fill(p.salary);
	await page.getByLabel('Tax settings').selectOption(p.tax);
	if (p.starterP45) await page.getByLabel('Starter declaration').selectOption('P45');
	if (p.studentLoanPlan2) await page.getByRole('checkbox', { name: 'Plan 2' }).check();
	if (p.w4Extra) {
		await page.getByLabel('Form W-4 version').selectOption('w4-2020');
		await page.getByRole('checkbox', { name: 'Step 2(c): multiple jobs or spouse works' }).check();
		await page.getByLabel('Step 4(c): extra withholding').fill('twenty');
		await page.getByRole('button', { name: 'Add person' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Form W-4 Step 4(c) (extra withholding) must be an amount of 0 or more'
		);
		await page.getByLabel('Step 4(c): extra withholding').fill(p.w4Extra);
	}
	for (const [i, d] of (p.deductions ?? []).entries()) {
		await page.getByRole('button', { name: 'Add a deduction or contribution' }).click();
		await page.getByLabel(`Deduction ${i + 1} kind`).selectOption(d.kind);
		await page.getByLabel(`Deduction ${i + 1} calculated as`).selectOption(d.basis);
		await page
			.getByLabel(`Deduction ${i + 1} ${d.basis === 'percent' ? 'percent' : 'amount'}`)
			.fill(d.amount);
	}
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('person-name')).toHaveText(`${p.given} ${p.family}`);
}

export async function setUpPayroll(
	page: Page,
	wsId: string,
	p: { studentLoanAccount?: boolean; jurisdiction?: 'US' | 'UK'; today?: string } = {}
) {
	await page.goto(`/w/${wsId}/payroll/setup`);
	await page.getByRole('button', { name: 'Save schedule' }).click();
	await expect(page.getByTestId('schedules')).toContainText('Monthly payroll: monthly');
	await page.getByRole('button', { name: 'Add a Net Pay Payable account' }).click();
	await expect(page.getByLabel('Net pay payable')).not.toHaveValue('');
	if (p.studentLoanAccount) {
		// Student loan deductions get their own liability account, added in one click.
		await page.getByRole('button', { name: 'Add a Student loan deductions payable account' }).click();
		await expect(page.getByLabel('Student loan deductions payable')).not.toHaveValue('');
	}
	await page.getByRole('button', { name: 'Save accounts' }).click();
	await expect(page.getByText('Accounts saved.')).toBeVisible();
	// On a test day whose pay dates fall in a year Keel has no tables for: that year's test pack.
	await importTestPacksFor(page, wsId, p.jurisdiction ?? 'US', p.today ?? testDay());
}

/** Runs a regular pay run for everyone to finalized; returns the net pay shown for the one employee. */
export async function runToFinalized(
	page: Page,
	wsId: string,
	name: string,
	check?: () => Promise<void>
): Promise<string> {
	if (!check) await page.goto(`/w/${wsId}/payroll`);
	await expect(page.getByRole('checkbox', { name })).toBeChecked();
	await page.getByRole('button', { name: 'Create pay run' }).click();
	await expect(page.getByTestId('run-status')).toHaveText('Draft');
	await check?.();
	await expect(page.getByTestId('register-row')).toHaveCount(1);
	const net = (await page.getByTestId('register-net').textContent())?.trim() ?? '';
	await page.getByRole('button', { name: 'Send for review' }).click();
	await expect(page.getByTestId('run-status')).toHaveText('In review');
	await page.getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByTestId('run-status')).toHaveText('Approved');
	await page.getByRole('button', { name: 'Finalize' }).click();
	await expect(page.getByTestId('run-status')).toHaveText('Finalized');
	await expect(page.getByTestId('posting')).toContainText('Posted to Books.');
	await expect(page.getByTestId('register-net')).toHaveText(net);
	return net;
}
