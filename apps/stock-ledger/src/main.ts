import 'reflect-metadata';
import { runServiceMain } from '@omnistock/service-kit';
import { ledgerService } from './ledger.service.js';

await runServiceMain(ledgerService);
