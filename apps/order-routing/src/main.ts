import 'reflect-metadata';
import { runServiceMain } from '@omnistock/service-kit';
import { routingService } from './routing.service.js';

await runServiceMain(routingService);
