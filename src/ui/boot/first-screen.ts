// When the first screen is done: the page the app was opened on has arrived, its early reads have settled
// and the result has painted. Work the first screen does not need (the session check's write, sync, the
// service worker's registration) waits for it, so it does not compete with the page for the main thread
// and the database; never longer than a cap (a background tab paints no frames).
import { settledDatabase } from '../store/app-store';
import { earlyReadsSettled } from './early-reads';
import { routePreloaded } from './preload-route';

const CAP_MS = 1000;

/** After the next frame has painted (a task after its animation frame callbacks). */
function afterPaint(then: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(then));
  else setTimeout(then);
}

/** `withStorage`: a signed-in page, whose early reads start once storage has opened (or failed to). */
export function firstScreenSettled(withStorage: boolean, capMs = CAP_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)));
  const painted = (withStorage ? settledDatabase() : Promise.resolve(null))
    .then(routePreloaded)
    .then(earlyReadsSettled)
    .then(() => new Promise<void>((resolve) => afterPaint(resolve)));
  return Promise.race([painted, cap]).finally(() => clearTimeout(timer));
}
