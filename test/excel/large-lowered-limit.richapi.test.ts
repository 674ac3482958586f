/** See suites/large.ts: through Microsoft's Office.js client and the RichApi host. */
import { useMode } from './helpers';
import { largeLoweredLimitSuite } from './suites/large';

useMode('richapi');
largeLoweredLimitSuite();
