import {
  addDays,
  formatLocalDate,
  localDateOf,
  zonedParts,
  weekdayOf,
  type LocalDate,
} from '../time/zoned-time.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "order within 2 h 14 min": what a storefront shows next to the option. */
export function cutoffText(remainingSeconds: number): string {
  const minutes = Math.max(Math.floor(remainingSeconds / 60), 0);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (rest > 0 || parts.length === 0)
    parts.push(`${parts.length === 0 && rest < 1 ? '<1' : rest} min`);
  return `order within ${parts.join(' ')}`;
}

/** "today", "tomorrow" or "Tue 31 Mar", relative to `nowMs` in the same zone. */
export function dayText(date: LocalDate, nowMs: number, timeZone: string): string {
  const today = localDateOf(nowMs, timeZone);
  const key = formatLocalDate(date);
  if (key === formatLocalDate(today)) return 'today';
  if (key === formatLocalDate(addDays(today, 1))) return 'tomorrow';
  return `${WEEKDAYS[weekdayOf(date) - 1]} ${date.day} ${MONTHS[date.month - 1]}`;
}

export function wallTimeText(instantMs: number, timeZone: string): string {
  const p = zonedParts(instantMs, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
