import { dashboardDataRoute, dashboardPageRoute } from '../dashboard/dashboard.routes.js';
import { asyncApiRoute, openApiRoute } from '../docs/docs.routes.js';
import { healthRoute } from '../health/health.routes.js';
import { metricsRoute } from '../metrics/metrics.routes.js';
import { createApiKeyRoute, revokeApiKeyRoute } from './api-keys/api-keys.routes.js';
import { availabilityRoute } from './availability/availability.route.js';
import {
  upsertChannelsRoute,
  upsertLocationsRoute,
  upsertSkusRoute,
} from './reference/reference.routes.js';
import {
  extendRoute,
  getReservationRoute,
  releaseRoute,
  reserveRoute,
} from './reservations/reservations.routes.js';
import {
  adjustmentRoute,
  countRoute,
  receiptRoute,
  receiveTransferRoute,
  sendTransferRoute,
} from './stock/movements.routes.js';
import { stockLedgerRoute } from './stock/stock-ledger.route.js';
import type { RouteSpec } from './route.js';
import { RETURN_ROUTES } from './returns/returns.routes.js';
import { ORDER_ROUTES } from './orders/orders.routes.js';
import { FULFILMENT_ROUTES } from './fulfilments/fulfilments.routes.js';
import { PROMISE_ROUTES } from './promises/promises.routes.js';

/**
 * The route table. The auth hook admits a request only on a route listed here, and the
 * gateway refuses to boot if a controller serves a route missing from it.
 */
export const ALL_ROUTES: readonly RouteSpec[] = [
  availabilityRoute,
  reserveRoute,
  getReservationRoute,
  releaseRoute,
  extendRoute,
  upsertLocationsRoute,
  upsertSkusRoute,
  upsertChannelsRoute,
  receiptRoute,
  adjustmentRoute,
  countRoute,
  sendTransferRoute,
  receiveTransferRoute,
  stockLedgerRoute,
  createApiKeyRoute,
  revokeApiKeyRoute,
  healthRoute,
  metricsRoute,
  dashboardPageRoute,
  dashboardDataRoute,
  openApiRoute,
  asyncApiRoute,
  ...RETURN_ROUTES,
  ...ORDER_ROUTES,
  ...FULFILMENT_ROUTES,
  ...PROMISE_ROUTES,
];
