import 'reflect-metadata';
import { runServiceMain } from '@omnistock/service-kit';
import { returnsService } from './returns.service.js';

await runServiceMain(returnsService);
