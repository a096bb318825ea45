export * from './check-in';
export * from './early-warning';
