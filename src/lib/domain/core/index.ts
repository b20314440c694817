export * from './result';
export * from './money';
export * from './dates';
export * from './random';
