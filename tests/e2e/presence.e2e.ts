// Presence scoped per shard, in separate Chromium instances through y-webrtc's signaling server: a
// Tasks-only teammate sees that the owner is here, and which task they have open, but never that
// they have a person or payroll open (not on screen, and not in any awareness state the browser
// receives); a teammate with People access does see who is looking at the same person.
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';
import {
	addTask,
	browserPool,
	createWorkspace,
	invite,
	join,
	openTask,
	startSignaling,
	taskRow,
	waitForPeer
} from './helpers';

const Y = testDay().slice(0, 4);

async function states(page: Page): Promise<string> {
	return JSON.stringify(
		await page.evaluate(() =>
			(window as unknown as { __keel?: { presenceStates(): unknown } }).__keel?.presenceStates()
		)
	);
}

/** The topics a page subscribes to on the signaling server, read from the frames it sends. */
function subscribedTopics(page: Page): Set<string> {
	const topics = new Set<string>();
	page.on('websocket', (ws) =>
		ws.on('framesent', ({ payload }) => {
			const m = JSON.parse(String(payload)) as { type?: string; topics?: string[] };
			if (m.type === 'subscribe') for (const t of m.topics ?? []) topics.add(t);
		})
	);
	return topics;
}

const avatar = (page: Page, name: string) =>
	page.getByTestId('presence').and(page.locator(`[title^="${name} "]`));

test('presence: a Tasks-only teammate sees Tasks presence, never which person or pay run is open', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const alice = await pool.newPage();
		const bob = await pool.newPage();
		const carol = await pool.newPage();
		const aliceTopics = subscribedTopics(alice);
		const bobTopics = subscribedTopics(bob);
		const carolTopics = subscribedTopics(carol);
		const wsId = await createWorkspace(alice, 'Quay Nursing', 'Alice');
		await addTask(alice, 'Order uniforms');
		await alice.goto(`/w/${wsId}/people/new`);
		await alice.getByLabel('Given name').fill('Ada');
		await alice.getByLabel('Family name').fill('Okafor');
		await alice.getByLabel('Job title').fill('Nurse');
		await alice.getByLabel('Department').fill('Care');
		await alice.getByLabel('Location').fill('London');
		await alice.getByLabel('Start date').fill(`${Y}-01-01`);
		await alice.getByLabel('Annual salary').fill('40000');
		await alice.getByRole('button', { name: 'Add person' }).click();
		await expect(alice.getByTestId('person-name')).toHaveText('Ada Okafor');
		const personPath = new URL(alice.url()).pathname;
		const personId = personPath.split('/').pop() as string;

		const tasksOnly = await invite(alice, wsId, signaling.url, 'Tasks only');
		const withPeople = await invite(alice, wsId, signaling.url, 'People & Payroll (and Tasks)');
		await join(bob, tasksOnly, 'Bob');
		await join(carol, withPeople, 'Carol');
		await waitForPeer(bob);
		await waitForPeer(carol);

		// Alice opens Ada's record. Carol, on the same record, is told; Bob only sees Alice is elsewhere.
		await alice.goto(personPath);
		await carol.goto(personPath);
		await expect(carol.getByText('Alice is also looking at this person.')).toBeVisible({ timeout: 30_000 });
		await expect(alice.getByText('Carol is also looking at this person.')).toBeVisible({ timeout: 30_000 });
		await expect(avatar(bob, 'Alice')).toHaveAttribute('data-section', 'elsewhere', { timeout: 30_000 });
		await expect(avatar(bob, 'Carol')).toHaveAttribute('data-section', 'elsewhere');
		const bobSees = await states(bob);
		expect(bobSees).toContain('Alice');
		expect(bobSees).not.toContain(personId);
		expect(bobSees).not.toMatch(/"people"|"payroll"/);
		// Carol's browser does receive it, on the people shard.
		expect(await states(carol)).toContain(personId);

		// Payroll: still nothing for Bob.
		await alice.goto(`/w/${wsId}/payroll`);
		await expect(avatar(carol, 'Alice')).toHaveAttribute('data-section', 'payroll', { timeout: 30_000 });
		await expect(avatar(bob, 'Alice')).toHaveAttribute('data-section', 'elsewhere');
		expect(await states(bob)).not.toMatch(/"people"|"payroll"/);

		// The signaling server's view: each browser subscribed to as many topics, all of one shape, so
		// the count does not tell it who holds Books or People (decoy rooms pad the rest).
		for (const topics of [aliceTopics, bobTopics, carolTopics]) {
			expect(topics.size).toBe(5);
			for (const t of topics) expect(t).toMatch(/^keel-[A-Za-z0-9_-]{24}$/);
		}
		const shared = (a: Set<string>, b: Set<string>) => [...a].filter((t) => b.has(t)).length;
		expect(shared(aliceTopics, bobTopics)).toBe(2); // meta and tasks
		expect(shared(bobTopics, carolTopics)).toBe(3); // meta, tasks and the Books decoy neither holds

		// Tasks presence reaches Bob: the section, and the task Alice has open.
		await alice.goto(`/w/${wsId}/tasks`);
		await openTask(alice, 'Order uniforms');
		await expect(avatar(bob, 'Alice')).toHaveAttribute('data-section', 'tasks', { timeout: 30_000 });
		await expect(taskRow(bob, 'Order uniforms').getByText('Alice')).toBeVisible();
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
