// An HR admin adds a person with history and a document, changes their pay as of a past date,
// requests and approves leave, sees the balance and the team calendar, and runs the new-hire
// checklist into Tasks — then finds it all again after a reload. All in real Chromium.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';

// Leave happens in the leave year of the test day (Ben starts on its first day, so it is his first
// leave year and carries nothing over); the back-dated raise is Ada's, in the year before.
const Y = Number(testDay().slice(0, 4));
/** England and Wales early May bank holiday (a Monday) in the test's leave year. */
const EARLY_MAY: Record<number, string> = { 2026: '05-04', 2027: '05-03', 2028: '05-01' };
const earlyMay = `${Y}-${EARLY_MAY[Y] ?? 'unknown'}`;
const plusDays = (iso: string, n: number) =>
	new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
import { createWorkspace } from './helpers';

// A 1×1 PNG: enough for the browser to decode and show as a preview.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

async function addPerson(
	page: Page,
	wsId: string,
	p: { given: string; family: string; title: string; start: string; salary: string; manager?: string }
) {
	await page.goto(`/w/${wsId}/people/new`);
	await page.getByLabel('Given name').fill(p.given);
	await page.getByLabel('Family name').fill(p.family);
	await page.getByLabel('Job title').fill(p.title);
	await page.getByLabel('Department').fill('Programmes');
	await page.getByLabel('Location').fill('London');
	if (p.manager) await page.getByLabel('Manager').selectOption({ label: p.manager });
	await page.getByLabel('Start date').fill(p.start);
	await page.getByLabel('Annual salary').fill(p.salary);
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('person-name')).toHaveText(`${p.given} ${p.family}`);
}

