// Cells that spreadsheet programs would run as a formula start with one of
// these; tab and carriage return are on OWASP's CSV injection list too.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

// Formats one CSV cell (RFC 4180). A cell that starts like a formula gets a
// leading single quote, so opening the export in a spreadsheet never runs
// text that someone put in a label or user agent.
export function formatCsvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) {
    return "";
  }

  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

// Formats a row with the CRLF line ending that RFC 4180 requires.
export function formatCsvRow(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(formatCsvCell).join(",")}\r\n`;
}
