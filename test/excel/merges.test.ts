/** See suites/merges.ts: on the simulator alone. */
import { mergesSuite } from './suites/merges';

mergesSuite();
