// Which loaded pack a new one would clash with, and what importing it means. Invariant: at most one
// pack covers any day for a kind of tables; the same pack again (same checksum) changes nothing.
import { fail, ok, type Result } from '../../../shared/domain';
import type { LoadedPack } from './active';
import { checkRulePack } from './check-pack';
import { fieldWords } from './field-words';
import { datesOverlap, KIND_WORDS } from './pack';

/** A different pack of the same kind whose dates meet this one's. */
export function overlapOf(pack: LoadedPack, others: readonly LoadedPack[]): LoadedPack | undefined {
	return others.find(
		(o) =>
			o.kind === pack.kind &&
			o.header.checksum !== pack.header.checksum &&
			datesOverlap(o.header, pack.header)
	);
}

/** How a person names a pack: its title and dates. */
export function packWords(p: LoadedPack): string {
	return `“${p.header.title}” (${p.header.effectiveFrom} to ${p.header.effectiveTo})`;
}

export interface ImportPlan {
	readonly pack: LoadedPack;
	/** The same pack, already built in or imported: importing it again changes nothing. */
	readonly already?: LoadedPack;
}

/** Checks a pack for import against the packs already loaded (built-in and imported). */
export function planImport(raw: unknown, loaded: readonly LoadedPack[], file?: string): Result<ImportPlan> {
	const checked = checkRulePack(raw, file ? { file } : {});
	if (!checked.ok) return checked;
	const pack = checked.value;
	const already = loaded.find((p) => p.header.checksum === pack.header.checksum);
	if (already) return ok({ pack, already });
	const clash = overlapOf(pack, loaded);
	if (clash) {
		const message = `covers dates already covered by the ${clash.builtIn ? 'built-in' : 'imported'} ${KIND_WORDS[clash.kind]} ${packWords(clash)}; a different pack for the same dates is refused`;
		return fail('payroll/pack-overlap', `${fieldWords('$.pack.effectiveFrom')}: ${message}`, {
			problems: [{ field: fieldWords('$.pack.effectiveFrom'), message }]
		});
	}
	return ok({ pack });
}
