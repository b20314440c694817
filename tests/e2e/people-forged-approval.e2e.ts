// Issue 13's forged leave approval, in separate Chromium instances: the owner names Ada HR approver;
// Mallory, who holds the People & Payroll key but is not an approver nor anyone's manager, runs an
// edited copy of Keel and approves Dana's request by writing straight into the people shard — once
// sealed with her own key under her own name (the approval rule refuses her), once sealed with her
// key but naming Ada as the one who decided. The owner's browser still shows the request awaiting
// approval, with the balance unchanged, after sync and after a reload, and People → Needs review
// lists both in words. Ada's real approval through the screen still counts.
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';
import { browserPool, createWorkspace, invite, join, startSignaling, waitForPeer } from './helpers';

// Everything happens in the leave year of the test day.
const Y = testDay().slice(0, 4);

/** Mallory's edited copy: writes a decision on Dana's request, sealed with her device key. */
async function forgeDecision(page: Page, p: { id: string; byName: string }) {
	return page.evaluate(
		async ({ id, byName, at }) => {
			type YMap = {
				get: (k: string) => unknown;
				set: (k: string, v: unknown) => void;
				forEach: (f: (v: unknown, k: string) => void) => void;
			};
			type Doc = { getMap: (n: string) => YMap };
			const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
			const people = keel.debug.shardDoc('people') as Doc;
			const meta = keel.debug.shardDoc('meta') as Doc;
			let by = '';
			meta.getMap('members').forEach((m, memberId) => {
				if ((m as { name?: string }).name === byName) by = memberId;
			});
			let requestId = '';
			people.getMap('leave').forEach((v, k) => {
				if ((v as { kind?: string }).kind === 'request') requestId = k;
			});
			const canonical = (x: unknown): string => {
				if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
				if (x !== null && typeof x === 'object') {
					const o = x as Record<string, unknown>;
					return `{${Object.keys(o)
						.filter((k) => o[k] !== undefined)
						.sort()
						.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
						.join(',')}}`;
				}
				return JSON.stringify(x) ?? 'null';
			};
			const b64 = (b: ArrayBuffer) =>
				btoa(String.fromCharCode(...new Uint8Array(b)))
					.replace(/\+/g, '-')
					.replace(/\//g, '_')
					.replace(/=+$/, '');
			const wsId = location.pathname.split('/')[2] ?? '';
			const device = await new Promise<{ publicKey: string; privateKey: CryptoKey }>((resolve, reject) => {
				const open = indexedDB.open('keel-registry');
				open.onerror = () => reject(new Error('no registry'));
				open.onsuccess = () => {
					const get = open.result.transaction('workspaces').objectStore('workspaces').get(wsId);
					get.onsuccess = () =>
						resolve((get.result as { device: { publicKey: string; privateKey: CryptoKey } }).device);
					get.onerror = () => reject(new Error('no entry'));
				};
			});
			const value = { id, requestId, status: 'approved', by, byName, at };
			const message = canonical({
				t: 'keel-fact/1',
				workspaceId: wsId,
				shard: 'people',
				map: 'decisions',
				key: id,
				value
			});
			const sig = b64(
				await crypto.subtle.sign({ name: 'Ed25519' }, device.privateKey, new TextEncoder().encode(message))
			);
			people.getMap('decisions').set(id, { ...value, seal: { by: device.publicKey, sig } });
			return { by: Boolean(by), requestId: Boolean(requestId) };
		},
		{ ...p, at: `${testDay()}T10:00:00.000Z` }
	);
}

test('a leave approval forged by a People member who may not decide it is not applied, and is listed in words', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const owner = await pool.newPage();
		const wsId = await createWorkspace(owner, 'Leave Trust Co', 'Olga');
		await owner.goto(`/w/${wsId}/people/policies`);
		await owner.getByRole('button', { name: /Add: UK annual leave/ }).click();
		await expect(owner.getByTestId('policy')).toContainText('25 days a year');
		await owner.goto(`/w/${wsId}/people/new`);
		await owner.getByLabel('Given name').fill('Dana');
		await owner.getByLabel('Family name').fill('Ruiz');
		await owner.getByLabel('Job title').fill('Nurse');
		await owner.getByLabel('Department').fill('Care');
		await owner.getByLabel('Location').fill('London');
		await owner.getByLabel('Start date').fill(`${Y}-01-01`);
		await owner.getByLabel('Annual salary').fill('40000');
		await owner.getByRole('button', { name: 'Add person' }).click();
		await expect(owner.getByTestId('person-name')).toHaveText('Dana Ruiz');
		const personUrl = new URL(owner.url()).pathname;
		await owner.getByLabel('Leave first day').fill(`${Y}-12-14`);
		await owner.getByLabel('Leave last day').fill(`${Y}-12-15`);
		await owner.getByRole('button', { name: 'Request leave' }).click();
		await expect(owner.getByTestId('leave-status')).toHaveText('Awaiting approval');
		const available = await owner.getByTestId('leave-available').first().textContent();

		// Ada and Mallory join with People & Payroll access, each in a browser of her own.
		const adaLink = await invite(owner, wsId, signaling.url, 'People & Payroll (and Tasks)');
		const ada = await pool.newPage();
		await join(ada, adaLink, 'Ada');
		await waitForPeer(ada);
		const malloryLink = await invite(owner, wsId, signaling.url, 'People & Payroll (and Tasks)');
		const mallory = await pool.newPage();
		await mallory.addInitScript(() => localStorage.setItem('keel-debug', '1'));
		await join(mallory, malloryLink, 'Mallory');
		await waitForPeer(mallory);

		// The owner names Ada HR approver.
		await owner.goto(`/w/${wsId}/people/settings`);
		await owner.getByLabel('HR approver: Ada').check({ timeout: 30_000 });

		// Mallory's screen refuses her; her edited copy writes the approvals anyway.
		await mallory.goto(personUrl);
		await expect(mallory.getByTestId('decide-why')).toHaveText(
			"Only this person's manager or an HR approver can decide this request.",
			{ timeout: 30_000 }
		);
		expect(await forgeDecision(mallory, { id: 'FORGED0OWN', byName: 'Mallory' })).toEqual({
			by: true,
			requestId: true
		});
		expect(await forgeDecision(mallory, { id: 'FORGED1ADA', byName: 'Ada' })).toEqual({
			by: true,
			requestId: true
		});

		// The owner's Needs review lists both, in words, once they arrive.
		await owner.goto(`/w/${wsId}/people/review`);
		const listed = owner.getByTestId('people-not-counted');
		await expect(listed).toHaveCount(2, { timeout: 30_000 });
		await expect(
			listed.filter({ hasText: 'Approved by someone who is not an HR approver or the manager.' })
		).toContainText('Signed by Mallory (People & Payroll');
		await expect(
			listed.filter({
				hasText: 'It names another member as the one who decided than the member who signed it.'
			})
		).toContainText('Signed by Mallory (People & Payroll');
		await expect(listed.first()).toContainText(
			`The approval of leave for Dana Ruiz (${Y}-12-14 to ${Y}-12-15)`
		);
		await expect(owner.getByTestId('people-review-count')).toHaveText('2');

		/** Dana's request still awaits approval and her balance is as it was. */
		const unchanged = async () => {
			await owner.goto(personUrl);
			await expect(owner.getByTestId('leave-status')).toHaveText('Awaiting approval');
			await expect(owner.getByTestId('leave-available').first()).toHaveText(available ?? '');
		};
		await unchanged();
		// After a reload (the shard read back from IndexedDB), still so, and still listed.
		await owner.reload();
		await unchanged();
		await owner.goto(`/w/${wsId}/people/review`);
		await expect(listed).toHaveCount(2, { timeout: 30_000 });
		// Mallory's own copy does not count them either.
		await mallory.reload();
		await expect(mallory.getByTestId('leave-status')).toHaveText('Awaiting approval', { timeout: 30_000 });

		// Ada, the HR approver, approves through the screen: that counts, on the owner's side too.
		await ada.goto(personUrl);
		await ada
			.getByTestId('leave-request')
			.getByRole('button', { name: 'Approve' })
			.click({ timeout: 30_000 });
		await expect(ada.getByTestId('leave-status')).toHaveText('Approved');
		await owner.goto(personUrl);
		await expect(owner.getByTestId('leave-status')).toHaveText('Approved', { timeout: 30_000 });
		await owner.goto(`/w/${wsId}/people/review`);
		await expect(listed).toHaveCount(2);
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
