// What a switching employer checks on day one: "Mark paid" posts on the run's pay date (not today),
// a payment dated before the run's posting is refused in words, the payslip shows both addresses and
// only the SSN's last four, its PDF is US Letter, and the Summaries page's tax-year select shows the
// year it is showing. Screenshots of the payslip page and the PDF's first page are kept in the test's
// output folder for a look.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect, test, testDay } from './test';
import { importTestPacksFor } from './rule-packs';
import { createWorkspace } from './helpers';
import { readPdf } from '../pdf-text';

const dayBefore = (date: string) => {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 1);
	return d.toISOString().slice(0, 10);
};

test('payroll, US: paid on the pay date, an earlier payment refused, payslip with addresses, SSN last four, Letter PDF', async ({
	page
}, testInfo) => {
	const wsId = await createWorkspace(page, 'Harbor Works', 'Pat');

	// The employer's address, printed on payslips.
	await page.goto(`/w/${wsId}/settings`);
	await page.getByLabel('Organisation address').fill('1 Main Street\nSpringfield, IL 62701');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	// An employee with an address and an SSN, and a name long enough to wrap.
	await page.goto(`/w/${wsId}/people/new`);
	await page.getByLabel('Given name').fill('Maximiliana Alexandra');
	await page.getByLabel('Family name').fill('Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh');
	await page.getByLabel('Job title').fill('Coordinator');
	await page.getByLabel('Department').fill('Programmes');
	await page.getByLabel('Location').fill('HQ');
	await page.getByLabel('Start date').fill('2025-01-06');
	await page.getByLabel('Street address').fill('742 Evergreen Terrace');
	await page.getByLabel('Town or city').fill('Springfield');
	await page.getByLabel('Postcode').fill('62704');
	await page.getByLabel('Country code').fill('US');
	await page.getByLabel('US SSN').fill('123-45-6789');
	await page.getByLabel('Annual salary').fill('52000');
	await page.getByLabel('Tax settings').selectOption('us');
	await page.getByRole('button', { name: 'Add person' }).click();
	const name = 'Maximiliana Alexandra Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh';
	await expect(page.getByTestId('person-name')).toHaveText(name);

	// A schedule (pay dates off weekends and holidays by default) and the ledger accounts.
	await page.goto(`/w/${wsId}/payroll/setup`);
	await expect(page.getByLabel('Pay date on a weekend or holiday')).toHaveValue('previousBusinessDay');
	await page.getByRole('button', { name: 'Save schedule' }).click();
	await expect(page.getByTestId('schedules')).toContainText('Monthly payroll: monthly');
	await expect(
		page.getByLabel('Pay date on a weekend or holiday, Monthly payroll', { exact: true })
	).toHaveValue('previousBusinessDay');
	await page.getByRole('button', { name: 'Add a Net Pay Payable account' }).click();
	await expect(page.getByLabel('Net pay payable')).not.toHaveValue('');
	await page.getByRole('button', { name: 'Save accounts' }).click();
	await expect(page.getByText('Accounts saved.')).toBeVisible();
	await importTestPacksFor(page, wsId, 'US', testDay());

	// A run to finalized.
	await page.goto(`/w/${wsId}/payroll`);
	await expect(page.getByRole('checkbox', { name })).toBeChecked();
	await page.getByRole('button', { name: 'Create pay run' }).click();
	await expect(page.getByTestId('register-row')).toHaveCount(1);
	await page.getByRole('button', { name: 'Send for review' }).click();
	await page.getByRole('button', { name: 'Approve' }).click();
	await page.getByRole('button', { name: 'Finalize' }).click();
	await expect(page.getByTestId('run-status')).toHaveText('Finalized');
	await expect(page.getByTestId('posting')).toContainText('Posted to Books.');
	const runUrl = page.url();
	const payDate =
		/paid (\d{4}-\d\d-\d\d)/.exec((await page.locator('h1 + p').textContent()) ?? '')?.[1] ?? '';
	expect(payDate).toMatch(/^\d{4}-\d\d-\d\d$/);
	const net = ((await page.getByTestId('register-net').textContent()) ?? '').trim();

	// "Paid on" starts at the pay date; a day earlier is refused, naming the field, and nothing is paid.
	const paidOn = page.getByLabel('Paid on');
	await expect(paidOn).toHaveValue(payDate);
	await paidOn.fill(dayBefore(payDate));
	await page.getByRole('button', { name: 'Mark paid' }).click();
	await expect(page.getByTestId('run-message')).toHaveText(
		`Paid on: ${dayBefore(payDate)} is before this run's posting date, ${payDate}. A payment cannot be dated before the wages it pays are posted; use ${payDate} or later.`
	);
	await expect(page.getByRole('button', { name: 'Mark paid' })).toBeVisible();
	await paidOn.fill(payDate);
	await page.getByRole('button', { name: 'Mark paid' }).click();
	await expect(page.getByTestId('payment')).toContainText(`Paid on ${payDate}.`);
	await expect(page.getByTestId('payment')).toContainText('Payment posted to Books.');

	// In Books the payment entry is dated the pay date, like the wages entry.
	await page.getByRole('link', { name: 'Open the journal entry' }).click();
	const paymentRow = page.getByRole('row', { name: /Net pay paid: payroll/ });
	await expect(paymentRow.getByRole('cell').first()).toHaveText(payDate);
	const wagesRow = page.getByRole('row', { name: /^\S+ \S* ?Payroll \d{4}/ }).first();
	await expect(wagesRow.getByRole('cell').first()).toHaveText(payDate);

	// The payslip: both addresses, the SSN's last four only, a year-to-date column.
	await page.goto(runUrl);
	await page.getByRole('link', { name }).click();
	await expect(page.getByTestId('payslip-employer')).toContainText('1 Main Street');
	await expect(page.getByTestId('payslip-employer')).toContainText('Springfield, IL 62701');
	await expect(page.getByTestId('payslip-employee')).toContainText('742 Evergreen Terrace');
	await expect(page.getByTestId('payslip-employee')).toContainText('Springfield, 62704');
	await expect(page.getByTestId('payslip-tax-id')).toHaveText('SSN: ***-**-6789');
	await expect(page.getByTestId('payslip')).not.toContainText('123-45');
	await expect(page.getByTestId('payslip-net')).toHaveText(net);
	await expect(page.getByTestId('payslip-net-ytd')).toBeVisible();
	// Nothing runs off the side: the payslip is no wider than its card.
	const overflow = await page.getByTestId('payslip').evaluate((el) => el.scrollWidth - el.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.screenshot({ path: testInfo.outputPath('payslip-page.png'), fullPage: true });
	// Printing the page uses Letter too: the page's CSS asks for it over the printer's A4.
	const printed = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
	expect(printed).toMatch(/\/MediaBox \[0 0 612 792\]/);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download PDF' }).click()
	]);
	const bytes = readFileSync((await download.path()) as string);
	const pdf = bytes.toString('latin1');
	const read = await readPdf(new Uint8Array(bytes));
	expect(read.pages.length).toBeGreaterThan(0);
	expect(read.pages.every(([w, h]) => w === 612 && h === 792)).toBe(true);
	expect(read.pages.some(([w, h]) => w === 595 && h === 842)).toBe(false);
	expect(read.rows).toContain('SSN: ***-**-6789');
	expect(pdf).not.toMatch(/123-?45/);
	expect(read.all).not.toMatch(/123-?45/);
	expect(read.rows).toContain('742 Evergreen Terrace');
	expect(read.rows).toContain('1 Main Street');
	expect(read.texts.map((t) => t.text)).toContain('Year to date');
	expect(read.texts.map((t) => t.text)).toContain(net);
	const pdfPath = testInfo.outputPath('payslip.pdf');
	writeFileSync(pdfPath, bytes);
	try {
		execFileSync('pdftoppm', [
			'-r',
			'70',
			'-png',
			'-f',
			'1',
			'-l',
			'1',
			pdfPath,
			testInfo.outputPath('payslip-pdf')
		]);
	} catch {
		// pdftoppm (poppler-utils) is optional: the picture is for a person to look at, not an assertion.
	}

	// Summaries: the tax-year select shows the year on screen.
	await page.goto(`/w/${wsId}/payroll/summaries`);
	await expect(page.getByLabel('Tax year')).toHaveValue(`US ${payDate.slice(0, 4)}`);
	await expect(page.getByTestId('w2')).toContainText(name);
});
