// The shape of one forward-only schema migration: the same change written once per SQL dialect.
export interface Migration {
  /** Applied in ascending order; never renumber or edit a released migration, add a new one. */
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}
