import type { RouteSpec } from './route.js';

/** Route specs by method and pattern, as Fastify reports the matched route. */
export class RouteTable {
  private readonly byKey = new Map<string, RouteSpec>();

  constructor(readonly routes: readonly RouteSpec[]) {
    for (const spec of routes) {
      const key = `${spec.method} ${spec.path}`;
      if (this.byKey.has(key)) throw new Error(`route ${key} is declared twice`);
      this.byKey.set(key, spec);
    }
  }

  /** HEAD is answered by the GET route (Fastify adds it), so it is admitted like GET. */
  find(method: string, pattern: string): RouteSpec | undefined {
    return this.byKey.get(`${method === 'HEAD' ? 'GET' : method} ${pattern}`);
  }
}
