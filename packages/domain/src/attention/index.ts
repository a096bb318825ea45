export * from './items';
export * from './needs-attention';
