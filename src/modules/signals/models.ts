import type { components } from '../../generated/openapi.js';

export type Signal = components['schemas']['Signal'];
export type SignalKind = components['schemas']['SignalKind'];
export type SignalList = components['schemas']['SignalList'];
export type SignalReview = components['schemas']['SignalReview'];
export type SignalReviewInput = components['schemas']['SignalReviewInput'];
export type RelatedApplication = components['schemas']['RelatedApplication'];
