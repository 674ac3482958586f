/** See suites/large.ts: on the simulator alone. */
import { largeRealLimitSuite } from './suites/large';

largeRealLimitSuite();
