// The storage interface the server talks to; SQLite and PostgreSQL adapters implement it identically.
// Areas are grouped in sub-stores so a later layer (sync change log) can add its own without touching these.
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import type { Department, Role } from '../../src/domain/users';
import type { PushResult } from '../../src/protocol/sync';

export type StorageKind = 'sqlite' | 'postgres';

export interface UserRecord {
  id: string;
  /** Always lowercase. */
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  departments: string[];
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

export interface UserSummary extends UserRecord {
  activeSessions: number;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  departments: string[];
  now: Date;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  passwordHash?: string;
  disabled?: boolean;
  lastLoginAt?: Date;
}

export interface SessionRecord {
  /** sha256 hex of the cookie token; the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  userAgent: string | null;
  ip: string | null;
}

export type NewSession = Omit<SessionRecord, 'lastSeenAt' | 'endedAt'>;

/** A session counts as active when not ended, before expiresAt, and seen after idleCutoff. */
export interface ActiveWindow {
  now: Date;
  idleCutoff: Date;
}

export interface AuditEntry {
  id: number;
  at: Date;
  userId: string | null;
  deviceId: string | null;
  deviceTime: Date | null;
  action: string;
  detail: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'deviceId' | 'deviceTime'> & {
  deviceId?: string | null;
  deviceTime?: Date | null;
};

export interface UserStore {
  count(): Promise<number>;
  /** Throws if the username is taken; callers check first for a friendly error. */
  create(user: NewUser): Promise<void>;
  getById(id: string): Promise<UserRecord | null>;
  getByUsername(username: string): Promise<UserRecord | null>;
  list(window: ActiveWindow): Promise<UserSummary[]>;
  /** Returns false when no such user exists. */
  update(id: string, patch: UserPatch, now: Date): Promise<boolean>;
  setDepartments(userId: string, codes: string[]): Promise<void>;
}

export interface DepartmentStore {
  /** Returns false when the code already exists (nothing is changed). */
  create(department: Department, now: Date): Promise<boolean>;
  list(): Promise<Department[]>;
}

export interface SessionStore {
  create(session: NewSession): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  touch(id: string, at: Date): Promise<void>;
  /** Returns false when the session did not exist or had already ended. */
  end(id: string, at: Date): Promise<boolean>;
  /** Ends every open session of a user (except one, e.g. the caller's own); returns how many. */
  endAllForUser(userId: string, at: Date, exceptId?: string): Promise<number>;
  countActive(userId: string, window: ActiveWindow): Promise<number>;
  /** Housekeeping: deletes sessions that ended or expired before the cutoff. */
  deleteStale(before: Date): Promise<number>;
}

export interface LoginFailureStats {
  count: number;
  oldest: Date | null;
}

export interface LoginFailureStore {
  /** Keys look like "account:bob" or "ip:192.0.2.1". */
  record(key: string, at: Date): Promise<void>;
  stats(key: string, since: Date): Promise<LoginFailureStats>;
  clear(key: string): Promise<void>;
  prune(before: Date): Promise<number>;
}

export interface SetupTokenStore {
  /** Stores a new token hash, deleting any earlier unused token. */
  replace(hash: string, createdAt: Date, expiresAt: Date): Promise<void>;
  /** Marks the token used; true only for the first caller with a valid, unexpired token. */
  consume(hash: string, now: Date): Promise<boolean>;
}

export interface AuditStore {
  append(entry: NewAuditEntry): Promise<number>;
  /** Appends several entries in order (ids increase in list order). */
  appendMany(entries: readonly NewAuditEntry[]): Promise<void>;
  /** Newest first. */
  list(options?: { limit?: number; userId?: string }): Promise<AuditEntry[]>;
}

/** A device (outbox) as the server knows it: who owns it and the last seq processed for it. */
export interface SyncClient {
  clientId: string;
  userId: string;
  lastSeq: number;
}

/**
 * What the server answered for an entry the first time; a retry gets it back with status 'duplicate'.
 * `fingerprint` identifies the entry it answered (absent on results stored before migration 5); it is
 * never sent to the device.
 */
export type StoredPushResult = PushResult & {
  status: 'applied' | 'rejected' | 'conflict';
  fingerprint?: string;
};

export interface SyncCounts {
  records: number;
  clients: number;
  results: number;
  /** The highest rev issued. */
  revision: number;
  tombstoneHorizon: number;
}

/** A page of records: rev > after, in rev order, at most `limit`; departments null means every department. */
export interface RecordPageQuery {
  after: number;
  departments: readonly string[] | null;
  limit: number;
}

/** One record of a pull page: its public JSON text (JSON.stringify of toPublicRecord) and its rev. */
export interface PublicRecordJson {
  rev: number;
  json: string;
}

/**
 * Synced records and push bookkeeping. Writes belong in a transaction that first calls lockRevision():
 * its row lock serializes pushes across processes, so revs become visible in the order they were issued.
 */
export interface SyncStore {
  /** Locks the revision counter until the transaction ends and returns the highest rev issued so far. */
  lockRevision(): Promise<number>;
  /** Stores the highest rev this transaction issued (after lockRevision). */
  setRevision(value: number): Promise<void>;
  /** The last number issued in each named series (after lockRevision; series never go back). */
  listSeries(): Promise<Map<string, number>>;
  /** Stores the last number issued in these series (after lockRevision). */
  setSeries(values: ReadonlyMap<string, number>): Promise<void>;
  /** The highest committed rev (as of the transaction's snapshot). */
  revision(): Promise<number>;
  /** Tombstones with rev <= this were purged: a cursor below it may have missed deletes. */
  tombstoneHorizon(): Promise<number>;
  getClient(clientId: string): Promise<SyncClient | null>;
  /** Inserts the device for userId unless it exists; returns the stored row either way. */
  claimClient(clientId: string, userId: string, now: Date): Promise<SyncClient>;
  setLastSeq(clientId: string, lastSeq: number, now: Date): Promise<void>;
  /** Stored results of seqs from..to (inclusive), by seq. */
  getResults(clientId: string, from: number, to: number): Promise<Map<number, StoredPushResult>>;
  /** Stores the first answers for new seqs (each seq once per device). */
  saveResults(clientId: string, results: readonly StoredPushResult[]): Promise<void>;
  /** The records with these ids (with server-only bookkeeping), in no particular order. */
  getRecords(ids: readonly string[]): Promise<SyncRecord[]>;
  /** Inserts or replaces whole records; each must carry its rev. A record listed twice: the last one wins. */
  putRecords(records: readonly SyncRecord[], now: Date): Promise<void>;
  /** Records with rev > after, in rev order; departments null means every department. */
  listRecords(query: RecordPageQuery): Promise<SyncRecord[]>;
  /**
   * The same records as listRecords, as pull pages send them: each one's JSON text without the server-only
   * bookkeeping (JSON.parse gives toPublicRecord of the record), with its rev. Reads and parses no more
   * than a page needs.
   */
  listPublicRecords(query: RecordPageQuery): Promise<PublicRecordJson[]>;
  /**
   * The records of one kind whose text field `field` holds exactly `value` (tombstones included), in rev
   * order, with their bookkeeping. For rare whole-set reads such as verifying an activity log's entries
   * (the value is a record id); it reads every record of the kind, so it is not for sync paths.
   */
  listRecordsByField(query: { kind: string; field: string; value: string }): Promise<SyncRecord[]>;
  /** Removes tombstones last written before `before` and raises the horizon; run inside a transaction. */
  purgeTombstones(before: Date): Promise<{ removed: number; horizon: number }>;
  counts(): Promise<SyncCounts>;
}

/** What the server knows about a stored attachment, without its bytes. */
export interface StoredAttachment {
  /** A record id made on the device (UUIDv7). */
  id: string;
  /** The department whose members may read it. */
  dept: string;
  contentType: string;
  /** Bytes. */
  size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  createdBy: string;
  createdAt: Date;
}

export type NewAttachment = StoredAttachment & { data: Buffer };

/**
 * Attachment bytes (photos). Written once, never changed: an id is stored with one content for good,
 * so a retried upload can be told apart from a different file under the same id by its sha256.
 */
export interface AttachmentStore {
  /** Stores the attachment; false (and nothing changed) when its id is already stored. */
  put(attachment: NewAttachment): Promise<boolean>;
  getMeta(id: string): Promise<StoredAttachment | null>;
  /** The bytes, or null when the id is unknown. */
  getData(id: string): Promise<Buffer | null>;
}

/** What a transaction callback receives: the stores, bound to the transaction. */
export interface StorageStores {
  users: UserStore;
  departments: DepartmentStore;
  sessions: SessionStore;
  loginFailures: LoginFailureStore;
  setupTokens: SetupTokenStore;
  audit: AuditStore;
  sync: SyncStore;
  attachments: AttachmentStore;
}

export interface TransactionOptions {
  /** A read-only snapshot: every read sees one moment (REPEATABLE READ on PostgreSQL). For pull pages. */
  readOnly?: boolean;
}

export interface Storage extends StorageStores {
  readonly kind: StorageKind;
  /** Applies pending migrations; safe to call on every start and from several processes. */
  migrate(): Promise<void>;
  appliedMigrations(): Promise<number[]>;
  /** Runs fn in one database transaction; it rolls back if fn throws. Do not nest. */
  transaction<T>(fn: (tx: StorageStores) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
