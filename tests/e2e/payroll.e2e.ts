// A payroll admin sets up a schedule and the ledger accounts, runs pay for an employee added through
// People — one US workspace, one UK workspace — reviews, approves and finalizes the run, opens and
// downloads the payslip PDF, finds the run's journal entry in Books, marks the run paid, and sees a
// back-dated raise paid as retro in the next run. A teammate with People & Payroll but no Books
// finalizes a run; the owner, who has Books, posts it. Two teammates finalize one run offline with
// different inputs: back online both show the same run, and the one whose figures lost is told.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';
import { importTestPacksFor } from './rule-packs';
import { browserPool, invite, join, startSignaling, waitForPeer } from './helpers';
import { addEmployee, createWorkspace, runToFinalized, setUpPayroll } from './payroll-helpers';
import { readPdf } from '../pdf-text';

async function downloadPayslip(page: Page, name: string, net: string) {
	await page.getByRole('link', { name }).click();
	await expect(page.getByTestId('payslip-net')).toHaveText(net);
	await expect(page.getByTestId('payslip-line').first()).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download PDF' }).click()
	]);
	const bytes = readFileSync((await download.path()) as string);
	const text = bytes.toString('latin1');
	expect(text.startsWith('%PDF-')).toBe(true);
	expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
	// What a reader sees: "Net pay" and the register's net figure drawn on the page.
	const read = await readPdf(new Uint8Array(bytes));
	expect(read.texts.map((t) => t.text)).toContain('Net pay');
	expect(read.all).toContain(net);
	await page.getByRole('link', { name: 'Back to the run' }).click();
}

test('payroll, US: a monthly run to finalized, payslip PDF, journal in Books, paid', async ({ page }) => {
	const wsId = await createWorkspace(page, 'Harbor Works', 'US');
	await addEmployee(page, wsId, { given: 'Dana', family: 'Ruiz', salary: '52000', tax: 'us' });
	await setUpPayroll(page, wsId);
	const net = await runToFinalized(page, wsId, 'Dana Ruiz');
	expect(net).toMatch(/^[\d,]+\.\d\d USD$/);
	await expect(page.getByTestId('payroll-register')).toContainText('4,333.33 USD');
	await downloadPayslip(page, 'Dana Ruiz', net);

	// Mark paid: the payment posts too.
	await page.getByRole('button', { name: 'Mark paid' }).click();
	await expect(page.getByTestId('payment')).toContainText('Payment posted to Books.');

	// The journal entry is in Books, balanced, on the wages and payroll liability accounts.
	await page.getByRole('link', { name: 'Open the journal entry' }).click();
	await expect(page).toHaveURL(/books\/journal\?entry=payroll-/);
	const entry = page.getByText(/Payroll \d{4}-\d\d-01 to/).first();
	await expect(entry).toBeVisible();
	await expect(page.getByRole('row', { name: /^Expenses:Wages and Salaries 4,333\.33 USD/ })).toBeVisible();
	await expect(
		page.getByRole('row', { name: /Liabilities:Payroll Liabilities:Net Pay Payable/ }).first()
	).toBeVisible();
	await expect(page.getByRole('button', { name: /^Net pay paid: payroll/ })).toBeVisible();

	// Summaries: Form 941 line 2 carries the wages.
	await page.goto(`/w/${wsId}/payroll/summaries`);
	await expect(page.getByTestId('form-941')).toContainText('4,333.33 USD');
	await expect(page.getByTestId('w2')).toContainText('Dana Ruiz');

	// A raise recorded now but effective mid-period: the finalized run stays as it was, and the
	// next run pays the difference as retro pay (6,000 − 4,333.33 a month for the days after the 16th).
	const month = testDay().slice(0, 7);
	await page.goto(`/w/${wsId}/people`);
	await page.getByRole('link', { name: 'Dana Ruiz' }).click();
	const pay = page.getByTestId('compensation-history');
	await pay.getByRole('button', { name: 'Change pay…' }).click();
	await pay.getByLabel('Pay change effective as of').fill(`${month}-16`);
	await pay.getByLabel('Pay change effective as of').dispatchEvent('change');
	await pay.getByLabel('Annual salary').fill('72000');
	await pay.getByLabel('Pay change reason').fill('Promotion');
	await pay.getByRole('button', { name: 'Record pay change' }).click();
	await expect(pay.getByTestId('history-fact')).toHaveCount(2);
	await page.goto(`/w/${wsId}/payroll`);
	await page.getByLabel('Pay period').selectOption({ index: 4 });
	await page.getByRole('button', { name: 'Create pay run' }).click();
	await expect(page.getByTestId('register-row')).toContainText('retro');
	await page.getByRole('link', { name: 'Dana Ruiz' }).click();
	await expect(page.getByTestId('payslip')).toContainText(`Retro pay ${month}-01 to`);
	await page.goto(`/w/${wsId}/payroll`);
	await page.getByRole('link', { name: new RegExp(`^${month}-01 to`) }).click();
	await expect(page.getByTestId('run-status')).toHaveText('Finalized');
	await expect(page.getByTestId('payroll-register')).toContainText('4,333.33 USD');
});

