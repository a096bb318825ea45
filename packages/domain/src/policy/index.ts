export * from './presets';
export * from './resolve';
export * from './schema';
