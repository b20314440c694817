// Web Worker entry for Payroll: pay runs and gross-to-net batches run here, off the main thread.
import { expose } from 'comlink';
import { payrollApi } from './api';

expose(payrollApi);
