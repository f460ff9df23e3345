// The route table. Every page is a lazy chunk, so the first screen loads only the shell.
import type { ComponentType } from 'preact';
import { lazy, Route, Router } from 'preact-iso';
import { LoadFailedPage } from './pages/load-failed-page';

// A chunk that cannot be fetched (offline before the service worker cached it, or a deploy removed it)
// shows a page that says so instead of leaving the previous page on screen.
const page = (load: () => Promise<ComponentType>) => lazy(() => load().catch(() => LoadFailedPage));

const Home = page(() => import('./pages/home-page').then((m) => m.HomePage));
const Permits = page(() => import('./pages/permits-page').then((m) => m.PermitsPage));
const Incidents = page(() => import('./pages/incidents-page').then((m) => m.IncidentsPage));
const Contacts = page(() => import('./pages/contacts-page').then((m) => m.ContactsPage));
const Checklists = page(() => import('./pages/checklists-page').then((m) => m.ChecklistsPage));
const Drills = page(() => import('./pages/drills-page').then((m) => m.DrillsPage));
const Notes = page(() => import('./pages/notes/notes-page').then((m) => m.NotesPage));
const NewNote = page(() => import('./pages/notes/new-note-page').then((m) => m.NewNotePage));
const Note = page(() => import('./pages/notes/note-page').then((m) => m.NotePage));
const Attention = page(() => import('./pages/sync/attention-page').then((m) => m.AttentionPage));
const Conflicts = page(() => import('./pages/sync/conflicts-page').then((m) => m.ConflictsPage));
const Device = page(() => import('./pages/device/device-page').then((m) => m.DevicePage));
const Admin = page(() => import('./pages/admin/admin-page').then((m) => m.AdminPage));
const SignIn = page(() => import('./pages/sign-in-page').then((m) => m.SignInPage));
const Setup = page(() => import('./pages/setup/setup-page').then((m) => m.SetupPage));
const NotFound = page(() => import('./pages/not-found-page').then((m) => m.NotFoundPage));

/** Pages anyone may open without a session. */
export const PUBLIC_PATHS = ['/sign-in', '/setup'];

export function Routes() {
  return (
    <Router>
      <Route path="/" component={Home} />
      <Route path="/notes" component={Notes} />
      <Route path="/notes/new" component={NewNote} />
      <Route path="/notes/:id" component={Note} />
      <Route path="/sync/attention" component={Attention} />
      <Route path="/sync/conflicts" component={Conflicts} />
      <Route path="/permits" component={Permits} />
      <Route path="/incidents" component={Incidents} />
      <Route path="/contacts" component={Contacts} />
      <Route path="/checklists" component={Checklists} />
      <Route path="/drills" component={Drills} />
      <Route path="/device" component={Device} />
      <Route path="/admin" component={Admin} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/setup" component={Setup} />
      <Route default component={NotFound} />
    </Router>
  );
}
