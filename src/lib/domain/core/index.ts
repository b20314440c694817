export * from './result';
export * from './money';
export * from './dates';
export * from './random';
export * from './sha256';
