import { makeBenchWorkbook, toWorkbookInput, CHECK } from './generate';
import { checkWorkbook } from '../src/core';
const n = +process.argv[2];
const input = toWorkbookInput(makeBenchWorkbook(n));
for (let i = 0; i < +process.argv[3]; i++) { const t0 = Date.now(); checkWorkbook(input, CHECK); console.log(Date.now() - t0); }
