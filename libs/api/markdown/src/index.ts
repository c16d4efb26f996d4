export * from './lib/render-markdown';
