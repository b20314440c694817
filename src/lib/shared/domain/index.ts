export * from './result';
export * from './money';
export * from './money-format';
export * from './currency';
export * from './commodity';
export * from './dates';
export * from './random';
export * from './sha256';
