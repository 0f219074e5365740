import 'reflect-metadata';
import { ConfigError, stopOnSignals } from '@omnistock/service-kit';
import { loadGatewayConfig, type GatewayConfig } from './config.js';
import { startGateway } from './gateway.service.js';

let config: GatewayConfig;
try {
  config = loadGatewayConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`gateway: ${error.message}\n`);
  process.exit(2);
}
stopOnSignals(await startGateway(config));
