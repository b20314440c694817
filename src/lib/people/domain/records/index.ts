// People's stored records, schema first: one valibot schema per record gives the check applied to
// data from peers and backups, the form parsers' checks, and (through recordKind) its version and
// numbered migrations. Each schema is proved at compile time to match its interface.
export * from './history';
export * from './leave';
export * from './person';
export * from './bundles';
