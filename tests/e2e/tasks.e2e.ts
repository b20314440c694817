// A person creates a workspace, plans work in Tasks, and finds it all again after a reload.
import { expect, test, testDay } from './test';
import { addTask, createWorkspace, openTask, taskRow } from './helpers';

test('create a workspace, create, edit and complete tasks, and find them after a reload', async ({
	page
}) => {
	await createWorkspace(page, 'Harbourside Trust', 'Sam');
	await addTask(page, 'Reconcile October bank statement');
	await addTask(page, 'Send payslips');

	await openTask(page, 'Reconcile October bank statement');
	const detail = page.getByTestId('task-detail');
	// Due five weeks before the test day: overdue, whatever day the suite runs on.
	const due = testDay(-36);
	await detail.getByLabel('Due date').fill(due);
	await detail.getByLabel('Priority').selectOption('3');
	await detail.getByLabel('Assignee').selectOption({ label: 'Sam (me)' });
	await detail.getByLabel('Description').fill('Match every deposit; flag the two unknown transfers.');
	await detail.getByLabel('New label').fill('close');
	await detail.getByLabel('New label').press('Enter');
	await detail.getByLabel('New checklist item').fill('Import statement');
	await detail.getByLabel('New checklist item').press('Enter');
	await detail.getByLabel('New checklist item').fill('Match deposits');
	await detail.getByLabel('New checklist item').press('Enter');
	await detail.getByLabel('Done: Import statement').check();
	await detail.getByLabel('New comment').fill('Bank feed was late this month.');
	await detail.getByRole('button', { name: 'Comment' }).click();
	await expect(detail.getByText('Bank feed was late this month.')).toBeVisible();

	await taskRow(page, 'Send payslips').getByRole('checkbox').check();
	await expect(taskRow(page, 'Send payslips')).toHaveClass(/done/);

	// Everything lives in IndexedDB: a reload brings it all back.
	await page.reload();
	await expect(taskRow(page, 'Send payslips').getByRole('checkbox')).toBeChecked();
	await openTask(page, 'Reconcile October bank statement');
	await expect(detail.getByLabel('Due date')).toHaveValue(due);
	await expect(detail.getByLabel('Priority')).toHaveValue('3');
	await expect(detail.getByLabel('Description')).toHaveValue(
		'Match every deposit; flag the two unknown transfers.'
	);
	await expect(detail.getByRole('button', { name: 'Remove label close' })).toBeVisible();
	await expect(detail.getByLabel('Done: Import statement')).toBeChecked();
	await expect(detail.getByLabel('Done: Match deposits')).not.toBeChecked();
	await expect(detail.getByText('Bank feed was late this month.')).toBeVisible();
	await expect(taskRow(page, 'Reconcile October bank statement').getByTestId('task-due')).toHaveClass(
		/overdue/
	);

	// "Due today" and "Overdue" follow the day the browser says it is.
	await page.getByRole('button', { name: 'Close details' }).click();
	await openTask(page, 'Send payslips');
	await detail.getByLabel('Due date').fill(testDay());
	await page.getByRole('button', { name: 'Close details' }).click();
	await page.getByRole('button', { name: 'Due today' }).click();
	await expect(page.getByTestId('task-row')).toHaveCount(1);
	await expect(taskRow(page, 'Send payslips')).toBeVisible();
	await page.getByRole('button', { name: 'Overdue' }).click();
	await expect(page.getByTestId('task-row')).toHaveCount(1);
	await expect(taskRow(page, 'Reconcile October bank statement')).toBeVisible();
});

