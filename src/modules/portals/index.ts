export { describePortal, listPortalsFor, type Portal, type PortalSummary } from './catalogue.js';
export { createPortalRoutes } from './routes.js';
