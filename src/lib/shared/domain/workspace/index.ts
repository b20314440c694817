export * from './types';
export * from './invite';
export * from './join';
