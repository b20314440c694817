// Names as people write them: a UK run for "Łukasz Żółć" and "山田 太郎", each payslip downloaded as a
// PDF with the network off (the PDF writer and its fonts come from the service worker's cache), and
// the PDF's text, read back with pdf.js, shows the name and the net pay from the run's register.
import { readFileSync } from 'node:fs';
import { expect, test } from './test';
import { readPdf } from '../pdf-text';
import { addEmployee, createWorkspace, setUpPayroll } from './payroll-helpers';

test('payslip PDFs print "Łukasz Żółć" and "山田 太郎" as written, offline', async ({ page, context }) => {
	const wsId = await createWorkspace(page, 'Harbour Trust', 'GB');
	const people = [
		{ given: 'Łukasz', family: 'Żółć', salary: '31000' },
		{ given: '山田', family: '太郎', salary: '29000' }
	];
	for (const p of people) await addEmployee(page, wsId, { ...p, tax: 'uk' });
	await setUpPayroll(page, wsId, { jurisdiction: 'UK' });

	await page.goto(`/w/${wsId}/payroll`);
	await page.getByRole('button', { name: 'Create pay run' }).click();
	await expect(page.getByTestId('register-row')).toHaveCount(2);
	await page.getByRole('button', { name: 'Send for review' }).click();
	await page.getByRole('button', { name: 'Approve' }).click();
	await page.getByRole('button', { name: 'Finalize' }).click();
	await expect(page.getByTestId('run-status')).toHaveText('Finalized');
	const runUrl = page.url();
	const nets = new Map<string, string>();
	for (const row of await page.getByTestId('register-row').all()) {
		const text = (await row.textContent()) ?? '';
		const name = people.map((p) => `${p.given} ${p.family}`).find((n) => text.includes(n));
		if (name) nets.set(name, ((await row.getByTestId('register-net').textContent()) ?? '').trim());
	}
	expect(nets.size).toBe(2);

	// The service worker controls the page before the network goes.
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await context.setOffline(true);
	for (const [name, net] of nets) {
		await page.goto(runUrl);
		await page.getByRole('link', { name }).click();
		await expect(page.getByTestId('payslip')).toContainText(name);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download PDF' }).click()
		]);
		const read = await readPdf(new Uint8Array(readFileSync((await download.path()) as string)));
		expect(read.pages[0]).toEqual([595, 842]);
		expect(read.rows).toContain(`Payslip: ${name}`);
		// This period, then the year to date: the same, as this is the first run of the tax year.
		expect(read.rows).toContain(`Net pay ${net} ${net}`);
		expect(read.all).not.toContain('?');
	}
	await context.setOffline(false);
});
