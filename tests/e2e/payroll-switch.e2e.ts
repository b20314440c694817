// Switching to Keel mid-year. A UK starter who gave a P45 has the previous employment's pay and tax
// to date entered on their pay page, and the first run's cumulative PAYE counts them; a US employee
// hired last year has the year's wages and taxes from the previous provider imported from CSV (after a
// bad file is refused naming line and column, with nothing written), and the first Keel run charges
// no FUTA and stops Social Security at the wage base. The scenario happens on 2026-06-15 whatever
// KEEL_TEST_TODAY says (each test sets the browser's clock), so the first run is June 2026 (UK tax
// month 3, paid 30 June).
import { expect, test } from './test';
import { addEmployee, createWorkspace, runToFinalized, setUpPayroll } from './payroll-helpers';

const SCENARIO_DAY = new Date('2026-06-15T09:00:00Z');

test("switching payroll, UK: a mid-year starter's P45 pay and tax to date count in the first run's PAYE", async ({
	page
}) => {
	await page.clock.setSystemTime(SCENARIO_DAY);
	const wsId = await createWorkspace(page, 'Northgate Trust', 'GB');
	await addEmployee(page, wsId, {
		given: 'Priya',
		family: 'Shah',
		salary: '28000',
		tax: 'uk',
		start: '2026-06-01',
		starterP45: true
	});

	// The P45: months 1-2 of 2026-27 with the previous employer, 4,666.66 pay and 514.00 tax to date.
	const panel = page.getByTestId('opening-ytd');
	await panel.getByRole('button', { name: 'Enter figures…' }).click();
	await expect(panel.getByLabel('Tax year')).toHaveValue('2026-27');
	await panel.getByLabel('Previous employment pay to date (P45)').fill('4,666.66');
	await panel.getByLabel('Previous employment tax to date (P45)').fill('514.0O');
	await panel.getByRole('button', { name: 'Save year-to-date figures' }).click();
	await expect(panel.getByRole('alert')).toHaveText(
		'Previous employment tax to date (P45) must be an amount of 0 or more with at most 2 decimals, like 1250.00.'
	);
	await panel.getByLabel('Previous employment tax to date (P45)').fill('514.00');
	await panel.getByRole('button', { name: 'Save year-to-date figures' }).click();
	await expect(panel.getByTestId('opening-figures')).toContainText(
		'Previous employment pay to date (P45) 4,666.66 GBP'
	);
	await expect(panel.getByTestId('opening-figures')).toContainText('514.00 GBP');

	await setUpPayroll(page, wsId, { jurisdiction: 'UK', today: '2026-06-15' });
	await runToFinalized(page, wsId, 'Priya Shah');
	await page.getByRole('link', { name: 'Priya Shah' }).click();
	const slip = page.getByTestId('payslip');
	await expect(slip).toContainText('Period 2026-06-01 to 2026-06-30');
	// Month 3, 1257L cumulative: pay to date 4,666.66 + 2,333.33 = 6,999.99; free pay 3 x 1,048.26 =
	// 3,144.78; taxable 3,855 (down to the pound) at 20% = 771.00; less 514.00 on the P45 = 257.00.
	// Without the P45 figures: 2,333.33 is under 3,144.78 of free pay and the tax would be 0.00.
	await expect(slip.getByRole('row', { name: /^Income tax \(PAYE\) 257\.00 GBP/ })).toBeVisible();
	// NI is per employment, this month's pay alone: 8% x (2,333.33 - 1,048) = 102.83; 15% x (2,333.33 - 417) = 287.45.
	await expect(slip.getByRole('row', { name: /^National Insurance \(employee\) 102\.83 GBP/ })).toBeVisible();
	await expect(slip.getByRole('row', { name: /^National Insurance \(employer\) 287\.45 GBP/ })).toBeVisible();
	await expect(slip.getByTestId('payslip-ytd-total').nth(1)).toHaveText('771.00 GBP');

	// The P60 keeps the previous employment apart and totals the year.
	await page.goto(`/w/${wsId}/payroll/summaries`);
	const p60 = page.getByTestId('p60-pay');
	await expect(p60.getByRole('row', { name: /^Priya Shah/ })).toHaveText(
		/Priya Shah\s*4,666\.66 GBP\s*514\.00 GBP\s*2,333\.33 GBP\s*257\.00 GBP\s*6,999\.99 GBP\s*771\.00 GBP/
	);
});

