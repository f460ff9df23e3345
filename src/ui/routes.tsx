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
const Incidents = page(() => import('./pages/incidents/incidents-page').then((m) => m.IncidentsPage));
const NewIncident = page(() => import('./pages/incidents/new-incident-page').then((m) => m.NewIncidentPage));
const Incident = page(() => import('./pages/incidents/incident-page').then((m) => m.IncidentPage));
const NewGeneralMessage = page(() =>
  import('./pages/incidents/general-messages/new-message-page').then((m) => m.NewMessagePage),
);
const GeneralMessage = page(() =>
  import('./pages/incidents/general-messages/message-page').then((m) => m.MessagePage),
);
const Ics214Print = page(() =>
  import('./pages/incidents/print/ics214-print-page').then((m) => m.Ics214PrintPage),
);
const Ics213Print = page(() =>
  import('./pages/incidents/print/ics213-print-page').then((m) => m.Ics213PrintPage),
);
const Blank214Print = page(() =>
  import('./pages/incidents/print/blank-214-print-page').then((m) => m.Blank214PrintPage),
);
const Blank213Print = page(() =>
  import('./pages/incidents/print/blank-213-print-page').then((m) => m.Blank213PrintPage),
);
const NewActivityLog = page(() => import('./pages/incidents/log/new-log-page').then((m) => m.NewLogPage));
const ActivityLog = page(() => import('./pages/incidents/log/log-page').then((m) => m.LogPage));
const IncidentExport = page(() =>
  import('./pages/incidents/export/export-page').then((m) => m.IncidentExportPage),
);
const Contacts = page(() => import('./pages/contacts/contacts-page').then((m) => m.ContactsPage));
const NewContact = page(() => import('./pages/contacts/new-contact-page').then((m) => m.NewContactPage));
const ContactsImport = page(() =>
  import('./pages/contacts/import/import-page').then((m) => m.ContactsImportPage),
);
const Contact = page(() => import('./pages/contacts/contact-page').then((m) => m.ContactPage));
const CallDownTrees = page(() => import('./pages/contacts/trees/trees-page').then((m) => m.TreesPage));
const CallDownTree = page(() => import('./pages/contacts/trees/tree-page').then((m) => m.TreePage));
const Succession = page(() => import('./pages/contacts/trees/succession-page').then((m) => m.SuccessionPage));
const CallDownRuns = page(() => import('./pages/contacts/runs/runs-page').then((m) => m.RunsPage));
const NewCallDownRun = page(() => import('./pages/contacts/runs/new-run-page').then((m) => m.NewRunPage));
const CallDownRun = page(() => import('./pages/contacts/runs/run-page').then((m) => m.RunPage));
const RunReportPrint = page(() =>
  import('./pages/contacts/print/run-report-print-page').then((m) => m.RunReportPrintPage),
);
const TreePrint = page(() => import('./pages/contacts/print/tree-print-page').then((m) => m.TreePrintPage));
const CallSheetsPrint = page(() =>
  import('./pages/contacts/print/call-sheets-print-page').then((m) => m.CallSheetsPrintPage),
);
const Ics205aPrint = page(() =>
  import('./pages/contacts/print/ics205a-print-page').then((m) => m.Ics205aPrintPage),
);
const OutagePacket = page(() => import('./pages/packet/packet-page').then((m) => m.PacketPage));
const Checklists = page(() => import('./pages/checklists-page').then((m) => m.ChecklistsPage));
const NewChecklistRun = page(() => import('./pages/checklists/new-run-page').then((m) => m.NewRunPage));
const ChecklistRun = page(() => import('./pages/checklists/run-page').then((m) => m.RunPage));
const ChecklistTemplate = page(() => import('./pages/checklists/template-page').then((m) => m.TemplatePage));
const ChecklistTemplatePrint = page(() =>
  import('./pages/checklists/print/template-print-page').then((m) => m.TemplatePrintPage),
);
const ChecklistRunPrint = page(() =>
  import('./pages/checklists/print/run-print-page').then((m) => m.RunPrintPage),
);
const Drills = page(() => import('./pages/drills-page').then((m) => m.DrillsPage));
const NewExercise = page(() =>
  import('./pages/drills/plan/exercise-form-page').then((m) => m.ExerciseFormPage),
);
const ExerciseTemplates = page(() =>
  import('./pages/drills/plan/templates-page').then((m) => m.TemplatesPage),
);
const Exercise = page(() => import('./pages/drills/plan/exercise-page').then((m) => m.ExercisePage));
const ExerciseMsel = page(() => import('./pages/drills/plan/msel-page').then((m) => m.MselPage));
const ExercisePrint = page(() =>
  import('./pages/drills/plan/print/exercise-print-page').then((m) => m.ExercisePrintPage),
);
const MselPrint = page(() =>
  import('./pages/drills/plan/print/msel-print-page').then((m) => m.MselPrintPage),
);
const DrillEvaluate = page(() => import('./pages/drills/evaluate/evaluate-page').then((m) => m.EvaluatePage));
const DrillHotwash = page(() => import('./pages/drills/evaluate/hotwash-page').then((m) => m.HotwashPage));
const DrillReport = page(() => import('./pages/drills/evaluate/report-page').then((m) => m.ReportPage));
const DrillImprovementPlan = page(() =>
  import('./pages/drills/evaluate/improvement-plan-page').then((m) => m.ImprovementPlanPage),
);
const DrillReportPrint = page(() =>
  import('./pages/drills/evaluate/report-print-page').then((m) => m.ReportPrintPage),
);
const DrillControl = page(() => import('./pages/drills/play/control-page').then((m) => m.ControlPage));
const DrillPlay = page(() => import('./pages/drills/play/player-page').then((m) => m.PlayerPage));
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
      <Route path="/incidents/new" component={NewIncident} />
      <Route path="/incidents/print/blank-214" component={Blank214Print} />
      <Route path="/incidents/print/blank-213" component={Blank213Print} />
      <Route path="/incidents/:id/logs/:logId/print" component={Ics214Print} />
      <Route path="/incidents/:id/general-messages/:messageId/print" component={Ics213Print} />
      <Route path="/incidents/:id/export" component={IncidentExport} />
      <Route path="/incidents/:id/logs/new" component={NewActivityLog} />
      <Route path="/incidents/:id/logs/:logId" component={ActivityLog} />
      <Route path="/incidents/:id/general-messages/new" component={NewGeneralMessage} />
      <Route path="/incidents/:id/general-messages/:messageId" component={GeneralMessage} />
      <Route path="/incidents/:id" component={Incident} />
      <Route path="/contacts" component={Contacts} />
      <Route path="/contacts/new" component={NewContact} />
      <Route path="/contacts/import" component={ContactsImport} />
      <Route path="/contacts/trees" component={CallDownTrees} />
      <Route path="/contacts/trees/:id/run/new" component={NewCallDownRun} />
      <Route path="/contacts/trees/:id" component={CallDownTree} />
      <Route path="/contacts/succession" component={Succession} />
      <Route path="/contacts/runs" component={CallDownRuns} />
      <Route path="/contacts/runs/:id/print" component={RunReportPrint} />
      <Route path="/contacts/runs/:id" component={CallDownRun} />
      <Route path="/contacts/print/trees/:id/call-sheets" component={CallSheetsPrint} />
      <Route path="/contacts/print/trees/:id/ics205a" component={Ics205aPrint} />
      <Route path="/contacts/print/trees/:id" component={TreePrint} />
      {/* Last of the /contacts/... routes: ':id' would match "trees", "runs" and the other words. */}
      <Route path="/contacts/:id" component={Contact} />
      <Route path="/checklists" component={Checklists} />
      <Route path="/checklists/runs/new" component={NewChecklistRun} />
      <Route path="/checklists/runs/:id/print" component={ChecklistRunPrint} />
      <Route path="/checklists/runs/:id" component={ChecklistRun} />
      <Route path="/checklists/templates/new" component={ChecklistTemplate} />
      <Route path="/checklists/templates/:id" component={ChecklistTemplate} />
      <Route path="/checklists/print/template/:ref" component={ChecklistTemplatePrint} />
      <Route path="/drills" component={Drills} />
      <Route path="/drills/new" component={NewExercise} />
      <Route path="/drills/templates" component={ExerciseTemplates} />
      <Route path="/drills/:id/edit" component={NewExercise} />
      <Route path="/drills/:id/msel/print" component={MselPrint} />
      <Route path="/drills/:id/msel" component={ExerciseMsel} />
      <Route path="/drills/:id/print" component={ExercisePrint} />
      <Route path="/drills/:id/evaluate" component={DrillEvaluate} />
      <Route path="/drills/:id/hotwash" component={DrillHotwash} />
      <Route path="/drills/:id/report/print" component={DrillReportPrint} />
      <Route path="/drills/:id/report" component={DrillReport} />
      <Route path="/drills/:id/improvement-plan" component={DrillImprovementPlan} />
      <Route path="/drills/:id/control" component={DrillControl} />
      <Route path="/drills/:id/play" component={DrillPlay} />
      {/* Last of the /drills/... routes: ':id' would match "new" and "templates". */}
      <Route path="/drills/:id" component={Exercise} />
      <Route path="/print/packet" component={OutagePacket} />
      <Route path="/device" component={Device} />
      <Route path="/admin" component={Admin} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/setup" component={Setup} />
      <Route default component={NotFound} />
    </Router>
  );
}
