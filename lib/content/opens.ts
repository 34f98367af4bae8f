// Which requests for a tracked link count as a person opening it. Opening on
// GET is the point of the link; but mail scanners and chat apps fetch links
// to check or preview them, and browsers prefetch. Those are not opens.

// Link checkers and preview fetchers that announce themselves.
const scanners = [
  /bingpreview/i,
  /safelinks/i,
  /proofpoint/i,
  /mimecast/i,
  /barracuda/i,
  /google-safety/i,
  /googleimageproxy/i,
  /slackbot/i,
  /facebookexternalhit/i,
  /twitterbot/i,
  /linkedinbot/i,
  /whatsapp/i,
  /telegrambot/i,
  /discordbot/i,
  /skypeuripreview/i,
  /microsoft office.*(existence|discovery)/i,
  /ms-office|msoffice/i,
  /(bot|crawler|spider)\b/i,
];

/** Whether this request is a person opening the link (to count), rather than a check, preview or prefetch. */
export function isCountedOpen(request: { method: string; headers: Headers }): boolean {
  if (request.method !== 'GET') return false;
  const purpose = `${request.headers.get('purpose') ?? ''} ${request.headers.get('sec-purpose') ?? ''} ${request.headers.get('x-moz') ?? ''}`;
  if (/prefetch|prerender/i.test(purpose)) return false;
  const agent = request.headers.get('user-agent') ?? '';
  return !scanners.some((s) => s.test(agent));
}

// Types a browser may show in place without running anything of the file's;
// everything else downloads (an uploaded HTML or SVG file would otherwise run
// script on our origin).
const inlineTypes = /^(application\/pdf|image\/(png|jpeg|gif|webp)|video\/(mp4|webm)|audio\/(mpeg|mp4|ogg)|text\/plain)$/;

/** Headers that serve an uploaded file safely: inline only for passive types, never sniffed, sandboxed. */
export function fileHeaders(file: { fileName: string | null; fileType: string | null; size: number }): Record<string, string> {
  const type = file.fileType && /^[\w.+-]+\/[\w.+-]+$/.test(file.fileType) ? file.fileType : 'application/octet-stream';
  const name = file.fileName || 'download';
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = inlineTypes.test(type) ? 'inline' : 'attachment';
  return {
    'Content-Type': type,
    'Content-Length': String(file.size),
    'Content-Disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    'Cache-Control': 'private, no-store',
  };
}
