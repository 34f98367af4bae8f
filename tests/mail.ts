// A real SMTP server to receive mail, and reading what it received as a
// reader would see it. Shared by the email integration tests (through
// tests/smtp.ts) and the content e2e spec, so nothing here imports vitest.
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string; raw: string };

/**
 * An SMTP server (not yet listening) that pushes each message onto `mails`; `to` is the envelope's recipients, lowercased, joined by commas.
 * `refuse`: recipients it rejects (550), to see a per-recipient failure.
 * `unfoldHeaders`: join folded header lines as they arrive, so a long header reads on one line.
 */
export function mailServer(mails: ReceivedMail[], options: { refuse?: (address: string) => boolean; unfoldHeaders?: boolean } = {}): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','), raw: options.unfoldHeaders ? raw.replace(/\r\n[ \t]+/g, ' ') : raw });
        callback();
      });
    },
    onRcptTo(address, _session, callback) {
      callback(options.refuse?.(address.address) ? new Error('550 no such user') : undefined);
    },
  });
}

/** The decoded text of every part of a MIME message (base64 or quoted-printable), for assertions on what a reader sees. */
export function mailText(raw: string): string {
  return raw
    .split(/\r\n--[^\r\n]+\r\n/)
    .map((part) => {
      const [head = '', ...rest] = part.split('\r\n\r\n');
      const body = rest.join('\r\n\r\n');
      if (/content-transfer-encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/content-transfer-encoding: quoted-printable/i.test(head))
        return Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
      return body;
    })
    .join('\n');
}
