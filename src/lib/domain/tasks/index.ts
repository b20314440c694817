// The face of the Tasks domain: everything outside src/lib/domain/tasks imports from here only.
export * from './types';
export * from './ordering';
export * from './recurrence';
export * from './fields';
export * from './validate';
