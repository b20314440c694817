// Settings → Audit log in two separate browsers: a teammate's change shows with who, before and after;
// when that teammate removes an entry from their copy of the log, the owner's browser says so.
import { readFileSync } from 'node:fs';
import { expect, test } from './test';
import {
	addTask,
	browserPool,
	createWorkspace,
	invite,
	join,
	openTask,
	startSignaling,
	waitForPeer
} from './helpers';

test('the audit log shows a teammate’s change and finds an entry they removed', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const ada = await pool.newPage();
		const wsId = await createWorkspace(ada, 'Audit Co', 'Ada');
		await addTask(ada, 'Pay rent');
		const link = await invite(ada, wsId, signaling.url, 'Tasks only');
		await ada.goto(`/w/${wsId}/tasks`);
		await openTask(ada, 'Pay rent');
		await ada.getByTestId('task-detail').getByLabel('Priority').selectOption('3');

		const ben = await pool.newPage();
		// Ben's own browser, with the support hooks on: he can reach his copy of the shards.
		await ben.addInitScript(() => localStorage.setItem('keel-debug', '1'));
		await join(ben, link, 'Ben');
		await waitForPeer(ben);
		await openTask(ben, 'Pay rent');
		await ben.getByTestId('task-detail').getByLabel('Title').fill('Pay the office rent');
		await ben.getByTestId('task-detail').getByLabel('Title').press('Enter');

		await ada.goto(`/w/${wsId}/settings`);
		await ada.getByLabel('Audit log of').selectOption({ label: 'Tasks' });
		const row = ada.getByRole('row').filter({ hasText: 'Ben' }).filter({ hasText: 'title' });
		await expect(row).toContainText('Changed Task: Pay the office rent', { timeout: 30_000 });
		await expect(row).toContainText('Pay rent');
		await expect(
			ada.getByRole('row').filter({ hasText: 'Ada' }).filter({ hasText: 'Added Task: Pay rent' })
		).toBeVisible();
		await expect(ada.getByText('Every change in this log is accounted for')).toBeVisible();
		await expect(ada.getByRole('alert')).toHaveCount(0);
		const [file] = await Promise.all([
			ada.waitForEvent('download'),
			ada.getByRole('button', { name: 'Export CSV' }).click()
		]);
		expect(file.suggestedFilename()).toBe('Audit Co audit log (Tasks).csv');
		const csv = readFileSync((await file.path()) as string, 'utf8');
		// Who is the member whose device signed the entry, with what the signature check found.
		expect(csv.split('\r\n')[0]).toBe(
			'When (device clock),Who,Signature check,Change,Record,Field,Before,After'
		);
		expect(csv).toContain(
			",Ben,Signed by Ben's device,Changed,Task: Pay the office rent,title,Pay rent,Pay the office rent\r\n"
		);

		// Ben removes Ada's first entry from his copy; the deletion syncs to Ada (connected again since
		// her page loaded Settings).
		await waitForPeer(ada);
		const removed = await ben.evaluate(() => {
			const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
			const doc = keel.debug.shardDoc('tasks') as {
				getArray: (n: string) => {
					toArray: () => { authorName?: string }[];
					delete: (i: number, n: number) => void;
				};
			};
			const log = doc.getArray('audit');
			const i = log.toArray().findIndex((e) => e.authorName === 'Ada');
			if (i >= 0) log.delete(i, 1);
			return i;
		});
		expect(removed).toBeGreaterThanOrEqual(0);
		const alert = ada.getByRole('alert');
		await expect(alert).toContainText('this log does not add up', { timeout: 30_000 });
		await expect(alert).toContainText(
			/Ada's log is missing|Changes by a device the log does not name are not in the log/
		);
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
