export * from './audit';
export * from './auth';
export * from './common';
export * from './contacts';
export * from './people';
export * from './programs';
export * from './reports';
export * from './users';
