/** See suites/parity.ts: through Microsoft's Office.js client and the RichApi host. */
import { useMode } from './helpers';
import { paritySuite } from './suites/parity';

useMode('richapi');
paritySuite();
