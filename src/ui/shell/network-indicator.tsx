// Connection state shown with an icon and a word, never colour alone.
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';
import type { NetworkState } from '../store/app-store';
import type { MessageKey } from '../i18n/en';

const labels: Record<NetworkState, MessageKey> = {
  online: 'network.online',
  offline: 'network.offline',
  unreachable: 'network.unreachable',
};

// Simple shapes that differ by form as well as colour: a filled dot, a hollow ring, a triangle.
const icons: Record<NetworkState, string> = {
  online: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z',
  offline: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2zm0 2.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
  unreachable: 'M8 1.5 15 14H1L8 1.5zm-.9 4.5v4h1.8V6H7.1zm0 5v1.8h1.8V11H7.1z',
};

export function NetworkIndicator() {
  const t = useT();
  const network = useAppStore((state) => state.network);
  // A simulated outage (an exercise's "practice offline") says so, so nobody takes it for a real one.
  const simulated = useAppStore((state) => state.simulatedOutage);
  return (
    <p class={`network network-${network}`} id="network-status" data-state={network}>
      <svg
        class="network-icon"
        viewBox="0 0 16 16"
        width="16"
        height="16"
        aria-hidden="true"
        focusable="false"
      >
        <path d={icons[network]} fill="currentColor" fill-rule="evenodd" />
      </svg>
      <span class="network-text">{t(simulated ? 'network.simulatedOffline' : labels[network])}</span>
    </p>
  );
}