test('people: records, back-dated pay, documents, leave, calendar and onboarding tasks', async ({ page }) => {
	const wsId = await createWorkspace(page, 'Riverside Care', 'Priya');
	await page.getByRole('link', { name: 'People', exact: true }).click();
	await expect(page.getByText('No people yet.')).toBeVisible();

	// A leave policy from the UK preset.
	await page.getByRole('link', { name: 'Leave policies' }).click();
	await page.getByRole('button', { name: /Add: UK annual leave/ }).click();
	await expect(page.getByTestId('policy')).toContainText('25 days a year');

	// Validation names the field and writes nothing.
	await page.goto(`/w/${wsId}/people/new`);
	await page.getByLabel('Given name').fill('Mo');
	await page.getByLabel('UK NI number').fill('QQ12345');
	await page.getByRole('button', { name: 'Add person' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Family name');
	await expect(alert).toContainText('UK NI number');
	await expect(alert).toContainText('Start date');

	await addPerson(page, wsId, {
		given: 'Ada',
		family: 'Okafor',
		title: 'Director',
		start: '2025-01-06',
		salary: '60000'
	});
	await addPerson(page, wsId, {
		given: 'Ben',
		family: 'Hale',
		title: 'Support worker',
		start: `${Y}-01-01`,
		salary: '48000',
		manager: 'Ada Okafor'
	});

	// A raise back-dated to 1 April last year: recorded today, effective then; earlier views unchanged.
	await page.getByRole('link', { name: 'Directory' }).click();
	await page.getByRole('link', { name: 'Ada Okafor' }).click();
	const pay = page.getByTestId('compensation-history');
	await pay.getByRole('button', { name: 'Change pay…' }).click();
	await pay.getByLabel('Pay change effective as of').fill(`${Y - 1}-04-01`);
	await pay.getByLabel('Pay change effective as of').dispatchEvent('change');
	await pay.getByLabel('Annual salary').fill('63000');
	await pay.getByLabel('Pay change reason').fill('Annual review');
	await pay.getByRole('button', { name: 'Record pay change' }).click();
	await expect(pay.getByTestId('history-fact')).toHaveCount(2);
	await expect(pay.getByTestId('history-fact').nth(1)).toContainText('(back-dated)');
	await pay.getByLabel('Pay as of').fill(`${Y - 1}-03-31`);
	await expect(pay.getByTestId('compensation-as-of')).toContainText('60,000.00 USD a year');
	await pay.getByLabel('Pay as of').fill(`${Y - 1}-04-01`);
	await expect(pay.getByTestId('compensation-as-of')).toContainText('63,000.00 USD a year');
	await expect(page.getByTestId('timeline')).toContainText('Pay: 60,000.00 a year → 63,000.00 a year');
	await expect(page.getByTestId('timeline')).toContainText('by Priya');

	// London follows England and Wales bank holidays (the workspace is in the US, so it defaulted to US).
	await page.getByRole('link', { name: 'Leave policies' }).click();
	await page.getByLabel('Public holidays for London').selectOption('gb-eaw');
	await page.getByRole('link', { name: 'Directory' }).click();
	await page.getByRole('link', { name: 'Ben Hale' }).click();

	// Identifiers are masked on screen until revealed.
	await page.getByRole('button', { name: 'Edit details' }).click();
	await page.getByLabel('UK NI number').fill('AB123456C');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByTestId('value-UK NI number')).toHaveText('AB •• •• •• C');
	await page.getByRole('button', { name: 'Reveal UK NI number' }).click();
	await expect(page.getByTestId('value-UK NI number')).toHaveText('AB123456C');
	const personUrl = page.url();
	expect(personUrl).not.toContain('Ben');

	// A document with an expiry date: stored in this browser, previewed, and a reminder task made.
	await page
		.getByLabel('Document file')
		.setInputFiles({ name: 'right-to-work.png', mimeType: 'image/png', buffer: PNG });
	await page.getByLabel('Document type').selectOption('id');
	await page.getByLabel('Document expires on').fill(`${Y + 1}-03-31`);
	await page.getByRole('button', { name: 'Add document' }).click();
	await expect(page.getByTestId('document')).toContainText('right-to-work.png');
	await page.getByTestId('document').getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByTestId('document-preview').getByRole('img')).toBeVisible();
	expect(
		await page
			.getByTestId('document-preview')
			.getByRole('img')
			.evaluate((img: HTMLImageElement) => img.naturalWidth)
	).toBe(1);

	// Leave: 3 days in Ben's first leave year (25 days; the early May Monday is a bank holiday, not counted).
	await page.getByLabel('Leave first day').fill(earlyMay);
	await page.getByLabel('Leave last day').fill(plusDays(earlyMay, 3));
	await page.getByRole('button', { name: 'Request leave' }).click();
	await expect(page.getByText('Requested 3 day(s).')).toBeVisible();
	await expect(page.getByTestId('leave-status')).toHaveText('Awaiting approval');
	await page.getByTestId('leave-request').getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByTestId('leave-status')).toHaveText('Approved');
	// Available = 25 − 3 taken (the asOf date is today, after the leave).
	await expect(page.getByTestId('leave-available')).toHaveText('22');
	// A request beyond the balance is refused with the shortfall.
	await page.getByLabel('Leave first day').fill(`${Y}-06-01`);
	await page.getByLabel('Leave last day').fill(`${Y}-07-31`);
	await page.getByRole('button', { name: 'Request leave' }).click();
	await expect(page.getByRole('alert')).toContainText('not enough Annual leave balance');

	// The new-hire checklist becomes tasks in Tasks, with progress here.
	await page.getByRole('button', { name: 'Create checklist tasks' }).click();
	await expect(page.getByText('6 tasks created')).toBeVisible();
	await expect(page.getByTestId('checklist-progress')).toHaveText('0 of 6 done');

	// The team calendar shows the approved leave in May.
	await page.getByRole('link', { name: 'Leave calendar' }).click();
	await page.getByLabel('Calendar month').fill(`${Y}-05`);
	await expect(page.getByTestId('calendar-row')).toHaveCount(1);
	await expect(page.getByTestId('calendar-row')).toContainText('Ben Hale');
	await expect(page.getByTestId('calendar-row').locator('td.away')).toHaveCount(4);

	// Directory search and the org chart.
	await page.getByRole('link', { name: 'Directory' }).click();
	await page.getByLabel('Search people').fill('support');
	await expect(page.getByTestId('person-row')).toHaveCount(1);
	await page.getByLabel('Search people').fill('');
	await expect(page.getByTestId('person-row')).toHaveCount(2);
	await page.getByRole('link', { name: 'Org chart' }).click();
	await expect(page.getByTestId('org-chart').locator('li li')).toContainText('Ben Hale');

	// In Tasks: complete one checklist task; the person's page shows the progress.
	await page.getByRole('link', { name: 'Tasks', exact: true }).click();
	// Tasks carry neutral words (the Tasks shard reaches task-only teammates): no kind of document,
	// no "expires", no "contract"; the person's page in People shows the item's own words.
	await expect(page.getByRole('button', { name: 'Paperwork (step 1)', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Records check (details in People)' })).toBeVisible();
	await expect(
		page.getByTestId('task-row').filter({ hasText: /Renew|expires|ID document|Contract/ })
	).toHaveCount(0);
	await page.getByTestId('task-row').filter({ hasText: 'Paperwork (step 1)' }).getByRole('checkbox').check();

	// Everything survives a reload: it lives in the shard and this browser's files store.
	await page.goto(personUrl);
	await expect(page.getByTestId('checklist-progress')).toHaveText('1 of 6 done');
	await expect(page.getByRole('checkbox', { name: 'Done: Contract signed' })).toBeChecked();
	await expect(page.getByTestId('leave-status')).toHaveText('Approved');
	await expect(page.getByTestId('leave-available')).toHaveText('22');
	await page.getByTestId('document').getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByTestId('document-preview').getByRole('img')).toBeVisible();

	// Export everything about this person: one JSON file with the document inside.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export everything about this person' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^keel-person-[0-9A-Z]+\.json$/);
	const bundle = JSON.parse(readFileSync(await file.path(), 'utf8'));
	expect(bundle.person.legalName).toEqual({ given: 'Ben', family: 'Hale' });
	expect(bundle.histories.compensation).toHaveLength(1);
	expect(bundle.files[0].base64).toBe(PNG.toString('base64'));
});

test('people: a leave decision in one tab shows live in the other', async ({ page, context }) => {
	const wsId = await createWorkspace(page, 'Two Tabs Trust', 'Sam');
	await page.goto(`/w/${wsId}/people/policies`);
	await page.getByRole('button', { name: /Add: UK annual leave/ }).click();
	await addPerson(page, wsId, {
		given: 'Kemi',
		family: 'Ito',
		title: 'Nurse',
		start: `${Y}-01-01`,
		salary: '40000'
	});
	await page.getByLabel('Leave first day').fill(`${Y}-12-14`);
	await page.getByLabel('Leave last day').fill(`${Y}-12-15`);
	await page.getByRole('button', { name: 'Request leave' }).click();
	await expect(page.getByTestId('leave-status')).toHaveText('Awaiting approval');

	// The same workspace in a second tab: the requester's view.
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(other.getByTestId('leave-status')).toHaveText('Awaiting approval');
	await page.getByTestId('leave-request').getByRole('button', { name: 'Approve' }).click();
	await expect(other.getByTestId('leave-status')).toHaveText('Approved');
	await expect(other.getByTestId('leave-available')).toHaveText('23');

	// URLs carry ids only, never a name.
	expect(new URL(other.url()).pathname).toMatch(/^\/w\/[0-9A-Z]+\/people\/[0-9A-Z]+$/);
});
