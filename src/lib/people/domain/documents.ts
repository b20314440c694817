// Document metadata only (the bytes live elsewhere): uploads above the size limit are refused, only
// images and PDFs are previewed, and documents whose expiry falls within the lead time are listed for
// a reminder, soonest first, expired ones included.
import { addDays, daysBetween, ok, parseIsoDate, type IsoDate, type Result } from '../../shared/domain';
import { fieldError } from './errors';
import type { EmployeeId } from './employee-types';

export type DocumentType = 'contract' | 'id' | 'certificate' | 'other';

export interface DocumentMeta {
	/** The version it was written at (see records/: the kind upgrades older ones). */
	readonly schemaVersion: number;
	readonly id: string;
	readonly personId: EmployeeId;
	readonly type: DocumentType;
	readonly fileName: string;
	readonly mimeType: string;
	readonly sizeBytes: number;
	readonly uploadedAt: string;
	readonly uploadedBy: EmployeeId;
	readonly expiresOn: IsoDate | null;
	/** Lowercase hex SHA-256 of the file, so a copy received from a teammate can be checked. */
	readonly sha256?: string;
}

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export function checkDocumentUpload(
	doc: Pick<DocumentMeta, 'fileName' | 'mimeType' | 'sizeBytes' | 'expiresOn'>,
	maxBytes = MAX_DOCUMENT_BYTES
): Result<true> {
	if (!Number.isInteger(doc.sizeBytes) || doc.sizeBytes <= 0) {
		return fieldError('sizeBytes', 'hr/document-size', `${doc.fileName}: file is empty`);
	}
	if (doc.sizeBytes > maxBytes) {
		const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
		return fieldError(
			'sizeBytes',
			'hr/document-size',
			`${doc.fileName}: ${mb(doc.sizeBytes)} MB is over the ${mb(maxBytes)} MB limit`,
			{
				sizeBytes: doc.sizeBytes,
				maxBytes
			}
		);
	}
	if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(doc.mimeType))
		return fieldError('mimeType', 'hr/document-type', `${doc.fileName}: unknown file type`);
	if (doc.expiresOn !== null && !parseIsoDate(doc.expiresOn)) {
		return fieldError('expiresOn', 'hr/date-format', `${doc.fileName}: expiresOn must be YYYY-MM-DD`);
	}
	return ok(true);
}

/** Images and PDFs are shown inline; anything else is offered as a download only. */
export function canPreview(mimeType: string): boolean {
	const m = mimeType.toLowerCase();
	return m === 'application/pdf' || /^image\/[a-z0-9.+-]+$/.test(m);
}

export interface ExpiryReminder {
	readonly documentId: string;
	readonly personId: EmployeeId;
	readonly type: DocumentType;
	readonly expiresOn: IsoDate;
	/** Negative once expired. */
	readonly daysLeft: number;
	readonly expired: boolean;
}

export function documentExpiryReminders(
	docs: readonly DocumentMeta[],
	today: IsoDate,
	leadDays: number
): ExpiryReminder[] {
	const horizon = addDays(today, leadDays);
	return docs
		.filter(
			(doc): doc is DocumentMeta & { expiresOn: IsoDate } =>
				doc.expiresOn !== null && doc.expiresOn <= horizon
		)
		.map((doc) => ({
			documentId: doc.id,
			personId: doc.personId,
			type: doc.type,
			expiresOn: doc.expiresOn,
			daysLeft: daysBetween(today, doc.expiresOn),
			expired: doc.expiresOn < today
		}))
		.sort((a, b) => a.daysLeft - b.daysLeft || (a.documentId < b.documentId ? -1 : 1));
}
