// The face of rule packs: the tax tables as data a person can load. Built-in packs ship with Keel;
// imported ones are checked whole, stored by checksum and made active for the engine.
export {
	PACK_FORMAT,
	PACK_KINDS,
	KIND_WORDS,
	canonicalJson,
	packChecksum,
	sealPack,
	datesOverlap,
	type PackKind,
	type RulePackHeader
} from './pack';
export {
	activateRulePacks,
	activeRulePacks,
	missingRulesOf,
	missingRulesMessage,
	type LoadedPack,
	type MissingRules
} from './active';
export {
	checkRulePack,
	packProblems,
	builtInPacks,
	builtInPackResults,
	type PackProblem
} from './check-pack';
export { planImport, overlapOf, packWords, type ImportPlan } from './overlap';
export {
	judgeStoredPacks,
	storedPack,
	packsFromTexts,
	packText,
	type StoredPack,
	type PackInReview,
	type PackText
} from './stored-packs';
export { fieldWords } from './field-words';
