/** The SQLSTATE of a database error, however deeply the driver or the ORM wrapped it. */
export function pgErrorCode(e: unknown): string | undefined {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
