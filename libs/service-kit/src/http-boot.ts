import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyServerOptions } from 'fastify';
import type { AddressInfo } from 'node:net';
import { closerFor, natsStrategyFor, startBackground, type Worker } from './lifecycle.js';
import type { ServiceConfig } from './config.js';
import { healthControllerFor } from './health.js';
import type { ServiceRuntime } from './runtime.js';
import {
  openServicePlumbing,
  serviceKitModule,
  type PlumbingDefinition,
} from './service-plumbing.js';

/** A service that serves HTTP (the gateway) and still answers its NATS health and metrics subjects. */
export interface HttpServiceDefinition extends PlumbingDefinition {
  module: Type<unknown> | DynamicModule;
  /** Fastify server options (body limit, request ids); Fastify's own logger stays off. */
  adapterOptions?: Omit<FastifyServerOptions, 'logger'>;
  /** Runs after Nest has built the app and before it listens: hooks, parsers, filters. */
  configure?: (app: NestFastifyApplication, runtime: ServiceRuntime) => void | Promise<void>;
  workers?: (runtime: ServiceRuntime, app: NestFastifyApplication) => Worker[];
}

export interface HttpListenOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
}

export interface RunningHttpService {
  runtime: ServiceRuntime;
  app: NestFastifyApplication;
  /** Where the service listens, e.g. http://127.0.0.1:3000. */
  url: string;
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * The HTTP twin of `startService`: the same plumbing (database and migrations, NATS, the
 * event stream, the outbox relay), then a Nest HTTP app on Fastify with the NATS transport
 * connected as a hybrid microservice, so health and metrics reach it like any service.
 * NATS subscriptions are live before the port opens: a listening gateway is a reachable one.
 */
export async function startHttpService(
  definition: HttpServiceDefinition,
  config: ServiceConfig,
  listen: HttpListenOptions,
): Promise<RunningHttpService> {
  const runtime = await openServicePlumbing(definition, config);

  @Module({})
  class HttpServiceRootModule {}
  const root: DynamicModule = {
    module: HttpServiceRootModule,
    imports: [serviceKitModule(runtime), definition.module],
    controllers: [healthControllerFor(definition.name)],
  };
  const adapter = new FastifyAdapter({ ...definition.adapterOptions, logger: false });
  // bodyParser off: a service that wants bodies registers its own parser in `configure`,
  // so that it alone decides which content types, limits and errors apply.
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: ['error', 'warn'],
    bodyParser: false,
    forceCloseConnections: true,
  });
  const strategy = natsStrategyFor(definition.name, config);
  // Not inheriting the HTTP app's filters and hooks: NATS handlers answer with the envelope themselves.
  app.connectMicroservice({ strategy });
  await definition.configure?.(app, runtime);
  await app.startAllMicroservices();
  await strategy.unwrap<NatsConnection>().flush();
  await app.listen(listen.port, listen.host);
  const address = app.getHttpServer().address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const workers = definition.workers?.(runtime, app) ?? [];
  await startBackground(runtime, workers);
  runtime.logger.info(
    { url, namespace: config.natsNamespace || undefined },
    `${definition.name} ready`,
  );
  return { runtime, app, url, workers, close: closerFor(runtime, workers, () => app.close()) };
}