test('payroll, US: 401(k) percent deduction and employer match, overtime and a bonus, posted to their accounts', async ({
	page
}) => {
	const wsId = await createWorkspace(page, 'Lakeside Tools', 'US');
	await addEmployee(page, wsId, {
		given: 'Ann',
		family: 'Lee',
		salary: '30.00',
		tax: 'us',
		hourly: true,
		w4Extra: '20',
		deductions: [
			{ kind: 'us401k', basis: 'percent', amount: '5' },
			{ kind: 'employer401kMatch', basis: 'percent', amount: '3' }
		]
	});
	await expect(page.getByTestId('compensation-history')).toContainText('401(k) (pre-tax) 5% of gross');
	await expect(page.getByTestId('compensation-history')).toContainText('Step 2(c)');
	await page.goto(`/w/${wsId}/payroll/setup`);
	await page.getByRole('button', { name: 'Save schedule' }).click();
	await expect(page.getByTestId('schedules')).toContainText('Monthly payroll: monthly');
	await page.getByRole('button', { name: 'Add a Net Pay Payable account' }).click();
	await page.getByRole('button', { name: 'Add a 401(k) Payable account' }).click();
	await expect(page.getByLabel('401(k) / pension payable')).not.toHaveValue('');
	await page.getByRole('button', { name: 'Add an Employer 401(k) Contributions account' }).click();
	await expect(page.getByLabel('Employer 401(k) / pension contributions expense')).not.toHaveValue('');
	await page.getByRole('button', { name: 'Save accounts' }).click();
	await expect(page.getByText('Accounts saved.')).toBeVisible();
	await importTestPacksFor(page, wsId, 'US', testDay());

	await page.goto(`/w/${wsId}/payroll`);
	const net = await runToFinalized(page, wsId, 'Ann Lee', async () => {
		for (const [label, value] of [
			['Hours for Ann Lee', '160'],
			['Overtime for Ann Lee (hours)', '10'],
			['Bonus for Ann Lee', '500']
		] as const) {
			await page.getByLabel(label).fill(value);
			await page.getByLabel(label).dispatchEvent('change');
		}
		// 160 h x 30 + 10 h x 30 x 1.5 + 500 bonus = 5,750.00; match 3% = 172.50.
		await expect(page.getByTestId('register-row')).toContainText('5,750.00 USD');
		await expect(page.getByTestId('register-employer-contributions')).toHaveText('172.50 USD');
		// The inputs live in the synced run draft: a reload keeps them.
		await page.reload();
		await expect(page.getByLabel('Overtime for Ann Lee (hours)')).toHaveValue('10');
		await expect(page.getByTestId('register-row')).toContainText('5,750.00 USD');
	});
	await page.getByRole('link', { name: 'Ann Lee' }).click();
	const slip = page.getByTestId('payslip');
	await expect(slip).toContainText('Overtime');
	// This period, then the year to date (the same on a first run), then the working.
	await expect(
		slip.getByRole('row', { name: /^Overtime 450\.00 USD 450\.00 USD 10 h × 30\.00 × 1\.5/ })
	).toBeVisible();
	await expect(slip.getByRole('row', { name: /^Bonus 500\.00 USD/ })).toBeVisible();
	await expect(
		slip.getByRole('row', { name: /^401\(k\) \(pre-tax\) \(5% of 5,750\.00\) 287\.50 USD/ })
	).toBeVisible();
	await expect(
		slip.getByRole('row', { name: /^Employer 401\(k\) contribution \(3% of 5,750\.00\) 172\.50 USD/ })
	).toBeVisible();
	await expect(slip).toContainText('+ extra 20.00');
	await expect(page.getByTestId('payslip-net')).toHaveText(net);
	await page.getByRole('link', { name: 'Back to the run' }).click();

	await page.getByRole('link', { name: 'Open the journal entry' }).click();
	await expect(page.getByRole('row', { name: /^Expenses:Wages and Salaries 5,750\.00 USD/ })).toBeVisible();
	await expect(
		page.getByRole('row', { name: /^Expenses:Employer 401\(k\) Contributions 172\.50 USD/ })
	).toBeVisible();
	await expect(
		page.getByRole('row', { name: /^Liabilities:Payroll Liabilities:401\(k\) Payable 460\.00 USD/ })
	).toBeVisible();
});

