// A question to a worker whose answer stays current. `ask` runs inside an effect, so every reactive
// value it reads (its own inputs, and `BooksState.version`, which `books.ask` reads, bumped once the
// books worker has caught up with a change) makes it ask again; an answer that arrives after a newer
// question was asked is dropped. Screens hold one of these per question instead of each keeping its
// own sequence counter. Create it while a component initialises (it owns an effect).

/** The two answer shapes workers give: `{ ok: false, error: { message } }` and `{ ok: false, message }`. */
export type Answer<T> =
	{ ok: true; value: T } | { ok: false; error: { message: string } } | { ok: false; message: string };

export class LiveQuery<T> {
	/** The latest answer, kept while a newer question is on its way (no flicker). */
	value = $state.raw<T | undefined>(undefined);
	/** The latest question's failure in words, or null. */
	error = $state<string | null>(null);
	/** Whether the latest question is still unanswered. */
	loading = $state(true);
	#asked = 0;

	constructor(ask: () => Promise<Answer<T>> | null, onAnswer?: (value: T) => void) {
		$effect(() => {
			const pending = ask();
			if (pending === null) return;
			const mine = ++this.#asked;
			this.loading = true;
			pending.then(
				(r) => {
					if (mine !== this.#asked) return;
					this.loading = false;
					if (r.ok) {
						this.value = r.value;
						this.error = null;
						onAnswer?.(r.value);
					} else this.error = 'error' in r ? r.error.message : r.message;
				},
				(e: unknown) => {
					if (mine !== this.#asked) return;
					this.loading = false;
					this.error = e instanceof Error ? e.message : String(e);
				}
			);
		});
	}
}
