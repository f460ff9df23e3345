// Build-time constants defined by Vite (vite.config.ts `define`) and the Vite client types.
/// <reference types="vite/client" />

/** package.json version. */
declare const __APP_VERSION__: string;
/** Distinguishes two builds of one version (HOLDFAST_BUILD_ID, or the build time). */
declare const __BUILD_ID__: string;
