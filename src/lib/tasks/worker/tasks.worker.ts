// Web Worker entry for tasks: projection rebuilds and search run here, off the main thread.
import { expose } from 'comlink';
import { tasksApi } from './api';

expose(tasksApi);
