/** Command-line options: what is accepted, and that every mistake is a clear error, never a guess. */
import { parseArgs } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';

describe('parseArgs accepts', () => {
  const cases: Array<[string, string[], object]> = [
    ['only the workbook', ['a.xlsx'], { input: 'a.xlsx', month: undefined, asOf: undefined, out: undefined, json: undefined, failOnRed: false, force: false }],
    [
      'every option, space separated',
      ['a.xlsx', '--month', '2019-08', '--as-of', '2019-09-02', '--out', 'o/b.xlsx', '--json', 'o/b.json', '--fail-on', 'red', '--force'],
      { input: 'a.xlsx', month: '2019-08', asOf: '2019-09-02', out: 'o/b.xlsx', json: 'o/b.json', failOnRed: true, force: true },
    ],
    ['options with =, before the workbook', ['--month=2019-8', '--as-of=2019-09-02', 'a.xlsx'], { input: 'a.xlsx', month: '2019-8', asOf: '2019-09-02' }],
    ['a workbook name starting with - after --', ['--', '-a.xlsx'], { input: '-a.xlsx' }],
    ['an upper-case extension', ['A.XLSX', '--out', 'B.XLSX'], { input: 'A.XLSX', out: 'B.XLSX' }],
  ];
  test.each(cases)('%s', (_name, argv, expected) => {
    expect(parseArgs(argv)).toMatchObject({ help: false, ...expected });
  });

  test.each([[['--help']], [['-h']], [['a.xlsx', '--help']], [['--bogus', '-h']]])('help: %j', (argv) => {
    expect(parseArgs(argv as string[])).toEqual({ help: true });
  });
});

describe('parseArgs refuses', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no workbook', [], /请指定要检查的工作簿/],
    ['two workbooks', ['a.xlsx', 'b.xlsx'], /只能检查一个工作簿/],
    ['an unknown option', ['a.xlsx', '--monht', '2019-08'], /不认识的选项“--monht”/],
    ['a missing value', ['a.xlsx', '--month'], /--month 缺少值/],
    ['a value that is another option', ['a.xlsx', '--month', '--force'], /--month 缺少值/],
    ['an empty value', ['a.xlsx', '--month='], /--month 缺少值/],
    ['a repeated option', ['a.xlsx', '--month', '2019-08', '--month', '2019-09'], /重复/],
    ['a bad month', ['a.xlsx', '--month', '2019-13'], /检查月份“2019-13”无法识别/],
    ['a month in Chinese', ['a.xlsx', '--month', '2019年8月'], /无法识别/],
    ['a bad as-of date', ['a.xlsx', '--as-of', '2019-02-30'], /截至日期“2019-02-30”无法识别/],
    ['an as-of date in another form', ['a.xlsx', '--as-of', '2019/9/2'], /无法识别/],
    ['--fail-on other than red', ['a.xlsx', '--fail-on', 'yellow'], /只支持 red/],
    ['an output that is not .xlsx', ['a.xlsx', '--out', 'b.xls'], /须以 \.xlsx 结尾/],
    ['a JSON file that is not .json', ['a.xlsx', '--json', 'b.txt'], /须以 \.json 结尾/],
    ['a value given to a flag', ['a.xlsx', '--force=yes'], /不带值/],
  ];
  test.each(cases)('%s', (_name, argv, message) => {
    expect(() => parseArgs(argv)).toThrow(CliError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  test('every refusal names the problem in Chinese and in English', () => {
    try {
      parseArgs(['a.xlsx', '--as-of', 'tomorrow']);
      throw new Error('should have refused');
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).zh).toMatch(/截至日期/);
      expect((error as CliError).en).toMatch(/--as-of/);
    }
  });
});
