// A real SMTP server for an integration test file: started on a free
// 127.0.0.1 port before the file's tests, SMTP_URL pointed at it, and both
// put back afterwards. What arrives is what a recipient would get.
import { afterAll, beforeAll } from 'vitest';
import { mailServer, type ReceivedMail } from './mail';

export type TestSmtp = {
  /** Every message received, in order. */
  mails: ReceivedMail[];
  /** The messages whose envelope is for exactly this address (case-insensitive). */
  mailsTo: (email: string) => ReceivedMail[];
  /** smtp://127.0.0.1:PORT, set once the server listens (in beforeAll). */
  readonly url: string;
};

/** Registers beforeAll/afterAll hooks for the calling test file; options as `mailServer`'s. */
export function startTestSmtp(options: Parameters<typeof mailServer>[1] = {}): TestSmtp {
  const mails: ReceivedMail[] = [];
  const server = mailServer(mails, options);
  let url = '';
  let saved: string | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
    saved = process.env.SMTP_URL;
    process.env.SMTP_URL = url;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  return {
    mails,
    mailsTo: (email) => mails.filter((m) => m.to === email.toLowerCase()),
    get url() {
      return url;
    },
  };
}
