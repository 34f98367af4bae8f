export type CsvEncoding = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

/**
 * The text of an uploaded CSV file. A byte-order mark settles it (UTF-8, or
 * UTF-16 as Excel's "Unicode text" and Microsoft Teams' attendance reports
 * write it); UTF-16 without a mark is recognised by its zero bytes, since
 * every ASCII character (delimiters, digits, line ends) has one. Otherwise
 * bytes that are valid UTF-8 (plain ASCII included) are UTF-8, and anything
 * else is taken as Shift_JIS, which is what Japanese Excel writes for "CSV
 * (comma delimited)". The WHATWG shift_jis decoder is Windows-31J, so
 * Excel's extra characters (①, ㈱, 髙) come through too.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : unmarkedUtf16(bytes);
  if (utf16) {
    try {
      const body = bytes[0] === 0xff || bytes[0] === 0xfe ? bytes.subarray(2) : bytes;
      return { text: new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(body), encoding: utf16 };
    } catch {
      return null;
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Neither UTF-8 nor Shift_JIS (say Latin-1): refuse rather than import garbled names.
    const text = new TextDecoder('shift_jis').decode(bytes);
    return text.includes('\uFFFD') ? null : { text, encoding: 'shift_jis' };
  }
}

/**
 * UTF-16 without a byte-order mark: most of the first bytes' odd (LE) or even
 * (BE) positions are zero. UTF-8 and Shift_JIS text never holds a zero byte.
 */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 4) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const pairs = sample.length / 2;
  // A CJK character can have a zero low byte (U+5B00), so "almost none" on the other side.
  if (zeroOdd > pairs / 2 && zeroEven < pairs / 10) return 'utf-16le';
  if (zeroEven > pairs / 2 && zeroOdd < pairs / 10) return 'utf-16be';
  return null;
}
