// What leaves People as a file about one person: the engine's export bundle plus each document's
// bytes in base64, under a file name that carries the person's id only (names stay out of download
// lists and synced folders). Plain functions.
import {
	personExport,
	type DocumentMeta,
	type Employee,
	type Employment,
	type Compensation,
	type History,
	type LeaveEvent
} from '$lib/domain/hr';
import { nowIso } from './ids';

export async function toBase64(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** Everything Keel holds about one person: the engine's export plus each document's bytes (base64). */
export async function personExportFile(p: {
	person: Employee;
	personId: string;
	histories: { employment: History<Employment>; compensation: History<Compensation> };
	events: LeaveEvent[];
	metas: DocumentMeta[];
	file: (id: string) => Promise<Blob | undefined>;
}): Promise<{ fileName: string; text: string }> {
	const bundle = personExport(p.person, p.histories, p.events, p.metas, { exportedAt: nowIso() });
	const files: { id: string; fileName: string; mimeType: string; base64: string | null }[] = [];
	for (const m of p.metas) {
		const blob = await p.file(m.id);
		files.push({ id: m.id, fileName: m.fileName, mimeType: m.mimeType, base64: blob ? await toBase64(blob) : null });
	}
	// The file name carries the id only: names stay out of download lists and synced folders.
	return { fileName: `keel-person-${p.personId}.json`, text: JSON.stringify({ ...bundle, files }, null, 2) };
}
