/** See suites/large.ts: on the simulator alone. */
import { largeLoweredReadSuite } from './suites/large';

largeLoweredReadSuite();
