/** See suites/large.ts: on the simulator alone. */
import { largeLoweredWriteSuite } from './suites/large';

largeLoweredWriteSuite();
