/** The format probes on the simulator alone (see suites/probes.ts). */
import { probesSuite } from './suites/probes';

probesSuite();
