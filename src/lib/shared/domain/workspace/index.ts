export * from './types';
export * from './invite';
