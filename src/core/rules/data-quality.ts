/**
 * data-quality (SPEC §2.6): every row that could not be read is reported and coloured grey. The
 * parser finds the problems; this rule turns those on a row into findings.
 */
import type { Finding } from '../types';
import { makeFinding } from './context';
import type { DataQualityDetails, Rule } from './rule';

/**
 * One grey finding per problem with a row (≥ 1); the message is the problem's own message. Problems
 * about a whole sheet (row 0) are counted in the details but colour nothing.
 */
export const dataQuality: Rule<DataQualityDetails> = {
  id: 'data-quality',
  description: '数据质量：无法识别的日期、未知或空白的带队领导、晚于截至日期的日期、重复行等，标灰并说明原因',
  defaultOptions: {},
  check(ctx) {
    const findings: Finding[] = [];
    for (const p of ctx.parsed.problems) {
      if (p.row < 1) continue;
      findings.push(makeFinding('data-quality', p, 'problem', 'data-problem', { code: p.code, column: p.columnName, text: p.message }));
    }
    return { findings, details: { count: ctx.parsed.problems.length } };
  },
};