test('switching payroll, US: year to date imported from CSV; no FUTA again, Social Security stops at the wage base', async ({
	page
}) => {
	await page.clock.setSystemTime(SCENARIO_DAY);
	const wsId = await createWorkspace(page, 'Harbor Works', 'US');
	await addEmployee(page, wsId, {
		given: 'Dana',
		family: 'Ruiz',
		salary: '420000',
		tax: 'us',
		start: '2025-03-02'
	});
	await setUpPayroll(page, wsId, { today: '2026-06-15' });

	// A bad file is refused whole, each bad cell named by line and column.
	const header =
		'Employee,Tax year,Federal taxable wages,Federal income tax withheld,Social Security wages,Social Security tax withheld,Medicare wages,Medicare tax withheld,FUTA wages';
	const file = page.getByLabel('CSV file of year-to-date figures');
	await file.setInputFiles({
		name: 'openings.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			`${header}\nDana Ruiz,2026,175000,45889.25,175000,10850,175000,2537.50,7k\nDan Ruiz,2026,1,1,1,1,1,1,1\n`
		)
	});
	await expect(page.getByTestId('opening-import-result')).toHaveText(
		'openings.csv: nothing was imported. Line 2, column "FUTA wages": "7k" is not an amount of 0 or more with at most 2 decimals, like 1250.00. Line 3, column "Employee": no one in People is called "Dan Ruiz".'
	);
	await file.setInputFiles({
		name: 'openings.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`${header}\nDana Ruiz,2026,"175,000.00",45889.25,175000,10850,175000,2537.50,7000\n`)
	});
	await expect(page.getByTestId('opening-import-result')).toHaveText('Imported 1 row.');

	await page.goto(`/w/${wsId}/people`);
	await page.getByRole('link', { name: 'Dana Ruiz' }).click();
	await expect(page.getByTestId('opening-figures')).toContainText('FUTA wages 7,000.00 USD');

	await runToFinalized(page, wsId, 'Dana Ruiz');
	await page.getByRole('link', { name: 'Dana Ruiz' }).click();
	const slip = page.getByTestId('payslip');
	// June pay 35,000.00. Federal income tax is per period (2026 single table: 9,177.85), unchanged by YTD.
	await expect(slip.getByRole('row', { name: /^Federal income tax 9,177\.85 USD/ })).toBeVisible();
	// Social Security: room 184,500 - 175,000 = 9,500 x 6.2% = 589.00 (not 2,170.00).
	await expect(
		// This period, then the year to date: 10,850.00 with the previous provider + 589.00.
		slip.getByRole('row', { name: /^Social Security \(employee\) 589\.00 USD 11,439\.00 USD / })
	).toBeVisible();
	await expect(slip.getByRole('row', { name: /^Social Security \(employer\) 589\.00 USD/ })).toBeVisible();
	await expect(slip.getByRole('row', { name: /^Medicare \(employee\) 507\.50 USD/ })).toBeVisible();
	// Additional Medicare: 175,000 + 35,000 - 200,000 = 10,000 x 0.9% = 90.00.
	await expect(slip.getByRole('row', { name: /^Additional Medicare \(employee\) 90\.00 USD/ })).toBeVisible();
	// FUTA: the 7,000 base was used up with the previous provider (it would be 42.00 without it).
	await expect(slip.getByRole('row', { name: /^FUTA \(employer\) 0\.00 USD/ })).toBeVisible();

	// W-2 boxes cover the whole year: box 3 = 175,000 + 9,500 = 184,500.00; box 4 = 10,850 + 589 = 11,439.00.
	await page.goto(`/w/${wsId}/payroll/summaries`);
	await expect(page.getByTestId('w2').getByRole('row', { name: /^Dana Ruiz/ })).toHaveText(
		/Dana Ruiz\s*210,000\.00 USD\s*55,067\.10 USD\s*184,500\.00 USD\s*11,439\.00 USD\s*210,000\.00 USD\s*3,135\.00 USD/
	);
});
