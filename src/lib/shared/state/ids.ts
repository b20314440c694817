// Ids for new records: ULIDs, monotonic within this page so records created in one burst keep their order.
import { monotonicFactory } from 'ulid';

const next = monotonicFactory();
export const newId = (): string => next();
export const nowIso = (): string => new Date().toISOString();
