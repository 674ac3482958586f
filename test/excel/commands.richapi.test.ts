/** The adapter's commands through Microsoft's Office.js client and the RichApi host (see suites/commands.ts). */
import { useMode } from './helpers';
import { commandsSuite } from './suites/commands';

useMode('richapi');
commandsSuite();