test('payroll, UK: PAYE and NI run to finalized, payslip PDF, journal in Books; hourly pay from hours', async ({
	page
}) => {
	const wsId = await createWorkspace(page, 'Riverside Trust', 'GB');
	await addEmployee(page, wsId, {
		given: 'Alex',
		family: 'Moore',
		salary: '30000',
		tax: 'uk',
		studentLoanPlan2: true
	});
	await addEmployee(page, wsId, { given: 'Jo', family: 'Hart', salary: '15.50', tax: 'uk', hourly: true });
	await setUpPayroll(page, wsId, { studentLoanAccount: true, jurisdiction: 'UK' });
	await page.goto(`/w/${wsId}/payroll`);
	await page.getByRole('checkbox', { name: 'Jo Hart' }).uncheck();
	const net = await runToFinalized(page, wsId, 'Alex Moore', async () => {
		await expect(page.getByTestId('register-row')).toHaveCount(1);
		// The Plan 2 loan is deducted, not warned about.
		await expect(page.getByTestId('run-warnings')).toHaveCount(0);
	});
	const runUrl = new URL(page.url()).pathname;
	await expect(page.getByTestId('payroll-register')).toContainText('2,500.00 GBP');
	await page.getByRole('link', { name: 'Alex Moore' }).click();
	await expect(page.getByTestId('payslip')).toContainText('Income tax (PAYE)');
	await expect(page.getByTestId('payslip')).toContainText('National Insurance (employer)');
	// 2,500 a month on Plan 2: 2026-27 (2,500 − 2,448.75) × 9% = 4.6125 → 4.00;
	// 2025-26 (2,500 − 2,372.50) × 9% = 11.475 → 11.00 (rounded down to the pound). Later years run
	// on test packs holding the 2026-27 figures (rule-packs.ts), so 4.00 there too.
	const taxYear = /Tax year (\d{4}-\d{2})/.exec((await page.getByTestId('payslip').textContent()) ?? '')?.[1];
	const loan = ({ '2025-26': '11.00', '2026-27': '4.00', '2027-28': '4.00' } as Record<string, string>)[
		taxYear ?? ''
	];
	expect(loan, `no expected Plan 2 figure for tax year ${taxYear}`).toBeDefined();
	await expect(page.getByRole('row', { name: `Student loan (Plan 2) ${loan} GBP` })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the run' }).click();
	await downloadPayslip(page, 'Alex Moore', net);
	await page.getByRole('link', { name: 'Open the journal entry' }).click();
	await expect(page.getByRole('row', { name: /^Overheads:Gross Wages 2,500\.00 GBP/ })).toBeVisible();
	await expect(page.getByRole('row', { name: /^Creditors:PAYE and NIC [\d,]+\.\d\d GBP/ })).toBeVisible();
	await expect(page.getByRole('row', { name: /^Creditors:Net Pay Payable [\d,]+\.\d\d GBP/ })).toBeVisible();
	await expect(
		page.getByRole('row', { name: new RegExp(`^Creditors:Student loan deductions payable ${loan} GBP`) })
	).toBeVisible();
	await page.goto(`/w/${wsId}/payroll/summaries`);
	await expect(page.getByTestId('p60')).toContainText('Alex Moore');
	// FPS / P60: student loan deducted to date.
	await expect(page.getByTestId('p60')).toContainText('Student loan to date');
	await expect(page.getByTestId('p60').getByRole('row', { name: /^Alex Moore/ })).toContainText(
		`${loan} GBP`
	);

	// Hourly staff are paid the hours entered on the run (the timesheet entry) x their rate.
	await page.goto(`/w/${wsId}/payroll`);
	await page.getByRole('checkbox', { name: 'Alex Moore' }).uncheck();
	await page.getByLabel('Pay period').selectOption({ index: 4 });
	await page.getByRole('checkbox', { name: 'Jo Hart' }).check();
	await page.getByRole('button', { name: 'Create pay run' }).click();
	await page.getByLabel('Hours for Jo Hart').fill('100');
	await page.getByLabel('Hours for Jo Hart').dispatchEvent('change');
	await expect(page.getByTestId('payroll-register')).toContainText('1,550.00 GBP');
	await page.getByRole('link', { name: 'Jo Hart' }).click();
	await expect(page.getByTestId('payslip')).toContainText('1,550.00 GBP');
	await page.goto(runUrl);
	await expect(page.getByTestId('run-status')).toHaveText('Finalized');
});

test('payroll without Books: a People & Payroll teammate finalizes, a teammate with Books posts it', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const owner = await pool.newPage();
		const clerk = await pool.newPage();
		const wsId = await createWorkspace(owner, 'Shared Payroll Co', 'US');
		await addEmployee(owner, wsId, { given: 'Sam', family: 'Lee', salary: '48000', tax: 'us' });
		await setUpPayroll(owner, wsId);
		const link = await invite(owner, wsId, signaling.url, 'People & Payroll (and Tasks)');
		await join(clerk, link, 'Kim');
		await waitForPeer(clerk);

		// Kim (no Books) runs pay to finalized and is told who must post it.
		await clerk.goto(`/w/${wsId}/payroll`);
		await expect(clerk.getByRole('checkbox', { name: 'Sam Lee' })).toBeChecked({ timeout: 30_000 });
		await clerk.getByRole('button', { name: 'Create pay run' }).click();
		await clerk.getByRole('button', { name: 'Send for review' }).click();
		await clerk.getByRole('button', { name: 'Approve' }).click();
		await clerk.getByRole('button', { name: 'Finalize' }).click();
		await expect(clerk.getByTestId('run-status')).toHaveText('Finalized');
		await expect(clerk.getByTestId('posting')).toContainText(
			'a teammate with Books access must open this run to post it'
		);
		const runUrl = new URL(clerk.url()).pathname;

		// The owner opens the run and posts it; Kim's page then shows it posted.
		await owner.goto(runUrl);
		await expect(owner.getByTestId('run-status')).toHaveText('Finalized', { timeout: 30_000 });
		await expect(owner.getByTestId('posting')).toContainText('Not posted to Books yet.');
		await owner.getByRole('button', { name: 'Post to Books' }).click();
		await expect(owner.getByTestId('posting')).toContainText('Posted to Books.');
		await expect(clerk.getByTestId('posting')).toContainText('Posted to Books.', { timeout: 30_000 });
		await owner.getByRole('link', { name: 'Open the journal entry' }).click();
		await expect(
			owner.getByRole('row', { name: /^Expenses:Wages and Salaries 4,000\.00 USD/ })
		).toBeVisible();
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});

