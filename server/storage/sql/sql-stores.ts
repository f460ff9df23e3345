// Builds every store over one executor; adapters call it once for the pool and once per transaction.
import type { StorageStores } from '../storage';
import { createAttachmentStore } from './attachment-store';
import { createAuditStore } from './audit-store';
import { createLoginFailureStore, createSetupTokenStore } from './security-stores';
import { createSessionStore } from './session-store';
import type { SqlExecutor } from './sql-executor';
import { createSyncStore } from './sync-store';
import { createDepartmentStore, createUserStore } from './user-store';

export function createSqlStores(db: SqlExecutor): StorageStores {
  return {
    users: createUserStore(db),
    departments: createDepartmentStore(db),
    sessions: createSessionStore(db),
    loginFailures: createLoginFailureStore(db),
    setupTokens: createSetupTokenStore(db),
    audit: createAuditStore(db),
    sync: createSyncStore(db),
    attachments: createAttachmentStore(db),
  };
}
