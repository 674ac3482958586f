/** See suites/merges.ts: through Microsoft's Office.js client and the RichApi host. */
import { useMode } from './helpers';
import { mergesSuite } from './suites/merges';

useMode('richapi');
mergesSuite();
