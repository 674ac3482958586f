/** See suites/large.ts: through Microsoft's Office.js client and the RichApi host. */
import { useMode } from './helpers';
import { largeBlocksSuite } from './suites/large';

useMode('richapi');
largeBlocksSuite();
