// Canonical JSON: the one byte sequence a signed statement's body is signed and checked over, so two
// devices that hold the same body (whatever order its keys arrived in) verify the same bytes. It is
// the audit log's own canonical form (keys sorted, no spaces, undefined fields left out): one way.
export { canonicalJson, canonicalWithout } from '../audit';
