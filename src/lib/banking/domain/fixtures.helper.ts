// Test helper: reads third-party fixtures and parses them (tests only; uses node:fs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unwrap } from '../../shared/domain';
import { parseStatementFile } from './statement';
import type { Statement } from './types';

/** The shared fixtures sit beside the project checkout (`../shared`), wherever it is cloned. */
export const FIXTURES = join(__dirname, '../../../../../shared/fixtures/third-party');

export function fixtureBytes(path: string): Uint8Array {
	return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

export function parseFixture(path: string): Statement[] {
	return unwrap(parseStatementFile({ bytes: fixtureBytes(path), fileName: path.split('/').pop() as string }));
}

export function parseFixtureResult(path: string) {
	return parseStatementFile({ bytes: fixtureBytes(path), fileName: path.split('/').pop() as string });
}

/** [date, amount, payee] of each line, for compact assertions. */
export function brief(s: Statement): [string, string, string][] {
	return s.lines.map((l) => [l.date, l.amount, l.payee]);
}
