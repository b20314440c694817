// Next year's tax tables as data a payroll admin loads. On a December day, a US monthly run paid in
// January 2027 (Keel ships US tables for 2025 and 2026 only) names the missing tables for the person
// it affects and links to Setup → Tax tables; a broken pack is refused naming the fields; the 2027
// pack (a TEST pack: the 2026 figures relabelled as 2027 and resealed, built by this test) is
// imported, and the run then computes a register row.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { BASE } from './helpers';
import { seal } from './rule-packs';

type Pack = Record<string, unknown> & { pack: Record<string, unknown>; futa: { wageBase: string } };

/** The built-in 2026 US pack relabelled as 2027 and resealed: a test pack, not 2027's figures. */
function testPack2027(): Pack {
	const p = JSON.parse(
		readFileSync(new URL('../../src/lib/payroll/domain/rules/us-federal-2026.json', import.meta.url), 'utf8')
	) as Pack;
	Object.assign(p, { taxYear: 2027, effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31' });
	p.pack = {
		...p.pack,
		taxYear: '2027',
		effectiveFrom: '2027-01-01',
		effectiveTo: '2027-12-31',
		title: 'TEST ONLY: US federal 2027 (the 2026 figures)'
	};
	return seal(p);
}

const file = (name: string, value: unknown) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(JSON.stringify(value, null, 1))
});

async function setUpUsPayroll(page: Page): Promise<string> {
	await page.goto(`${BASE}/`);
	await page.getByLabel('Organisation name').fill('Harbor Works');
	await page.getByLabel('Your name', { exact: true }).fill('Pat');
	await page.locator('select[name="country"]').selectOption('US');
	await page.getByRole('button', { name: 'Create workspace' }).click();
	await page.waitForURL(/\/w\/[0-9A-Z]+\/tasks$/);
	const wsId = new URL(page.url()).pathname.split('/')[2] as string;
	await page.goto(`/w/${wsId}/people/new`);
	await page.getByLabel('Given name').fill('Dana');
	await page.getByLabel('Family name').fill('Ruiz');
	await page.getByLabel('Job title').fill('Coordinator');
	await page.getByLabel('Department').fill('Programmes');
	await page.getByLabel('Location').fill('HQ');
	await page.getByLabel('Start date').fill('2025-01-06');
	await page.getByLabel('Annual salary').fill('52000');
	await page.getByLabel('Tax settings').selectOption('us');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('person-name')).toHaveText('Dana Ruiz');
	await page.goto(`/w/${wsId}/payroll/setup`);
	await page.getByRole('button', { name: 'Save schedule' }).click();
	await expect(page.getByTestId('schedules')).toContainText('Monthly payroll: monthly');
	return wsId;
}

test('payroll: a run paid in 2027 names the missing US tables; importing the 2027 pack lets it compute', async ({
	page
}) => {
	// A December day (fixed, whatever day the suite runs): the periods offered reach into 2027.
	await page.clock.setSystemTime(new Date('2026-12-06T09:00:00Z'));
	const wsId = await setUpUsPayroll(page);

	// Tax tables lists the built-in packs by title, source and dates.
	const tables = page.getByTestId('tax-tables');
	await expect(tables.getByTestId('tax-table-row')).toHaveCount(4);
	await expect(tables).toContainText('US federal tables 2026');
	await expect(tables).toContainText('IRS Publication 15-T (2026)');
	await expect(tables).toContainText('2026-01-01 to 2026-12-31');
	await expect(tables).toContainText('UK tax tables 2026-27');
	await expect(tables).not.toContainText('us-federal');

	// A run paid in January 2027.
	await page.goto(`/w/${wsId}/payroll`);
	await expect(page.getByLabel('Pay period').locator('option')).toHaveCount(6);
	const periods = await page.getByLabel('Pay period').locator('option').allTextContents();
	const in2027 = periods.find((p) => /paid 2027-/.test(p));
	expect(in2027, `a period paid in 2027 among ${periods.join(' | ')}`).toBeTruthy();
	await page.getByLabel('Pay period').selectOption({ label: in2027 as string });
	await expect(page.getByRole('checkbox', { name: 'Dana Ruiz' })).toBeChecked();
	await page.getByRole('button', { name: 'Create pay run' }).click();
	await expect(page.getByTestId('run-status')).toHaveText('Draft');
	const runUrl = page.url();
	const problems = page.getByTestId('run-problems');
	await expect(problems).toContainText(
		'Dana Ruiz: US federal tables for 2027 are not loaded — import the 2027 rule pack'
	);
	await expect(problems).not.toContainText('taxYear');
	await expect(page.getByTestId('register-row')).toHaveCount(0);

	// The link goes to Setup's Tax tables.
	await problems.getByRole('link', { name: 'Import tax tables in Setup' }).click();
	await expect(page).toHaveURL(/\/payroll\/setup#tax-tables$/);
	const input = page.getByLabel('Import a rule pack (JSON file)');

	// A broken pack: refused, each problem naming its field in words; nothing imported.
	const broken = testPack2027();
	broken.pack['effectiveTo'] = '2028-01-31';
	broken.futa.wageBase = '7,000';
	await input.setInputFiles(file('broken-2027.json', broken));
	const error = page.getByTestId('tax-tables-error');
	await expect(error).toContainText('broken-2027.json was not imported');
	await expect(error).toContainText(
		'Pack header › effective to: 2028-01-31 is outside tax year 2027 (2027-01-01 to 2027-12-31)'
	);
	await expect(error).toContainText('FUTA › wage base: expected a decimal string');
	await expect(error).toContainText('Pack header › checksum: does not match the contents');
	await expect(tables.getByTestId('tax-table-row')).toHaveCount(4);

	// The 2027 pack: imported, listed with who imported it; the same file again changes nothing.
	await input.setInputFiles(file('us-federal-2027.json', testPack2027()));
	await expect(page.getByTestId('tax-tables-message')).toHaveText(
		'Imported US federal tables for 2027 (2027-01-01 to 2027-12-31): TEST ONLY: US federal 2027 (the 2026 figures).'
	);
	await expect(tables.getByTestId('tax-table-row')).toHaveCount(5);
	await expect(
		tables.getByTestId('tax-table-row').filter({ hasText: 'US federal tables 2027' })
	).toContainText('Imported by Pat on');
	await input.setInputFiles(file('us-federal-2027.json', testPack2027()));
	await expect(page.getByTestId('tax-tables-message')).toContainText('Already loaded');
	await expect(tables.getByTestId('tax-table-row')).toHaveCount(5);

	// Back on the run: Dana is paid.
	await page.goto(runUrl);
	await expect(page.getByTestId('register-row')).toHaveCount(1);
	await expect(page.getByTestId('payroll-register')).toContainText('4,333.33 USD');
	await expect(page.getByTestId('run-problems')).toHaveCount(0);
});
