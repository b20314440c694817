// A question to a worker whose answer stays current. `ask` runs inside an effect, so every reactive
// value it reads (its own inputs, and `BooksState.version`, which `books.ask` reads, bumped once the
// books worker has caught up with a change) makes it ask again; an answer that arrives after a newer
// question was asked is dropped. Screens hold one of these per question instead of each keeping its
// own sequence counter. Create it while a component initialises (it owns an effect).

import { describeError, type DomainError, type Result } from '../domain';

export class LiveQuery<T> {
	/** The latest answer, kept while a newer question is on its way (no flicker). */
	value = $state.raw<T | undefined>(undefined);
	/** The latest question's failure in words (`describeError`), or null. */
	error = $state<string | null>(null);
	/** The latest question's failure with its code, or null. */
	failure = $state.raw<DomainError | null>(null);
	/** Whether the latest question is still unanswered. */
	loading = $state(true);
	#asked = 0;

	constructor(ask: () => Promise<Result<T>> | null, onAnswer?: (value: T) => void) {
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
						this.failure = null;
						onAnswer?.(r.value);
					} else this.#fail(r.error);
				},
				(e: unknown) => {
					if (mine !== this.#asked) return;
					this.loading = false;
					this.#fail({ code: 'worker/failed', message: e instanceof Error ? e.message : String(e) });
				}
			);
		});
	}

	#fail(error: DomainError): void {
		this.failure = error;
		this.error = describeError(error);
	}
}
