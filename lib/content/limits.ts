// The library's upload limit, apart from the validation schemas: the upload
// form shows it, and importing zod into a client bundle costs a CSP eval probe
// (zod 4 tries `Function("")` to decide whether it may compile validators).

/** The largest file a content version may be, in MB. */
export const maxContentMegabytes = 20;
