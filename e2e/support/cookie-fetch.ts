// A fetch for Node that behaves like one browser: relative URLs against a base, and a cookie jar.
export interface CookieFetch {
  fetch: typeof fetch;
  signIn(username: string, password: string): Promise<unknown>;
}

export function cookieFetch(baseUrl: string): CookieFetch {
  const jar = new Map<string, string>();
  const fetchWithCookies = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, baseUrl);
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }) as typeof fetch;
  return {
    fetch: fetchWithCookies,
    async signIn(username, password) {
      const response = await fetchWithCookies('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
        body: JSON.stringify({ username, password }),
      });
      if (!response.ok) throw new Error(`sign-in as ${username} failed: ${response.status}`);
      return response.json();
    },
  };
}
