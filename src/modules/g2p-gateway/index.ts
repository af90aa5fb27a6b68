export { createG2pGateway, type G2pGateway, type G2pGatewayOptions } from './gateway.js';
export { createG2pRoutes, G2P_SCOPES } from './routes.js';
export { createG2pDeliveries, createG2pMessageLog } from './migrations.js';
export { ALLOWED_FIELD_NAMES } from './registry-records.js';
export { DCI_VERSION } from './messages.js';
export { signDetached, verifyDetached, jwksOf } from './signatures.js';
export { requestG2pDelivery, startG2pDeliveryWorker } from './start-delivery-worker.js';
