const FALLBACK_ZONE = 'Asia/Shanghai';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The server's APP_TIMEZONE, which it writes into the page it serves. */
export const APP_TIME_ZONE: string = (() => {
  const zone = document.querySelector<HTMLMetaElement>('meta[name="app-timezone"]')?.content ?? '';
  return isTimeZone(zone) ? zone : FALLBACK_ZONE;
})();

/** Today's calendar date (YYYY-MM-DD) in APP_TIMEZONE: the day deadlines are judged by. */
export function todayInAppZone(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
