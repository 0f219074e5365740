import Fastify from 'fastify';
import type { ApiKeyStore } from './api-key.store.js';
import { installAuthentication } from './authenticate.js';
import { RateLimiter } from './rate-limiter.js';
import { RouteTable } from '../routes/route-table.js';
import { route } from '../routes/route.js';
import { Type } from '@omnistock/contracts';

describe('authentication hook', () => {
  const listed = route({
    method: 'GET',
    path: '/listed',
    tag: 't',
    summary: 's',
    scopes: 'open',
    status: 200,
    reply: Type.Null(),
  });
  const keys = { authenticate: async () => null } as unknown as ApiKeyStore;

  it('refuses to boot when a served route is missing from the route table (it would have no auth)', async () => {
    const app = Fastify();
    installAuthentication(app, new RouteTable([listed]), keys, new RateLimiter(1, 1));
    app.get('/listed', async () => null);
    expect(() => app.get('/unlisted', async () => null)).toThrow(/not in the route table/);
    await app.close();
  });
});
