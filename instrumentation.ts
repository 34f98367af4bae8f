// Runs once when a server starts; the Node.js part lives in its own module
// so the edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./lib/server-start');
}