test('views, filters, search, recurrence, board moves and templates', async ({ page }) => {
	await createWorkspace(page, 'Filters Ltd', 'Ana');
	await addTask(page, 'Pay rent');
	await addTask(page, 'Café receipts to file');
	await addTask(page, 'Quarterly VAT');

	// A monthly task on the 31st: completing it creates the next one on the last day of the next month.
	await openTask(page, 'Pay rent');
	const detail = page.getByTestId('task-detail');
	await detail.getByLabel('Due date').fill('2027-01-31');
	await detail.getByLabel('Repeats').selectOption('month');
	await detail.getByLabel('Assignee').selectOption({ label: 'Ana (me)' });
	await page.getByRole('button', { name: 'Close details' }).click();
	await taskRow(page, 'Pay rent').getByRole('checkbox').check();
	const rows = taskRow(page, 'Pay rent');
	await expect(rows).toHaveCount(2);
	await expect(rows.getByTestId('task-due')).toHaveText(['2027-01-31', '2027-02-28']);

	// Search is accent-insensitive and runs in the worker.
	await page.getByLabel('Search tasks').fill('cafe');
	await expect(page.getByTestId('task-row')).toHaveCount(1);
	await expect(taskRow(page, 'Café receipts to file')).toBeVisible();
	await page.getByLabel('Search tasks').fill('');
	await expect(page.getByTestId('task-row')).toHaveCount(4);

	// Mine: only the rent tasks are assigned to Ana.
	await page.getByRole('button', { name: 'Assigned to me' }).click();
	await expect(page.getByTestId('task-row')).toHaveCount(2);
	await page.getByRole('button', { name: 'All', exact: true }).click();

	// Manual order: move the VAT task to the top.
	await taskRow(page, 'Quarterly VAT').hover();
	await taskRow(page, 'Quarterly VAT').getByRole('button', { name: 'Move Quarterly VAT up' }).click();
	await taskRow(page, 'Quarterly VAT').getByRole('button', { name: 'Move Quarterly VAT up' }).click();
	await expect(page.getByTestId('task-row').first()).toContainText('Quarterly VAT');

	// Board: drag a card into "In progress".
	await page.getByRole('button', { name: 'Switch view' }).click();
	const card = page.getByTestId('board-card').filter({ hasText: 'Quarterly VAT' });
	await card.dragTo(page.locator('[data-status="doing"]'), { targetPosition: { x: 20, y: 150 } });
	await expect(page.locator('[data-status="doing"]').getByText('Quarterly VAT')).toBeVisible();
	await page.reload();
	await page.getByRole('button', { name: 'Switch view' }).click();
	await expect(page.locator('[data-status="doing"]').getByText('Quarterly VAT')).toBeVisible();
	await page.getByRole('button', { name: 'Switch view' }).click();

	// A template creates dated tasks in one go.
	await page.getByRole('button', { name: 'From template…' }).click();
	await page.getByLabel('Template', { exact: true }).selectOption({ label: 'New-hire onboarding' });
	await page.getByLabel('Template date').fill('2027-03-01');
	await page.getByRole('button', { name: /^Add \d+ tasks$/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /Added \d+ tasks/ })).toBeVisible();
	const count = Number((await page.getByTestId('task-count').textContent())?.split(' ')[0]);
	expect(count).toBeGreaterThan(6);
});

test('workspaces: several per browser, switch, rename, delete with confirmation, demo data', async ({
	page
}) => {
	const first = await createWorkspace(page, 'First Org', 'Lee');
	await addTask(page, 'Only in the first workspace');
	await createWorkspace(page, '', 'Lee', { demo: true });
	await expect(page.getByTestId('task-row').first()).toBeVisible();
	expect(await page.getByTestId('task-row').count()).toBeGreaterThan(8);

	await page.goto('/');
	await expect(page.getByRole('link', { name: 'First Org' })).toBeVisible();
	await page.getByRole('link', { name: 'First Org' }).click();
	await page.goto(`/w/${first}/tasks`);
	await expect(taskRow(page, 'Only in the first workspace')).toBeVisible();

	await page.goto(`/w/${first}/settings`);
	await page.getByLabel('Organisation name').fill('First Org Renamed');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByTestId('workspace-name')).toHaveText('First Org Renamed');

	await page.goto('/');
	await page.getByRole('button', { name: 'Delete First Org Renamed' }).click();
	await expect(page.getByText('Teammates keep their copies')).toBeVisible();
	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(page.getByRole('link', { name: 'First Org Renamed' })).toHaveCount(0);
	await page.goto(`/w/${first}/tasks`);
	await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();
});

test('keyboard: help overlay, go-to shortcuts, new task', async ({ page }) => {
	const id = await createWorkspace(page, 'Keys Co', 'Kim');
	await page.locator('body').press('?');
	await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
	await page.keyboard.press('g');
	await page.keyboard.press('s');
	await expect(page).toHaveURL(new RegExp(`/w/${id}/settings$`));
	await page.keyboard.press('g');
	await page.keyboard.press('t');
	await expect(page).toHaveURL(new RegExp(`/w/${id}/tasks$`));
	await page.keyboard.press('n');
	await page.keyboard.type('Typed from the keyboard');
	await page.keyboard.press('Enter');
	await expect(taskRow(page, 'Typed from the keyboard')).toBeVisible();
	await page.goto(`/w/${id}/books`);
	await expect(page.getByRole('heading', { name: 'Chart of accounts' })).toBeVisible();
});
