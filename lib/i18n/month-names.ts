// Month names are formatted by the one formatting layer; this name stays for its callers.
export { monthNames } from '@/lib/format';
