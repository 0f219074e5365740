import 'reflect-metadata';
import { runServiceMain } from '@omnistock/service-kit';
import { gatewayService } from './gateway.service.js';

await runServiceMain(gatewayService);
