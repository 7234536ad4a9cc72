/**
 * ISO 8601 durations as Azure Lighthouse takes them for `maximumActivationDuration` (PT8H,
 * PT1H30M, P1D…). Only the duration form `P…` is accepted; fractions only on seconds, the way .NET
 * reads them. Years and months have no fixed length: they count as 365 and 30 days, which only
 * matters for telling that they are far too long.
 */
const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The duration in seconds, or undefined when the text is not an ISO 8601 duration. */
export function parseIsoDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) {
    return undefined;
  }
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) =>
    part === undefined ? 0 : Number(part.replace(',', '.')),
  );
  return (
    years * 365 * DAY + months * 30 * DAY + weeks * 7 * DAY + days * DAY + hours * HOUR + minutes * MINUTE + seconds
  );
}
