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
} from '$lib/people/domain';
import { nowIso } from '../../shared/state/ids';

export async function toBase64(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** The reads of PeopleState an export needs. */
export interface PersonSources {
	person(id: string): Employee | undefined;
	history<T>(personId: string, area: 'employment' | 'compensation'): History<T>;
	leave(personId: string): { events: LeaveEvent[] };
	documents(personId: string): DocumentMeta[];
	file(id: string): Promise<Blob | undefined>;
}

/** Everything Keel holds about one person: the engine's export plus each document's bytes (base64). */
export async function personExportFile(
	s: PersonSources,
	personId: string
): Promise<{ fileName: string; text: string } | null> {
	const person = s.person(personId);
	if (!person) return null;
	const histories = {
		employment: s.history<Employment>(personId, 'employment'),
		compensation: s.history<Compensation>(personId, 'compensation')
	};
	const leave = s.leave(personId);
	const metas = s.documents(personId);
	const bundle = personExport(person, histories, leave.events, metas, { exportedAt: nowIso() });
	const files: { id: string; fileName: string; mimeType: string; base64: string | null }[] = [];
	for (const m of metas) {
		const blob = await s.file(m.id);
		files.push({
			id: m.id,
			fileName: m.fileName,
			mimeType: m.mimeType,
			base64: blob ? await toBase64(blob) : null
		});
	}
	// The file name carries the id only: names stay out of download lists and synced folders.
	return { fileName: `keel-person-${personId}.json`, text: JSON.stringify({ ...bundle, files }, null, 2) };
}
