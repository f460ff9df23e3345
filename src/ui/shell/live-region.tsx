// The polite live region: status messages (saved, connection changes) are read out without moving focus.
import { useAppStore } from '../store/use-app-store';

export function LiveRegion() {
  const announcement = useAppStore((state) => state.announcement);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="live-region">
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
