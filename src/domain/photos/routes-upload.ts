/** Shown inline, never interpreted: no scripts, no plugins, no framing, no sniffing. */
export const PHOTO_CSP =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";
