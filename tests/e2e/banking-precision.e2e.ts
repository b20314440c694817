// A bank statement with an amount finer than its currency (12.345 in a USD file) is refused in real
// Chromium with the file, line and amount named, and nothing is written; the corrected file imports.
import { expect, test } from './test';
import { createWorkspace } from './helpers';

const ofx = (amount: string) =>
	Buffer.from(
		[
			'OFXHEADER:100',
			'DATA:OFXSGML',
			'',
			'<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD',
			'<BANKACCTFROM><BANKID>1<ACCTID>2<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>',
			'<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260601<TRNAMT>-5.00<FITID>A1<NAME>Cafe</STMTTRN>',
			`<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260602<TRNAMT>${amount}<FITID>A2<NAME>Corner Shop</STMTTRN>`,
			'</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>'
		].join('\n')
	);

test('banking: an amount beyond the cent is refused, naming the file and line; nothing is written', async ({
	page
}) => {
	const wsId = await createWorkspace(page, 'Precise Bakery', 'Robin');
	await page.goto(`/w/${wsId}/banking`);
	await page.getByRole('button', { name: 'New bank account' }).click();
	const form = page.getByRole('form', { name: 'New bank account' });
	await form.getByLabel('Bank account name').fill('Main checking');
	await form.getByLabel('IBAN or account number').fill('DE14740618130000033626');
	await form.getByRole('button', { name: 'Create bank account' }).click();
	await expect(page.getByRole('status')).toContainText('Created Main checking');
	const card = page.getByRole('region', { name: 'Bank account Main checking' });

	const importFile = async (amount: string) => {
		const toggle = card.getByRole('button', { name: 'Import a statement' });
		if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
		await card
			.getByLabel(/Statement file/)
			.setInputFiles({ name: 'june.ofx', mimeType: 'application/x-ofx', buffer: ofx(amount) });
		await card
			.getByRole('group', { name: 'Statement to import' })
			.getByRole('button', { name: 'Import', exact: true })
			.click();
	};
	await importFile('-12.345');
	await expect(card.getByRole('alert')).toContainText(
		'june.ofx, line 7, amount: -12.345 has more decimal places than USD amounts have (2). Keel does not round bank amounts'
	);
	await expect(card.getByRole('table', { name: 'Statements of Main checking' })).toHaveCount(0);
	await card.getByRole('button', { name: 'Discard' }).click();

	await importFile('-12.35');
	await expect(card.getByRole('status')).toHaveText('Imported 2 new lines from june.ofx.');
});
