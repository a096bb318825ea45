export * from './audit';
export * from './auth';
export * from './mentorships';
export * from './organisations';
export * from './people';
export * from './programs';
export * from './users';
export * from './plans';
