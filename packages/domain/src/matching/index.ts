export * from './assignment';
export * from './candidates';
export * from './eligibility';
export * from './profiles';
export * from './score';
