// Outage packet performance (issue 7): "outage packet ready to print" for a signed-in device holding a
// call-down tree of 2,000 contacts, 5,000 open permits and 10 checklists (the 7 shipped templates and 3 of
// the department's own). /print/packet is open with every section chosen; the time runs from the click on
// "Make the packet" until the whole document is in the DOM with its print mode on (every sheet rendered,
// the page rules installed) and two frames have been painted. Sheets out of view are not laid out on screen
// (content-visibility: auto in packet.css): the print engine's own layout of every page is not timed. Baseline: the packet's reads alone
// (readPacketData) on an open connection; the note gives the sheet count.
// Data: bench/generate/contacts.ts (the tree, no run attempts) and bench/generate/packet.ts, stored through
// applyPulledPage as a pull stores them.
//
// Two halves, with no Node-only runtime imports so this file can be bundled for the page:
// - the functions of `packetBench` run IN THE PAGE (bench/run.ts builds this file as its own bundle);
// - packetFigures runs in Node (bench/run.ts).
import type { BrowserContext, Page } from 'playwright-core';
import type { SessionInfo } from '../../src/protocol/api';
import { DATABASE_NAME, openDatabase } from '../../src/storage';
import { readPacketData } from '../../src/storage/packet-queries';
import { generateContacts } from '../generate/contacts';
import { generatePacketRecords } from '../generate/packet';
import { seedSignedInDevice, signIn } from '../lib/seed-device';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import { notes, repeat } from '../lib/repeat';
import { median } from '../lib/stats';

