/** See suites/large.ts: on the simulator alone. */
import { largeLoweredLimitSuite } from './suites/large';

largeLoweredLimitSuite();
