import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route } from '../route.js';
import { RouteRunner } from '../route-runner.js';
import {
  adjustmentRoute,
  countRoute,
  receiptRoute,
  receiveTransferRoute,
  sendTransferRoute,
} from './movements.routes.js';
import { stockLedgerRoute } from './stock-ledger.route.js';

@Controller()
export class StockController {
  constructor(@Inject(RouteRunner) private readonly routes: RouteRunner) {}

  @Route(receiptRoute)
  receipt(@Req() request: FastifyRequest) {
    return this.routes.forward(receiptRoute, request);
  }

  @Route(adjustmentRoute)
  adjustment(@Req() request: FastifyRequest) {
    return this.routes.forward(adjustmentRoute, request);
  }

  @Route(countRoute)
  count(@Req() request: FastifyRequest) {
    return this.routes.forward(countRoute, request);
  }

  @Route(sendTransferRoute)
  sendTransfer(@Req() request: FastifyRequest) {
    return this.routes.forward(sendTransferRoute, request);
  }

  @Route(receiveTransferRoute)
  receiveTransfer(@Req() request: FastifyRequest) {
    return this.routes.forward(receiveTransferRoute, request);
  }

  @Route(stockLedgerRoute)
  ledger(@Req() request: FastifyRequest) {
    return this.routes.forward(stockLedgerRoute, request);
  }
}
