// A question to a worker whose answer stays current. `ask` runs inside an effect, so every reactive
// value it reads (its own inputs, and `BooksState.version`, which `books.ask` reads, bumped once the
// books worker has caught up with a change) makes it ask again; an answer that arrives after a newer
// question was asked is dropped. Screens hold one of these per question instead of each keeping its
// own sequence counter. Create it while a component initialises (it owns an effect).
//
// A question that is costly to answer (the bank matcher over 10,000 lines) can wait for its inputs to
// settle: with `debounceMs`, `ask` returns the request as a function (reading its reactive inputs
// first, synchronously) and the request is sent once nothing has changed for that long.

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

	constructor(
		ask: () => Promise<Result<T>> | (() => Promise<Result<T>>) | null,
		onAnswer?: (value: T) => void,
		options: { debounceMs?: number } = {}
	) {
		$effect(() => {
			const asked = ask();
			if (asked === null) return;
			const mine = ++this.#asked;
			this.loading = true;
			const send = typeof asked === 'function' ? asked : () => asked;
			if (!options.debounceMs) {
				this.#settle(send(), mine, onAnswer);
				return;
			}
			const timer = setTimeout(() => this.#settle(send(), mine, onAnswer), options.debounceMs);
			return () => clearTimeout(timer);
		});
	}

	#settle(pending: Promise<Result<T>>, mine: number, onAnswer?: (value: T) => void): void {
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
	}

	#fail(error: DomainError): void {
		this.failure = error;
		this.error = describeError(error);
	}
}
