import { describe, expect, it } from 'vitest';
import {
	canPreview,
	checkDocumentUpload,
	documentExpiryReminders,
	MAX_DOCUMENT_BYTES,
	type DocumentMeta
} from './documents';
import { d } from './test-fixtures';

function doc(id: string, expiresOn: string | null, type: DocumentMeta['type'] = 'id'): DocumentMeta {
	return {
		schemaVersion: 1,
		id,
		personId: 'emp-1',
		type,
		fileName: `${id}.pdf`,
		mimeType: 'application/pdf',
		sizeBytes: 1000,
		uploadedAt: '2025-01-01T00:00:00Z',
		uploadedBy: 'hr-1',
		expiresOn: expiresOn === null ? null : d(expiresOn)
	};
}

describe('documents', () => {
	it('enforces the 20 MB limit', () => {
		expect(checkDocumentUpload({ ...doc('a', null), sizeBytes: MAX_DOCUMENT_BYTES }).ok).toBe(true);
		const r = checkDocumentUpload({ ...doc('a', null), sizeBytes: MAX_DOCUMENT_BYTES + 1 });
		expect(r.ok ? '' : r.error.code).toBe('hr/document-size');
		expect(r.ok ? '' : r.error.message).toContain('20.0 MB limit');
		expect(checkDocumentUpload({ ...doc('a', null), sizeBytes: 0 }).ok).toBe(false);
		expect(checkDocumentUpload({ ...doc('a', '2025-02-30') }).ok).toBe(false);
	});
	it('previews only images and PDFs', () => {
		expect(['image/png', 'image/jpeg', 'IMAGE/WEBP', 'application/pdf'].map(canPreview)).toEqual([
			true,
			true,
			true,
			true
		]);
		expect(['text/html', 'image/', 'application/pdfx', 'application/zip'].map(canPreview)).toEqual([
			false,
			false,
			false,
			false
		]);
	});
	it('lists expiring and expired documents within the lead time, soonest first', () => {
		const docs = [
			doc('passport', '2025-03-01'),
			doc('visa', '2025-01-20'),
			doc('cert', '2025-06-01', 'certificate'),
			doc('contract', null, 'contract'),
			doc('old', '2024-12-31')
		];
		const r = documentExpiryReminders(docs, d('2025-01-15'), 45);
		expect(r.map((x) => [x.documentId, x.daysLeft, x.expired])).toEqual([
			['old', -15, true],
			['visa', 5, false],
			['passport', 45, false]
		]);
	});
});
