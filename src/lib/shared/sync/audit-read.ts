// Reading a shard's audit log: the stored entries with the client and clock each really sits at,
// the log checked (readAuditLog), the runs of items deleted outright in the shard (deletedRuns, for
// the deletions no signed entry accounts for), and a throttled watch for a screen to re-read.
import * as Y from 'yjs';
import { checkAudit, type AuditCheck, type StoredAuditValue } from '$lib/shared/domain/audit';
import type { DeletedRun } from '$lib/shared/domain/audit-deletions';
import { auditArray, type AnyType, type AuditWords } from './audit-changes';

/** The stored log values with the client and clock each really sits at. */
export function storedValues(doc: Y.Doc): StoredAuditValue[] {
	const out: StoredAuditValue[] = [];
	for (let item = auditArray(doc)._start; item !== null; item = item.right) {
		if (item.deleted || !item.countable) continue;
		const content = item.content.getContent();
		content.forEach((value, i) => out.push({ value, client: item.id.client, clock: item.id.clock + i }));
	}
	return out;
}

/**
 * Every run of items someone deleted outright in the shard, with where each was in words (its
 * top-level map's name, "Other data" when the words do not know it). Left out: the log itself
 * (whose removed entries the chain check finds); a map value that a later value replaced (a write,
 * which the log accounts for, or the loser of two concurrent writes, deleted by Yjs itself); and
 * anything inside a deleted record (it went with the record, whose own deletion is judged).
 */
export function deletedRuns(doc: Y.Doc, words: AuditWords): DeletedRun[] {
	const runs: DeletedRun[] = [];
	const log = auditArray(doc) as unknown as AnyType;
	for (const [client, structs] of doc.store.clients) {
		let last: { run: DeletedRun; end: number } | null = null;
		for (const s of structs) {
			if (!s.deleted || !(s instanceof Y.Item) || !(s.parent instanceof Y.AbstractType)) continue;
			if (s.parentSub !== null && s.right !== null) continue;
			if (s.parent._item?.deleted) continue;
			let top: AnyType = s.parent;
			while (top._item !== null && top._item.parent instanceof Y.AbstractType) top = top._item.parent;
			if (top === log) continue;
			const what = words[Y.findRootTypeKey(top)] ?? 'Other data';
			if (last && last.end === s.id.clock && last.run.what === what) {
				const run: DeletedRun = { ...last.run, len: last.run.len + s.length };
				runs[runs.length - 1] = run;
				last = { run, end: s.id.clock + s.length };
			} else {
				const run: DeletedRun = { client, clock: s.id.clock, len: s.length, what };
				runs.push(run);
				last = { run, end: s.id.clock + s.length };
			}
		}
	}
	return runs;
}

/** The shard's audit log, checked: entries that hold up, and what does not. */
export function readAuditLog(doc: Y.Doc): AuditCheck {
	return checkAudit(storedValues(doc), Y.decodeStateVector(Y.encodeStateVector(doc)));
}

/** Calls `onChange` (at most every `waitMs`) after the shard changes, so a screen can re-read its log. */
export function observeAuditLog(doc: Y.Doc, onChange: () => void, waitMs = 300): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	const onUpdate = () => {
		if (timer !== null) return;
		timer = setTimeout(() => {
			timer = null;
			onChange();
		}, waitMs);
	};
	doc.on('update', onUpdate);
	return () => {
		if (timer !== null) clearTimeout(timer);
		doc.off('update', onUpdate);
	};
}
