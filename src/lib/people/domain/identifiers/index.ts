// The face of the identifier validators: each returns Result with a field-named error and never echoes
// the value it rejected; each mask shows only what a person needs to recognise their own number.
export * from './ssn';
export * from './ni-number';
export * from './iban';
export * from './bank-us';
export * from './bank-uk';
