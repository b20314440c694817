// The face of leave: policies and holiday calendars are data, requests and adjustments are the stored
// facts, and every balance is derived from them on demand.
export type * from './types';
export * from './holidays';
export { leaveYearContaining, isWorkingDay, type LeaveYear } from './calendar';
export { requestDays, decideRequest, type DayUnit } from './requests';
export { validateLeavePolicy } from './policy';
export { leaveBalance, type LeaveBalance } from './balance';
export { checkOverdraw, checkNewRequest, type OverdrawReport, type OverdrawnRequest } from './overdraw';
export type { LeaveContext } from './replay';
export { applyDecisions, type DecidedRequest } from './decisions';
export { checkBalanceChange, balanceChanges, MAX_REASON_LENGTH, type BalanceChange } from './adjustments';
export { canDecideLeave, type ApprovalContext, type Authority } from './approval';
