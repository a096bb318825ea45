export * from './caps';
export * from './contact';
export * from './modes';
export * from './rhythm';
export * from './terms';
