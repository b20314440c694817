// Keeps this device's copy of the directory cards in step with the people shard, so the next open
// paints the list at once from Dexie while the shard loads. Written shortly after a change, and only
// when some card differs; an erased person's card is gone from the next write. Losing the copy loses
// nothing: the next open writes it again.
import type { PersonCard } from '$lib/people/domain';
import { readDirectory, writeDirectory, type PeopleLocalDb } from '$lib/people/storage/local';

const WRITE_DELAY_MS = 300;

export class DirectoryProjection {
	readonly #db: PeopleLocalDb;
	/** What the store holds, as JSON, so an unchanged directory is not rewritten. */
	#written = '';
	#timer: ReturnType<typeof setTimeout> | undefined;
	#pending: Promise<void> = Promise.resolve();

	constructor(db: PeopleLocalDb) {
		this.#db = db;
	}

	/** The cards from the last session, or [] (first open, or the store is unavailable). */
	async preview(): Promise<PersonCard[]> {
		try {
			const cards = await readDirectory(this.#db);
			this.#written = JSON.stringify(cards);
			return cards;
		} catch {
			return [];
		}
	}

	/** Schedules a write of `current()` (read when the timer fires, so bursts of changes write once). */
	schedule(current: () => readonly PersonCard[]): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#pending = this.#pending.then(() => this.#write(current())).catch(() => undefined);
		}, WRITE_DELAY_MS);
	}

	async #write(cards: readonly PersonCard[]): Promise<void> {
		const json = JSON.stringify(cards);
		if (json === this.#written) return;
		await writeDirectory(this.#db, cards);
		this.#written = json;
	}

	/** Writes now (tests, and before a backup). */
	async flush(current: () => readonly PersonCard[]): Promise<void> {
		clearTimeout(this.#timer);
		this.#pending = this.#pending.then(() => this.#write(current()));
		await this.#pending;
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
