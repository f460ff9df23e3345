// Tests read CSV fixtures as text through Vite's ?raw suffix (no node:fs in src/domain). Vite's client
// types declare it for the app build; this declares it for the other projects that compile src/domain.
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
