// The days `npm run test:dates` sets "today" to: the last day of a calendar year and the first of the
// next, the last day of a UK tax year and the first of the next, and a leap day.
export const DAYS = ['2026-12-31', '2027-01-01', '2027-04-05', '2027-04-06', '2028-02-29'];
