/**
 * CSV fields for the run's CSV export: the one way a text value enters a CSV file. A field is quoted (RFC
 * 4180, quotes doubled) when it holds a comma, quote or line break, and a field that a spreadsheet would
 * read as a formula (starting with = + - @, tab or return) is prefixed with a single quote (OWASP's advice
 * against CSV injection). Numbers are written by the caller, finite or empty.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
