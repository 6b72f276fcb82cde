import 'server-only';

export const ENGIUM_BASE_URL = 'https://api.engium.app/api/v1';

export async function engiumFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${ENGIUM_BASE_URL}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${process.env.ENGIUM_API_KEY}`,
      'X-Tenant-ID': process.env.ENGIUM_TENANT_ID ?? '',
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
}
