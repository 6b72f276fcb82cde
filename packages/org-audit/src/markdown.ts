/** Text made safe for one Markdown table cell: no pipe, backtick or line break can end the cell early. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ');
}
