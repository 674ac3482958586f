/** Member units (安委成员单位, the schedule's department column, the reports' unit column). */
import { cleanName } from './names';
import { splitList } from './text';

/**
 * The units a cell names, cleaned like names, in order, without repeats: split on 、，,；;/ and
 * line breaks, never on spaces. `政法办、纪委、\n\n财政所` → [政法办, 纪委, 财政所].
 */
export function splitUnits(text: string): string[] {
  const out: string[] = [];
  for (const part of splitList(text)) {
    const unit = cleanName(part);
    if (unit !== '' && out.indexOf(unit) < 0) out.push(unit);
  }
  return out;
}