export const PACKET_ROWS = {
  ready: {
    id: 'packet-ready',
    figure: 'outage packet ready to print, 2,000 contacts / 5,000 open permits / 10 checklists',
    unit: 'ms',
    target: { kind: 'max', value: 3_000, text: '< 3 s' },
    sizeDependent: true,
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

/** The department's own templates; with the 7 shipped ones the packet prints 10 checklists. */
const OWN_TEMPLATES = 3;

// ---- In the page ----

/** IN THE PAGE: the app's database as a signed-in device holding the tree, permits and templates. */
async function seedPacketDevice(input: {
  session: SessionInfo;
  people: number;
  permits: number;
  seed: number;
}): Promise<{ contacts: number; permits: number; templates: number; seedMs: number }> {
  return seedSignedInDevice(
    input.session,
    ({ dept, userId }) => {
      const contacts = generateContacts({
        dept,
        userId,
        seed: input.seed,
        people: input.people,
        attempts: 0,
        reserve: 0,
        now: new Date().toISOString(),
      });
      return [
        ...contacts.records.filter((r) => r.kind !== 'calldown_run'),
        ...generatePacketRecords({
          dept,
          userId,
          seed: input.seed + 1,
          permits: input.permits,
          templates: OWN_TEMPLATES,
          firstRev: contacts.records.length + 1,
        }),
      ];
    },
    async (db, { dept }) => {
      const count = (kind: string) => db.records.where('[kind+dept]').equals([kind, dept]).count();
      return {
        contacts: await count('contact'),
        permits: await count('permit'),
        templates: await count('checklist_template'),
      };
    },
  );
}

/** IN THE PAGE: the packet's reads alone (every section, the user's departments), on an open connection. */
async function packetReads(departments: string[]): Promise<{ ms: number; permits: number }> {
  const { db } = await openDatabase({ name: DATABASE_NAME, mirror: null });
  try {
    const start = performance.now();
    const data = await readPacketData(db, departments);
    return { ms: performance.now() - start, permits: data.permits.length };
  } finally {
    db.close();
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** IN THE PAGE, on /print/packet: clicks "Make the packet" and times until the document is painted. */
async function makePacket(): Promise<{ ms: number; sheets: number }> {
  const button = Array.from(document.querySelectorAll('button')).find(
    (b) => b.textContent?.trim() === 'Make the packet',
  );
  if (!button) throw new Error('no "Make the packet" button on the page');
  const start = performance.now();
  button.click();
  const ready = () =>
    document.documentElement.classList.contains('printing-document') &&
    document.querySelector('.packet-sheet[data-section="blankForms"]') !== null;
  const deadline = start + 120_000;
  while (!ready()) {
    if (performance.now() > deadline) throw new Error('the packet was not ready within 120 s');
    await frame();
  }
  void document.body.offsetHeight; // the layout of the whole document
  await frame();
  await frame();
  return { ms: performance.now() - start, sheets: document.querySelectorAll('.packet-sheet').length };
}

export const packetBench = { signIn, seedPacketDevice, packetReads, makePacket };
export type PacketBench = typeof packetBench;
if (typeof document !== 'undefined')
  (globalThis as unknown as { holdfastPacketBench: PacketBench }).holdfastPacketBench = packetBench;

// ---- Node half ----

function call<K extends keyof PacketBench>(
  page: Page,
  name: K,
  ...args: Parameters<PacketBench[K]>
): Promise<Awaited<ReturnType<PacketBench[K]>>> {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const bench = (
        globalThis as unknown as { holdfastPacketBench?: Record<string, (...a: unknown[]) => unknown> }
      ).holdfastPacketBench;
      const f = bench?.[fn];
      if (!f) throw new Error(`holdfastPacketBench.${fn} is not in the page (bench/figures/packet.ts)`);
      return f(...fnArgs);
    },
    [name, args] as [string, unknown[]],
  ) as never;
}

export interface PacketFigureOptions {
  context: () => Promise<BrowserContext>;
  /** This file built for the page (bench/run.ts). */
  bundle: string;
  username: string;
  password: string;
  sizes: { people: number; permits: number };
  runs: number;
  scale: number;
  log: (message: string) => void;
}

export async function packetFigures(o: PacketFigureOptions): Promise<FigureResult[]> {
  const n = (count: number) => count.toLocaleString('en-US');
  const context = await o.context();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto('/', { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await page.evaluate(o.bundle);
    const session = await call(page, 'signIn', o.username, o.password);
    const seeded = await call(page, 'seedPacketDevice', {
      session,
      people: o.sizes.people,
      permits: o.sizes.permits,
      seed: 70,
    });
    o.log(
      `stored ${n(seeded.contacts)} contacts on a tree, ${n(seeded.permits)} open permits and ${seeded.templates} own checklist templates in ${(seeded.seedMs / 1000).toFixed(1)} s`,
    );
    const reads = await repeat(o.runs, 60, () => call(page, 'packetReads', session.user.departments));
    const open = async () => {
      await page.goto('/print/packet');
      await page.getByRole('button', { name: 'Make the packet' }).waitFor({ timeout: 60_000 });
      await page.evaluate(o.bundle);
    };
    // The first load after signing in starts the app's own sync: unmeasured.
    await open();
    await call(page, 'makePacket');
    const made = await repeat(o.runs, 120, async () => {
      await open();
      return call(page, 'makePacket');
    });
    return [
      figure(
        {
          ...PACKET_ROWS.ready,
          runs: made.results.map((r) => r.ms),
          baseline: {
            label: 'the packet’s reads alone (readPacketData)',
            value: median(reads.results.map((r) => r.ms)),
            unit: 'ms',
          },
          note: notes(
            made.shortened,
            `/print/packet, every section, ${n(seeded.contacts)} contacts, ${n(reads.results[0]!.permits)} open permits, 7 shipped + ${seeded.templates} own checklists; click on "Make the packet" to the whole document in the DOM with print mode on and two frames painted; ${made.results[0]!.sheets} sheets (one printed page each, two for a blank form); on screen a sheet out of view is not laid out (content-visibility: auto), the print engine lays out every page when printing`,
          ),
        },
        o.scale,
      ),
    ];
  } finally {
    await context.close().catch(() => undefined);
  }
}
