import 'reflect-metadata';
import { runServiceMain } from '@omnistock/service-kit';
import { promiseService } from './promise.service.js';

await runServiceMain(promiseService);
