// One CSV cell as text, safe to open in a spreadsheet. Quoting follows RFC 4180; a text cell a
// spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) gets a leading
// apostrophe, while a plain decimal such as "-12.50" stays a number.
const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
