// The route table. Every page is a lazy chunk, so the first screen loads only the shell.
import type { ComponentType } from 'preact';
import { lazy, Route, Router } from 'preact-iso';
import { LoadFailedPage } from './pages/load-failed-page';

// A chunk that cannot be fetched (offline before the service worker cached it, or a deploy removed it)
// shows a page that says so instead of leaving the previous page on screen.
const page = (load: () => Promise<ComponentType>) => lazy(() => load().catch(() => LoadFailedPage));

const Home = page(() => import('./pages/home-page').then((m) => m.HomePage));
const Permits = page(() => import('./pages/permits/permits-page').then((m) => m.PermitsPage));
const NewPermit = page(() => import('./pages/permits/new-permit-page').then((m) => m.NewPermitPage));
const PermitsImport = page(() => import('./pages/permits/import/import-page').then((m) => m.ImportPage));
const EditPermit = page(() => import('./pages/permits/edit-permit-page').then((m) => m.EditPermitPage));
const Permit = page(() => import('./pages/permits/permit-page').then((m) => m.PermitPage));
const PermitCardPrint = page(() =>
  import('./pages/permits/print/permit-card-print-page').then((m) => m.PermitCardPrintPage),
);
const InspectionPrint = page(() =>
  import('./pages/permits/print/inspection-print-page').then((m) => m.InspectionPrintPage),
);
const BlankIntakePrint = page(() =>
  import('./pages/permits/print/blank-intake-print-page').then((m) => m.BlankIntakePrintPage),
);
const BlankInspectionPrint = page(() =>
  import('./pages/permits/print/blank-inspection-print-page').then((m) => m.BlankInspectionPrintPage),
);
const RouteSheetPrint = page(() =>
  import('./pages/permits/print/route-sheet-print-page').then((m) => m.RouteSheetPrintPage),
);
const InspectionsToday = page(() =>
  import('./pages/permits/inspections/today-page').then((m) => m.InspectionsTodayPage),
);
const PermitInspections = page(() =>
  import('./pages/permits/inspections/permit-inspections-page').then((m) => m.PermitInspectionsPage),
);
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
      <Route path="/permits/new" component={NewPermit} />
      <Route path="/permits/import" component={PermitsImport} />
      <Route path="/permits/print/blank-intake" component={BlankIntakePrint} />
      <Route path="/permits/print/blank-inspection" component={BlankInspectionPrint} />
      <Route path="/permits/print/route-sheet" component={RouteSheetPrint} />
      <Route path="/permits/inspections/:id/print" component={InspectionPrint} />
      <Route path="/permits/:id/print" component={PermitCardPrint} />
      <Route path="/permits/inspections/today" component={InspectionsToday} />
      <Route path="/permits/:id/inspections" component={PermitInspections} />
      {/* After every more specific /permits/... route: ':id' would match those words. */}
      <Route path="/permits/:id/edit" component={EditPermit} />
      <Route path="/permits/:id" component={Permit} />
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
