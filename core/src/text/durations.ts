/**
 * Durations in messages: "1 hour 30 minutes", "45 seconds", and in Korean "1시간 30분", "45초".
 * Every unit is a key of the translation bundle, with its form for one (see counts.ts), so no
 * message shows an English unit such as "9 h" or "10 min" to a reader of another language.
 */
import { t } from '../l10n';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

function hours(count: number): string {
  return count === 1 ? t('1 hour') : t('{0} hours', count);
}

function minutes(count: number): string {
  return count === 1 ? t('1 minute') : t('{0} minutes', count);
}

function seconds(count: number): string {
  return count === 1 ? t('1 second') : t('{0} seconds', count);
}

/** `total` seconds in hours, minutes and seconds (days count as 24 hours): "24 hours", "8 hours 1 second". */
export function formatDuration(total: number): string {
  const wholeHours = Math.floor(total / HOUR);
  const wholeMinutes = Math.floor((total % HOUR) / MINUTE);
  const rest = Math.round((total % MINUTE) * 1000) / 1000;
  const parts = [wholeHours ? hours(wholeHours) : '', wholeMinutes ? minutes(wholeMinutes) : '', rest ? seconds(rest) : ''];
  return parts.filter(Boolean).join(' ') || seconds(0);
}

/** An activation duration of the form PT…H…M as a person reads it ("1 hour 30 minutes"), or undefined for any other text. */
export function formatHoursAndMinutes(duration: string): string | undefined {
  const match = /^PT(?:(\d{1,4})H)?(?:(\d{1,6})M)?$/.exec(duration.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    return undefined;
  }
  const total = Number(match[1] ?? 0) * HOUR + Number(match[2] ?? 0) * MINUTE;
  return total > 0 ? formatDuration(total) : undefined;
}
