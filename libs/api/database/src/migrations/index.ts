import { Foundation1764230000000 } from './1764230000000-Foundation';

/** Every migration, in order. A schema change is a new file here, reviewed as SQL. */
export const migrations = [Foundation1764230000000];
