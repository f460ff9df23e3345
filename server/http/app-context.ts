// What every route module receives: the configuration and the storage.
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/storage';

export interface AppContext {
  config: ServerConfig;
  storage: Storage;
}
