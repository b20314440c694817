// Issue 13's forged HR approver, in separate Chromium instances: the owner names Ada HR approver through
// the screen; Mallory, who holds the People & Payroll key but is not an approver, is shown the approver
// list read-only, and her edited copy of Keel writes herself into the approvers map with a good seal of
// her own key, then approves Dana's request with a good seal. The owner's browser shows the request
// still awaiting approval, after sync and after a reload, and People → Needs review lists both the
// approver entry and the decision in words. Ada's approval through the screen still counts.
import { expect, test, testDay } from './test';
import { browserPool, startSignaling } from './helpers';
import { forgeApproval, LEAVE_YEAR as Y, leaveTeam, memberIdOf, sealedWrite } from './people-forge-helpers';

test('a People member who writes herself in as HR approver is not one, and her approval does not count', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const { owner, ada, mallory, wsId, personUrl, available } = await leaveTeam(
			pool,
			signaling.url,
			'Approver Trust Co'
		);

		// The owner names Ada HR approver through the screen.
		await owner.goto(`/w/${wsId}/people/settings`);
		await owner.getByLabel('HR approver: Ada').check({ timeout: 30_000 });

		// Mallory's screen offers her no choice: the list is read-only, and says who can change it.
		await mallory.goto(`/w/${wsId}/people/settings`);
		await expect(mallory.getByLabel('HR approver: Ada')).toBeChecked({ timeout: 30_000 });
		await expect(mallory.getByLabel('HR approver: Mallory')).toBeDisabled();
		await expect(mallory.getByTestId('approvers-owner-only')).toHaveText(
			'Only an owner or admin can change who approves leave.'
		);
		await mallory.goto(personUrl);
		await expect(mallory.getByTestId('decide-why')).toHaveText(
			"Only this person's manager or an HR approver can decide this request.",
			{ timeout: 30_000 }
		);
		await expect(mallory.getByLabel('Workspace member (for approvals and checklist tasks)')).toBeDisabled();

		// Her edited copy names her HR approver (sealed with her own key), then approves Dana's leave.
		const me = await memberIdOf(mallory, 'Mallory');
		expect(me).not.toBe('');
		await sealedWrite(mallory, {
			map: 'approvers',
			key: me,
			value: { approver: true, at: `${testDay()}T09:00:00.000Z` }
		});
		expect(await forgeApproval(mallory, { id: 'FORGEDSELFAPPROVER', byName: 'Mallory' })).toEqual({
			by: true,
			requestId: true
		});

		// The owner's Needs review lists both, in words, once they arrive.
		await owner.goto(`/w/${wsId}/people/review`);
		const entry = owner.getByTestId('people-authority-not-counted');
		await expect(entry).toHaveCount(1, { timeout: 30_000 });
		await expect(entry).toContainText('Mallory made an HR approver');
		await expect(entry).toContainText('Signed by Mallory (People & Payroll');
		await expect(entry).toContainText('Made an HR approver by someone who is not an owner or admin.');
		const decision = owner.getByTestId('people-not-counted');
		await expect(decision).toHaveCount(1, { timeout: 30_000 });
		await expect(decision).toContainText(`The approval of leave for Dana Ruiz (${Y}-12-14 to ${Y}-12-15)`);
		await expect(decision).toContainText('Approved by someone who is not an HR approver or the manager.');
		await expect(owner.getByTestId('people-review-count')).toHaveText('2');
		// No internal id on screen.
		await expect(owner.locator('body')).not.toContainText(me);

		/** Dana's request still awaits approval, her balance is as it was, and Mallory is no approver. */
		const unchanged = async () => {
			await owner.goto(personUrl);
			await expect(owner.getByTestId('leave-status')).toHaveText('Awaiting approval');
			await expect(owner.getByTestId('leave-available').first()).toHaveText(available);
			await owner.goto(`/w/${wsId}/people/settings`);
			await expect(owner.getByLabel('HR approver: Ada')).toBeChecked();
			await expect(owner.getByLabel('HR approver: Mallory')).not.toBeChecked();
		};
		await unchanged();
		// After a reload (the shard read back from IndexedDB), still so, and still listed.
		await owner.reload();
		await unchanged();
		await owner.goto(`/w/${wsId}/people/review`);
		await expect(entry).toHaveCount(1, { timeout: 30_000 });
		await expect(decision).toHaveCount(1);
		// Mallory's own copy does not count them either.
		await mallory.goto(personUrl);
		await mallory.reload();
		await expect(mallory.getByTestId('leave-status')).toHaveText('Awaiting approval', { timeout: 30_000 });

		// Ada, the HR approver the owner named, approves through the screen: that counts for the owner.
		await ada.goto(personUrl);
		await ada
			.getByTestId('leave-request')
			.getByRole('button', { name: 'Approve' })
			.click({ timeout: 30_000 });
		await expect(ada.getByTestId('leave-status')).toHaveText('Approved');
		await owner.goto(personUrl);
		await expect(owner.getByTestId('leave-status')).toHaveText('Approved', { timeout: 30_000 });
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
