/** See suites/large.ts: on the simulator alone. */
import { largeAreasSuite } from './suites/large';

largeAreasSuite();
