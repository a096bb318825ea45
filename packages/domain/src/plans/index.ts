export * from './access';
export * from './plan';
