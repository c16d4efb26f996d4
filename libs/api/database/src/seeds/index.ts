export * from './teryt';
export * from './reference.seed';
export * from './demo.seed';
