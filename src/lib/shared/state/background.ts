// Work a state class starts and does not wait for (recording when a workspace was opened, flushing
// the task list's index, sharing document files, bringing the books worker up to date). Its failure
// must not vanish as an unhandled rejection: `background` reports it once, in words naming what was
// being done. Nothing here is the only copy of anything (the Y.Docs are), so the app carries on.

/** Runs `work` without waiting for it; a failure is reported as "Keel: <what> failed: <reason>". */
export function background(work: Promise<unknown>, what: string): void {
	work.catch((e: unknown) => {
		console.error(`Keel: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
	});
}
