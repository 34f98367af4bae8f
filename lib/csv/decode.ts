export type CsvEncoding = 'utf-8' | 'shift_jis';

/**
 * The text of an uploaded CSV file. A UTF-8 byte-order mark settles it;
 * otherwise bytes that are valid UTF-8 (plain ASCII included) are UTF-8, and
 * anything else is taken as Shift_JIS, which is what Japanese Excel writes
 * for "CSV (comma delimited)". The WHATWG shift_jis decoder is Windows-31J,
 * so Excel's extra characters (①, ㈱, 髙) come through too.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Neither UTF-8 nor Shift_JIS (say Latin-1): refuse rather than import garbled names.
    const text = new TextDecoder('shift_jis').decode(bytes);
    return text.includes('\uFFFD') ? null : { text, encoding: 'shift_jis' };
  }
}
