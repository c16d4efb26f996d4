export * from './lib/practices.module';
export { PracticesService } from './lib/practices.service';
export {
  normaliseSearch,
  searchParams,
  searchStatement,
  encodeSearchCursor,
} from './lib/practice-search.service';
