export { createSignalsService, type SignalsService, type SignalsServiceOptions } from './service.js';
export { createSignalHandlers } from './routes.js';
export { createSignalReviews } from './migrations.js';
export type { Signal, SignalKind, SignalList, SignalReview } from './models.js';
export { eraseReviewNotes } from './erase-review-notes.js';
