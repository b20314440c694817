// What makes a Books replica judge its entries again when facts are signed: a batch's seal arriving
// (its entries), an adoption or a lock change arriving (everything), and the seal checker settling
// (the entries it was asked about). Returns the one call that stops watching.
import type * as Y from 'yjs';
import { batchSealsMap, type BooksAuthority } from './authority';
import { adoptionsMap } from './adoption';
import { lockChangesMap } from './lock';
import { batchEntryIds } from './doc';

export function watchAuthority(
	doc: Y.Doc,
	authority: BooksAuthority & { invalidate(): void },
	rejudge: {
		/** These entries only. */
		entries(ids: Iterable<string>): void;
		/** Every entry, with the lock read afresh. */
		all(): void;
		/** After the checker answered: the entries waiting for it (the replica knows which). */
		checked(): void;
	}
): () => void {
	const seals = batchSealsMap(doc);
	const adoptions = adoptionsMap(doc);
	const lockChanges = lockChangesMap(doc);
	const onSeals = (event: Y.YMapEvent<unknown>) => {
		const ids = new Set<string>();
		for (const k of event.keysChanged) for (const id of batchEntryIds(doc, k)) ids.add(id);
		rejudge.entries(ids);
	};
	const onAll = () => rejudge.all();
	seals.observe(onSeals);
	adoptions.observe(onAll);
	lockChanges.observe(onAll);
	const unsubscribe = authority.checker.subscribe(() => {
		authority.invalidate();
		rejudge.checked();
	});
	return () => {
		seals.unobserve(onSeals);
		adoptions.unobserve(onAll);
		lockChanges.unobserve(onAll);
		unsubscribe();
	};
}
