/** The adapter's commands on the simulator alone (see suites/commands.ts). */
import { commandsSuite } from './suites/commands';

commandsSuite();
