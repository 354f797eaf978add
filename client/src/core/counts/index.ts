/**
 * Whole numbers as the interface writes them: "50,000" (English grouping, whatever the
 * browser's locale, as the rest of the interface is English).
 *
 * Written here rather than with Intl.NumberFormat or toLocaleString: the first locale-aware
 * format in a page sets up ICU's number data, 20-50 ms of main thread on this project's
 * machines, and the status line formats its "500 of 50,000 entities" before the first frame.
 */
export function formatCount(count: number): string {
  const digits = String(Math.trunc(Math.abs(count)));
  return `${count < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
