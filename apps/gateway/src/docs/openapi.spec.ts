import { ledger } from '@omnistock/contracts';
import { ALL_ROUTES } from '../routes/all-routes.js';
import { openApiDocument } from './openapi.js';

describe('OpenAPI document', () => {
  const document = openApiDocument(ALL_ROUTES) as any;

  it('documents every route once, with OpenAPI path templates', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => `${method} ${path}`),
    );
    expect(operations).toHaveLength(ALL_ROUTES.length);
    expect(document.paths['/v1/reservations/{id}/extend'].post.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
  });

  it('documents the schemas the gateway validates with, and who may call', () => {
    const receipt = document.paths['/v1/stock/receipts'].post;
    expect(receipt['x-scopes']).toEqual(['warehouse', 'admin']);
    expect(receipt.requestBody.content['application/json'].schema.properties.lines).toEqual(
      JSON.parse(JSON.stringify(ledger.receiveStock.request.schema.properties.lines)),
    );
    expect(receipt.responses['201']).toBeDefined();
    expect(receipt.responses['413']).toBeDefined();
    expect(document.paths['/health'].get.security).toEqual([]);
    const availability = document.paths['/v1/availability'].get.parameters.map(
      (p: { name: string; required: boolean }) => [p.name, p.required],
    );
    expect(availability).toEqual([
      ['skus', true],
      ['channel', true],
      ['location', false],
      ['lat', false],
      ['lon', false],
    ]);
  });
});
