// The face of member identity: canonical JSON, the signed trust statements and the role computation.
export * from './canonical';
export * from './statements';
export * from './roles';
export * from './rekey';
export * from './signer-name';
