import 'reflect-metadata';
import { ConfigError } from '@omnistock/service-kit';
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
const running = await startGateway(config);
const shutdown = (signal: string) => {
  running.runtime.logger.info({ signal }, 'shutting down');
  running.close().then(
    () => process.exit(0),
    (error) => {
      running.runtime.logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
