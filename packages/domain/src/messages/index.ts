export * from './catalog';
export * from './codes';
export * from './format';
