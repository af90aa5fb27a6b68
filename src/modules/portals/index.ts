export { describePortal, listPortalsFor, type Portal, type PortalSummary } from './catalogue.js';
export { createPortalHandlers } from './routes.js';
