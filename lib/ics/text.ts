// RFC 5545 content lines: TEXT escaping (§3.3.11) and folding (§3.1).

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops control characters TEXT may not hold. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // The controls RFC 5545 TEXT excludes (HTAB and LF stay).
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  );
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line so no line is longer than 75 octets (CRLF not
 * counted), breaking only between characters, never inside a UTF-8
 * sequence: a Japanese character is 3 octets, an emoji 4. Continuation
 * lines start with one space, which counts towards their 75.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Joins content lines with CRLF, folded, ending with CRLF as the format requires. */
export function joinLines(lines: readonly string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
