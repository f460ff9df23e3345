// Takes SQLite's WAL checkpoints off the request path. In WAL mode a commit only appends to the -wal file;
// copying those pages back into the database (a checkpoint, two fsyncs) used to run inside whichever commit
// crossed wal_autocheckpoint's 1,000 pages, adding up to tens of milliseconds to that request on a busy
// disk. Here a worker thread with its own connection runs PASSIVE checkpoints (they never block readers or
// the writer) shortly after writes, and the server's connection keeps a much higher autocheckpoint only as
// a backstop. Durability is unchanged: a commit is exactly as durable as `synchronous` (FULL) on the server's
// connection makes it; a checkpoint only moves committed pages, and syncs them.
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's default wal_autocheckpoint (pages): what the server's connection goes back to without a worker. */
export const DEFAULT_AUTOCHECKPOINT = 1000;
/** While the worker runs, the server's connection checkpoints only if the WAL grows past this (pages). */
export const BACKSTOP_AUTOCHECKPOINT = 10_000;

export interface CheckpointerOptions {
  /** The worker starts once the -wal file has reached this size, so small databases never need one. */
  startAfterWalBytes?: number;
  /** Writes within this many milliseconds share one checkpoint. */
  delayMs?: number;
  /** The better-sqlite3 module the worker loads (tests point it elsewhere to make the worker fail). */
  driver?: string;
}

// CommonJS, run with `eval`: no loader is needed for TypeScript in the worker (tsx, vitest or plain Node).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
let timer = null;
const checkpoint = () => {
  timer = null;
  db.pragma('wal_checkpoint(PASSIVE)');
};
parentPort.on('message', (message) => {
  if (message !== 'close') {
    timer ??= setTimeout(checkpoint, workerData.delayMs);
    return;
  }
  if (timer !== null) clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export class SqliteCheckpointer {
  private worker: Worker | null = null;
  private failed = false;
  private readonly walFile: string;
  private readonly startAfterWalBytes: number;
  private readonly delayMs: number;
  private readonly driver: string;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    options: CheckpointerOptions = {},
  ) {
    this.walFile = `${file}-wal`;
    this.startAfterWalBytes = options.startAfterWalBytes ?? 1024 * 1024;
    this.delayMs = options.delayMs ?? 100;
    this.driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
  }

  /** Whether a worker is taking the checkpoints now. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Call after a write committed: asks for a checkpoint soon, starting the worker when the WAL is big enough. */
  wrote(): void {
    if (this.worker) {
      this.worker.postMessage(0);
      return;
    }
    if (this.failed || walBytes(this.walFile) < this.startAfterWalBytes) return;
    this.start().postMessage(0);
  }

  /** Stops the worker (its connection closes first), so the caller may close its own connection. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = once(worker, 'exit');
    worker.postMessage('close');
    await exited;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver: this.driver, delayMs: this.delayMs },
    });
    // Never what keeps the process alive: close() ends it, and so does the process ending.
    worker.unref();
    const fallBack = () => {
      if (this.worker !== worker) return;
      // Without the worker, the server's connection checkpoints as it did before.
      this.worker = null;
      this.failed = true;
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    };
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    this.worker = worker;
    this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT}`);
    return worker;
  }
}

function walBytes(walFile: string): number {
  try {
    return fs.statSync(walFile).size;
  } catch {
    return 0;
  }
}
