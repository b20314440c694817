// Issue 13's forged leave approval, in separate Chromium instances: the owner names Ada HR approver;
// Mallory, who holds the People & Payroll key but is not an approver nor anyone's manager, runs an
// edited copy of Keel and approves Dana's request by writing straight into the people shard — once
// sealed with her own key under her own name (the approval rule refuses her), once sealed with her
// key but naming Ada as the one who decided. The owner's browser still shows the request awaiting
// approval, with the balance unchanged, after sync and after a reload, and People → Needs review
// lists both in words. Ada's real approval through the screen still counts.
import { expect, test } from './test';
import { browserPool, startSignaling } from './helpers';
import { forgeApproval as forgeDecision, LEAVE_YEAR as Y, leaveTeam } from './people-forge-helpers';

test('a leave approval forged by a People member who may not decide it is not applied, and is listed in words', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		// Dana asks for leave; Ada and Mallory join with People & Payroll access, each in a browser of her own.
		const { owner, ada, mallory, wsId, personUrl, available } = await leaveTeam(
			pool,
			signaling.url,
			'Leave Trust Co'
		);

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
			await expect(owner.getByTestId('leave-available').first()).toHaveText(available);
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
