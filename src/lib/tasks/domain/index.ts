// The face of the Tasks domain: everything outside src/lib/tasks/domain imports from here only.
export * from './types';
export * from './ordering';
export * from './recurrence';
export { isIsoInstant, type FieldError } from './fields';
export * from './validate';
export * from './filters';
export * from './templates';
export * from './template-library';
export * from './messages';
