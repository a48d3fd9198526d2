/** The quote a file writes its strings with: the one it uses more. */
export function quoteStyle(text: string): 'single' | 'double' {
  const single = text.split("'").length;
  const double = text.split('"').length;
  return double > single ? 'double' : 'single';
}
