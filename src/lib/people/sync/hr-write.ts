// Writing HR facts (decisions, leave entries, history) in one transaction. In a workspace with member
// keys each is first sealed by this device (signing is asynchronous, so they are written a moment
// later, already checked); when it cannot sign (the key is gone) nothing is written.
import type * as Y from 'yjs';
import type { DeviceKey } from '$lib/shared/crypto/signing';
import * as docs from './doc';
import type { HrJudge } from './hr-judge';
import type { SealedHrMap } from './sealed-hr';

export interface HrItem {
	readonly map: SealedHrMap;
	readonly key: string;
	readonly value: object;
}

/** Writes now (no signer or no judge: returns undefined), or after sealing (returns when written). */
export function writeHrFacts(
	doc: Y.Doc,
	hr: HrJudge | null,
	signer: { device: DeviceKey; workspaceId: string } | null,
	items: readonly HrItem[],
	first?: () => void
): Promise<void> | undefined {
	const write = (values: readonly object[]) =>
		doc.transact(() => {
			first?.();
			items.forEach((i, n) => docs.insertFact(doc, i.map, i.key, values[n]));
		});
	if (!signer || !hr || items.length === 0) {
		write(items.map((i) => i.value));
		return undefined;
	}
	return hr
		.sealAll(signer, items)
		.then(write)
		.catch(() => undefined);
}
