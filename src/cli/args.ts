/** Command-line options of `duty-check`, parsed strictly: a typo is an error, never a guess. */
import { parseIsoDay, parseIsoMonth } from '../core/day';
import { CliError } from './errors';

export interface CliOptions {
  input: string;
  /** `YYYY-MM`, or undefined for the month of asOf. */
  month?: string;
  /** `YYYY-MM-DD`, or undefined for today. */
  asOf?: string;
  out?: string;
  json?: string;
  failOnRed: boolean;
  force: boolean;
}

export type ParsedArgs = { help: true } | ({ help: false } & CliOptions);

export const HELP_TEXT = [
  '安全生产履职检查 duty-check —— 检查乡镇党政领导带队检查、隐患整改、会议和述职报告是否按规定完成，',
  '给工作簿中的记录行标色，并新增“履职汇总 YYYY-MM”汇总表。原文件不会被修改。',
  'Checks a township workbook against its safety-duty rules; writes a coloured copy with a summary sheet.',
  '',
  '用法 Usage:',
  '  npm run duty-check -- <工作簿.xlsx> [选项]',
  '',
  '选项 Options:',
  '  --month YYYY-MM       检查的月份；默认上个月，本月截止日再过 5 天后为本月 (default: last month until the 25th + 5 days)',
  '  --as-of YYYY-MM-DD    截至日期，默认为今天 (as-of date; default: today)',
  '  --out 文件.xlsx       结果工作簿，默认为“<原文件名>-检查结果.xlsx”，与原文件同一文件夹',
  '                        (output workbook; default: <input name>-检查结果.xlsx beside the input)',
  '  --json 文件.json      另存一份 JSON 格式的检查结果 (also write the findings as JSON)',
  '  --fail-on red         有红色（未完成/逾期）记录时以退出码 1 结束，便于脚本判断',
  '                        (exit with code 1 when any row is red)',
  '  --force               结果文件已存在时覆盖它（永远不会覆盖原文件）',
  '                        (overwrite an existing output; the input is never overwritten)',
  '  -h, --help            显示本帮助 (show this help)',
  '',
  '退出码 Exit codes:',
  '  0  检查完成（无论结果如何） the check ran',
  '  1  使用了 --fail-on red 且有红色记录 --fail-on red and red rows were found',
  '  2  用法或输入错误，未写入任何文件 usage or input error; nothing was written',
  '',
  '示例 Example:',
  '  npm run duty-check -- 大栗港镇-2019.xlsx --month 2019-08 --as-of 2019-09-02',
].join('\n');

const VALUE_OPTIONS = ['--month', '--as-of', '--out', '--json', '--fail-on'];
const FLAG_OPTIONS = ['--force', '--help', '-h'];

/** Parses argv (without node and the script). Throws CliError for anything it cannot accept. */
export function parseArgs(argv: string[]): ParsedArgs {
  // Asking for help wins over any mistake elsewhere on the line.
  const end = argv.indexOf('--');
  if (argv.slice(0, end < 0 ? argv.length : end).some((a) => a === '--help' || a === '-h')) return { help: true };
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let force = false;
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositional || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { help: true };
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.indexOf(name) >= 0) {
      if (eq > 0) throw usage('选项 ' + name + ' 不带值', 'option ' + name + ' takes no value');
      force = true;
      continue;
    }
    if (VALUE_OPTIONS.indexOf(name) < 0) {
      throw usage('不认识的选项“' + arg + '”', 'unknown option ' + JSON.stringify(arg));
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1].startsWith('--') && argv[i + 1].length > 2)) value = argv[++i];
    if (value === undefined || value === '') throw usage('选项 ' + name + ' 缺少值', 'option ' + name + ' needs a value');
    if (values[name] !== undefined) throw usage('选项 ' + name + ' 重复出现', 'option ' + name + ' given twice');
    values[name] = value;
  }

  if (positional.length === 0) throw usage('请指定要检查的工作簿（.xlsx 文件）', 'give the workbook to check');
  if (positional.length > 1) {
    throw usage('只能检查一个工作簿，多余的参数：' + positional.slice(1).join(' '), 'only one workbook can be checked at a time');
  }

  const month = values['--month'];
  if (month !== undefined && !parseIsoMonth(month)) {
    throw usage('检查月份“' + month + '”无法识别，请写成 YYYY-MM，例如 2019-08', 'bad --month, use YYYY-MM');
  }
  const asOf = values['--as-of'];
  if (asOf !== undefined && parseIsoDay(asOf) === null) {
    throw usage('截至日期“' + asOf + '”无法识别，请写成 YYYY-MM-DD，例如 2019-09-02', 'bad --as-of, use YYYY-MM-DD');
  }
  const failOn = values['--fail-on'];
  if (failOn !== undefined && failOn !== 'red') {
    throw usage('--fail-on 只支持 red', '--fail-on only accepts red');
  }
  const out = values['--out'];
  // The extension must also match the input's kind (.xlsm for a workbook with macros): checked
  // once the input is read.
  if (out !== undefined && !/\.(xlsx|xlsm|xltx|xltm)$/i.test(out)) {
    throw usage('结果文件须以 .xlsx 结尾（启用宏的工作簿为 .xlsm）：' + out, 'the output must be an .xlsx (or, with macros, .xlsm) file');
  }
  const json = values['--json'];
  if (json !== undefined && !/\.json$/i.test(json)) {
    throw usage('JSON 文件须以 .json 结尾：' + json, 'the JSON report must be a .json file');
  }
  return { help: false, input: positional[0], month, asOf, out, json, failOnRed: failOn === 'red', force };
}

function usage(zh: string, en: string): CliError {
  return new CliError(zh + '。用法见 --help。', en + ' (see --help).');
}
