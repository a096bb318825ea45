export * from './builders';
export * from './client';
export * from './schema/index';
