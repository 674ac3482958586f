/** See suites/parity.ts: on the simulator alone. */
import { paritySuite } from './suites/parity';

paritySuite();
