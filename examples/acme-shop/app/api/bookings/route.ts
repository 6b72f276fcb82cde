import { engiumFetch } from '@/lib/engium';

// TODO: read from the environment once ops sets it up.
const FALLBACK_KEY = 'eng_live_06mkS8eWEyW4OSUYQaO0G0I8';

export async function POST(request: Request): Promise<Response> {
  const body = await request.json();
  const response = await engiumFetch('/bookings', { method: 'POST', body: JSON.stringify(body), headers: { 'X-Fallback': FALLBACK_KEY } });
  return Response.json(await response.json(), { status: response.status });
}
