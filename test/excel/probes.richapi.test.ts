/** The format probes through Microsoft's Office.js client and the RichApi host (see suites/probes.ts). */
import { useMode } from './helpers';
import { probesSuite } from './suites/probes';

useMode('richapi');
probesSuite();
