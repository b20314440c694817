// Document preview in real Chromium: the type comes from the file's bytes, never from its name or
// the type the uploader's browser stated. A web page or drawing with a script, renamed .pdf, is never
// rendered (its script never runs, here or in a frame); a real PDF is offered as "Download to view"
// (Chromium's PDF viewer does not run in a sandboxed frame); plain text shows in a frame sandboxed
// with no permissions; a PNG shows as an image.
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';
import { createWorkspace } from './helpers';

const Y = testDay().slice(0, 4);
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);
/** Each script leaves a mark where the app's page could see it: a global, storage, the title. */
const SCRIPT = `try{parent.keelPwned=1;top.keelPwned=1;localStorage.setItem('keelPwned','1');top.document.title='pwned'}catch(e){}window.keelPwned=1;`;
const HTML = Buffer.from(`<!doctype html><html><body><script>${SCRIPT}</script>Payslip</body></html>`);
const SVG = Buffer.from(
	`<svg xmlns="http://www.w3.org/2000/svg" onload="${SCRIPT}"><script>${SCRIPT}</script></svg>`
);
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

async function addDocument(page: Page, name: string, mimeType: string, buffer: Buffer) {
	await page.getByLabel('Document file').setInputFiles({ name, mimeType, buffer });
	await page.getByRole('button', { name: 'Add document' }).click();
	await expect(page.getByTestId('document').filter({ hasText: name })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByTestId('document').filter({ hasText: name });

async function pwned(page: Page) {
	return page.evaluate(() => ({
		global: (window as unknown as { keelPwned?: number }).keelPwned ?? null,
		stored: localStorage.getItem('keelPwned'),
		title: document.title,
		frames: [...document.querySelectorAll('iframe')].map((f) => f.getAttribute('sandbox'))
	}));
}

test('documents: previews follow the bytes; a script renamed .pdf never runs', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	const wsId = await createWorkspace(page, 'Harbour Clinic', 'Priya');
	await page.goto(`/w/${wsId}/people/new`);
	await page.getByLabel('Given name').fill('Ada');
	await page.getByLabel('Family name').fill('Okafor');
	await page.getByLabel('Job title').fill('Nurse');
	await page.getByLabel('Department').fill('Care');
	await page.getByLabel('Location').fill('London');
	await page.getByLabel('Start date').fill(`${Y}-01-01`);
	await page.getByLabel('Annual salary').fill('40000');
	await page.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByTestId('person-name')).toHaveText('Ada Okafor');
	const title = await page.title();

	// The attacks: a web page and a drawing, each named and typed as a PDF.
	await addDocument(page, 'payslip.pdf', 'application/pdf', HTML);
	await addDocument(page, 'contract.pdf', 'application/pdf', SVG);
	for (const name of ['payslip.pdf', 'contract.pdf']) {
		await row(page, name).getByRole('button', { name: 'Preview' }).click();
		await expect(row(page, name).getByTestId('preview-refused')).toContainText(
			`${name} is not shown: its contents are a web page or drawing (HTML, SVG or XML)`
		);
		await expect(page.getByTestId('document-preview')).toHaveCount(0);
		await expect(page.locator('iframe')).toHaveCount(0);
	}
	// Let any script that had been loaded have its chance to run; none did.
	await page.waitForTimeout(500);
	expect(await pwned(page)).toEqual({ global: null, stored: null, title, frames: [] });
	expect(dialogs).toEqual([]);

	// "Download to view" hands over the bytes as they are, as an opaque download.
	await row(page, 'payslip.pdf').getByRole('button', { name: 'Preview' }).click();
	const download = page.waitForEvent('download');
	await row(page, 'payslip.pdf').getByRole('button', { name: 'Download to view' }).click();
	expect((await download).suggestedFilename()).toBe('payslip.pdf');
	expect(await pwned(page)).toEqual({ global: null, stored: null, title, frames: [] });

	// A real PDF is offered as a download, with the reason on screen.
	await addDocument(page, 'offer.pdf', 'application/pdf', PDF);
	await row(page, 'offer.pdf').getByRole('button', { name: 'Preview' }).click();
	await expect(row(page, 'offer.pdf').getByTestId('preview-refused')).toContainText(
		'offer.pdf is a PDF. This browser cannot show PDFs safely inside Keel'
	);
	await expect(row(page, 'offer.pdf').getByRole('button', { name: 'Download to view' })).toBeVisible();
	await expect(page.locator('iframe')).toHaveCount(0);

	// Plain text (stated as HTML by its name) shows as text, in a frame sandboxed with no permissions.
	await addDocument(page, 'notes.html', 'text/html', Buffer.from(`Start Monday. ${SCRIPT}`));
	await row(page, 'notes.html').getByRole('button', { name: 'Preview' }).click();
	const frame = page.getByTestId('document-preview').locator('iframe');
	await expect(frame).toHaveAttribute('sandbox', '');
	await expect(frame).toHaveAttribute('title', 'Document preview (plain text)');
	await expect(page.frameLocator('[data-testid="document-preview"] iframe').locator('body')).toContainText(
		'Start Monday.'
	);
	expect((await pwned(page)).global).toBeNull();

	// An image whose stated type is wrong is still shown as the image its bytes are.
	await addDocument(page, 'scan.pdf', 'application/pdf', PNG);
	await row(page, 'scan.pdf').getByRole('button', { name: 'Preview' }).click();
	const img = page.getByTestId('document-preview').getByRole('img');
	await expect(img).toBeVisible();
	expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
	expect(await img.evaluate((el: HTMLImageElement) => el.src.startsWith('blob:'))).toBe(true);
	expect(await pwned(page)).toEqual({ global: null, stored: null, title, frames: [] });
});
