/** See suites/large.ts: on the simulator alone. */
import { largeBlocksSuite } from './suites/large';

largeBlocksSuite();
