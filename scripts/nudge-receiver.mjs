// The demo's stand-in for an in-app messaging tool (Intercom, Pendo…): it
// receives the alert nudges Touchplan's webhook sends, checks each one's
// HMAC-SHA256 signature with the workspace's secret, answers 204, and prints
// what arrived. `npm run demo` starts it; a real tool would show the message
// to the account's users.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

export function startNudgeReceiver(port, secret, log = console.log) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-touchplan-signature'] ?? ''));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        log('[nudge receiver] refused a request with a bad signature');
        res.writeHead(401).end();
        return;
      }
      const nudge = JSON.parse(body.toString('utf8'));
      if (nudge.type === 'test') log('[nudge receiver] test received, signature verified');
      else log(`[nudge receiver] "${nudge.message?.name}" for ${nudge.account?.name} (${nudge.contacts.length} contacts), rule "${nudge.rule?.name}"${nudge.campaign ? `, enrol in campaign ${nudge.campaign.key}` : ''}, signature verified`);
      res.writeHead(204).end();
    });
  });
  server.listen(port, '127.0.0.1');
  return server;
}