test('payroll: two teammates finalize one run at the same time, one result everywhere, the other is told', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const owner = await pool.newPage();
		const clerk = await pool.newPage();
		const wsId = await createWorkspace(owner, 'Twin Finalizers Co', 'US');
		await addEmployee(owner, wsId, { given: 'Ava', family: 'Cole', salary: '48000', tax: 'us' });
		await setUpPayroll(owner, wsId);
		const link = await invite(owner, wsId, signaling.url, 'People & Payroll (and Tasks)');
		await join(clerk, link, 'Kim');
		await waitForPeer(clerk);
		await owner.goto(`/w/${wsId}/payroll`);
		await owner.getByRole('button', { name: 'Create pay run' }).click();
		await owner.getByRole('button', { name: 'Send for review' }).click();
		await owner.getByRole('button', { name: 'Approve' }).click();
		await expect(owner.getByTestId('run-status')).toHaveText('Approved');
		const runUrl = new URL(owner.url()).pathname;
		await clerk.goto(runUrl);
		await expect(clerk.getByTestId('run-status')).toHaveText('Approved', { timeout: 30_000 });

		// Both go offline. Kim adds a bonus and finalizes; Pat finalizes the run as approved.
		for (const p of [owner, clerk]) {
			await p.getByTestId('toggle-online').click();
			await expect(p.getByTestId('sync-status')).toContainText('Offline');
		}
		await clerk.getByRole('button', { name: 'Back to draft' }).click();
		await clerk.getByLabel('Bonus for Ava Cole').fill('500');
		await clerk.getByLabel('Bonus for Ava Cole').dispatchEvent('change');
		await expect(clerk.getByTestId('payroll-register')).toContainText('500.00');
		await clerk.getByRole('button', { name: 'Send for review' }).click();
		await clerk.getByRole('button', { name: 'Approve' }).click();
		await clerk.getByRole('button', { name: 'Finalize' }).click();
		await expect(clerk.getByTestId('run-status')).toHaveText('Finalized');
		await owner.getByRole('button', { name: 'Finalize' }).click();
		await expect(owner.getByTestId('run-status')).toHaveText('Finalized');
		await expect(owner.getByTestId('posting')).toContainText('Posted to Books.');

		// Back online: both show the same run, and each is told what happened in words.
		for (const p of [owner, clerk]) await p.getByTestId('toggle-online').click();
		for (const p of [owner, clerk]) await expect(p.getByTestId('run-clash')).toBeVisible({ timeout: 30_000 });
		const ownerNet = owner.getByTestId('register-net');
		await expect(ownerNet).toHaveText((await clerk.getByTestId('register-net').textContent()) ?? '', {
			timeout: 30_000
		});
		const lost = 'their figures were kept. Your payslips were not issued.';
		if (((await owner.getByTestId('run-clash').textContent()) ?? '').includes(lost)) {
			await expect(owner.getByTestId('run-clash')).toHaveText(
				`Kim finalized this run at the same time; ${lost}`
			);
			await expect(clerk.getByTestId('run-clash')).toContainText(
				'Pat also finalized this run at the same time; your figures were kept'
			);
			// Pat posted the figures that lost before hearing of Kim's: the run says Books needs correcting.
			await expect(owner.getByTestId('run-posted-stale')).toBeVisible();
		} else {
			await expect(clerk.getByTestId('run-clash')).toHaveText(
				`Pat finalized this run at the same time; ${lost}`
			);
			await expect(owner.getByTestId('run-clash')).toContainText(
				'Kim also finalized this run at the same time; your figures were kept'
			);
			await expect(owner.getByTestId('run-posted-stale')).toHaveCount(0);
		}
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
