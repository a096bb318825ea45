export * from './refusal';
export * from './roles';
export * from './text';
