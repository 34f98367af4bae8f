type Cookie = { name: string; value: string };

/** Stands in for next/headers' cookie store in integration tests. */
class CookieJar {
  private store = new Map<string, Cookie>();
  get(name: string) {
    return this.store.get(name);
  }
  getAll() {
    return [...this.store.values()];
  }
  has(name: string) {
    return this.store.has(name);
  }
  set(name: string, value: string) {
    this.store.set(name, { name, value });
    return this;
  }
  delete(name: string) {
    this.store.delete(name);
    return this;
  }
  clear() {
    this.store.clear();
  }
}

export const cookieJar = new CookieJar();
