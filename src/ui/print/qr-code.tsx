// The QR code a printed page carries: the page's re-keying payload (qrPayload) drawn as one SVG path, dark
// modules on white with the quiet zone the standard asks for. uqr (a port of Nayuki's reference encoder,
// about 4 KiB gzip) is imported here only, and this file only by print views, so it loads with their lazy
// chunks and never with the first screen. An SVG path scales to any print resolution and needs no
// innerHTML (the CSP allows no inline markup tricks) and no canvas.
import { encode } from 'uqr';

/** Four modules of white around the code: the quiet zone readers need (ISO/IEC 18004). */
const QUIET = 4;
/** The QR mask pattern (0-7), fixed rather than searched for each code: see qrPath. */
const MASK = 0;

/** The path of the dark modules, one "h1v1h-1z" square per module, in module units. */
export function qrPath(text: string): { size: number; path: string } {
  // 'M' (15% recovery) survives a fold or a smudge on paper and keeps the code small for these payloads.
  // The mask is fixed: uqr's choice of the best of eight costs ~2 ms a code (1.4 s for a 750-page
  // packet), and every mask reads back (e2e/print-qr.e2e.ts decodes them with jsQR).
  const { size, data } = encode(text, { ecc: 'M', border: 0, maskPattern: MASK });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
    }),
  );
  return { size: size + QUIET * 2, path };
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = qrPath(text);
  return (
    <svg
      class="print-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      data-qr={text}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
