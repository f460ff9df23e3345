// English messages of the shell (header, sign-in, home, shared forms and errors): the reference catalog.
// An area (a lazy route chunk) keeps its own strings next to it: see README.md, "Messages".
import type { CatalogOf, Messages } from './translate';

export const en = {
  'app.name': 'Holdfast',
  'app.pageTitle': '{page} – Holdfast',
  'app.loading': 'Loading…',
  'app.loadFailedTitle': 'This page did not load',
  'app.loadFailed': 'This page could not be loaded. Check the connection and reload.',

  'shell.skipToMain': 'Skip to main content',
  'shell.primaryNav': 'Main',
  'shell.homeLink': 'Holdfast, overview',
  'shell.signedInAs': 'Signed in as {name}',
  'shell.signOut': 'Sign out',
  'shell.footer': 'Holdfast {version} (build {build})',

  'nav.permits': 'Permits',
  'nav.incidents': 'Incidents',
  'nav.contacts': 'Contacts',
  'nav.checklists': 'Checklists',
  'nav.drills': 'Drills',
  'nav.device': 'Device',
  'nav.admin': 'Admin',

  'language.label': 'Language',

  'network.online': 'Online',
  'network.offline': 'Offline',
  'network.unreachable': 'Server unreachable',
  'network.announceOnline': 'Connected to the server again.',
  'network.announceOffline': 'You are offline. Your work stays on this device.',
  'network.announceUnreachable': 'The server cannot be reached. Your work stays on this device.',

  'session.expired': 'Your session has ended. Sign in again to sync. Everything on this device stays here.',
  'session.signInAgain': 'Sign in again',

  'storage.newerVersion':
    'This device has data saved by a newer version of Holdfast. Reload to get that version; if this message stays, contact your IT team.',
  'storage.blocked': 'Close other Holdfast tabs to finish updating.',
  'storage.unavailable':
    'Holdfast cannot save data in this browser. Private browsing, a full disk or a browser setting can cause this. Open Holdfast in a normal window, or contact your IT team.',
  'storage.versionChange': 'Holdfast was updated in another tab. Reload this tab to continue.',
  'storage.wiped':
    'The data on this device was cleared (by the browser or a user). Anything not yet sent to the server is gone; records the server has will come back when this device syncs.',
  'storage.problemTitle': 'Holdfast cannot start',

  'common.reload': 'Reload',
  'common.dismiss': 'Dismiss',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.fixErrors': 'Some fields need attention. Check the messages next to them.',

  'update.ready': 'A new version is ready.',
  'update.reload': 'Reload',
  'update.announce':
    'A new version of Holdfast is ready. Use the Reload button at the top of the page to switch to it.',

  'home.title': 'Overview',
  'home.intro':
    'Holdfast keeps your work on this device, so it goes on when the network or the servers fail.',
  'home.areasHeading': 'Areas',
  'home.area.permits': 'Permit applications, inspections and fees.',
  'home.area.incidents': 'Incident logs kept during an emergency.',
  'home.area.contacts': 'Staff contacts and call-down trees.',
  'home.area.checklists': 'Checklists for recurring and emergency tasks.',
  'home.area.drills': 'Exercises and drills, with what evaluators observed.',
  'home.packet': 'Outage packet',
  'home.area.packet':
    'Print everything needed to keep working on paper: call-down trees, contacts, checklists, open permits and blank forms.',
  'home.statusHeading': 'Status',
  'home.connection': 'Connection',
  'home.sync': 'Sync',
  'home.connectionOnline': 'Connected to the server.',
  'home.connectionOffline': 'This device is offline. Your work is saved on it.',
  'home.connectionUnreachable': 'The server cannot be reached. Your work is saved on this device.',
  'home.syncIdle': 'Nothing is waiting to be sent to the server.',

  'area.permits': 'No permits are on this device yet.',
  'area.incidents': 'No incident logs are on this device yet.',
  'area.contacts': 'No contacts are on this device yet.',
  'area.checklists': 'No checklists are on this device yet.',
  'area.drills': 'No drills are on this device yet.',
  'exercise.show': 'Show exercise material ({count})',
  'exerciseMode.label': 'EXERCISE MODE',
  'exerciseMode.text':
    'This device is playing the exercise “{name}”. Everything you record is exercise material; real records cannot be changed until you leave exercise mode.',
  'exerciseMode.open': 'Open the exercise',
  'exerciseMode.leave': 'Leave exercise mode',
  'exerciseMode.refused':
    'Not saved: this device is in exercise mode, so real records cannot be changed. Leave exercise mode (in the banner at the top) to work on real records.',
  'exerciseMode.simulated':
    'Simulated outage: this device practises offline for an exercise and does not sync. Everything is kept on it.',
  'exerciseMode.endSimulated': 'End the simulated outage',
  'network.simulatedOffline': 'Offline (simulated for the exercise)',
  'exerciseMode.enter': 'Play this exercise on this device (exercise mode)',
  'exerciseMode.on': 'This device is in exercise mode for this exercise.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address.',
  'notFound.home': 'Go to the overview',

  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.usernameRequired': 'Enter your username.',
  'signIn.passwordRequired': 'Enter your password.',
  'signIn.invalid': 'Wrong username or password. Check both and try again.',
  'signIn.disabled': 'This account is disabled. Ask an administrator to enable it.',
  'signIn.offline':
    'Signing in needs a connection to the server the first time on this device. Connect and try again.',
  'signIn.unreachable': 'The server cannot be reached right now. Try again in a few minutes.',

  'error.offline': 'This needs a connection to the server. Connect and try again.',
  'error.unreachable': 'The server cannot be reached right now. Try again in a few minutes.',
  'error.rateLimited': {
    one: 'Too many attempts. Try again in {count} minute.',
    other: 'Too many attempts. Try again in {count} minutes.',
  },
  'error.unauthorized': 'Your session has ended. Sign in again.',
  'error.forbidden': 'Your role does not allow this.',
  'error.conflict': 'That already exists.',
  'error.notFound': 'That was not found. It may have been removed.',
  'error.generic': 'Something went wrong on the server. Try again; if it keeps happening, tell your IT team.',

  'field.required': 'Fill in this field.',
  'field.usernameInvalid': 'Use 3 to 64 letters, digits, dots, dashes, underscores or @.',
  'field.usernameTaken': 'This username is already taken.',
  'field.displayNameRequired': 'Enter a display name.',
  'field.passwordTooShort': 'Use at least {min} characters.',
  'field.passwordTooLong': 'Use at most {max} characters.',
  'field.passwordMismatch': 'The two passwords are not the same.',
  'field.deptCodeInvalid':
    'Use 2 to 32 lowercase letters, digits and dashes, starting with a letter or digit.',
  'field.deptCodeTaken': 'This code is already used.',
  'field.deptNameRequired': 'Enter the department name.',
  'field.rejected': 'The server did not accept this value.',

  'account.username': 'Username',
  'account.usernameHint': '3 to 64 letters, digits, dots, dashes, underscores or @.',
  'account.displayName': 'Display name',
  'account.password': 'Password',
  'account.passwordHint': 'At least {min} characters. A few unrelated words make a strong password.',
  'account.confirmPassword': 'Confirm password',
  'dept.code': 'Code',
  'dept.codeHint': 'Lowercase letters, digits and dashes, like public-works.',
  'dept.name': 'Name',

  'nav.notes': 'Notes',

  'sync.state.synced': 'Synced',
  'sync.state.never': 'Not synced yet',
  'sync.state.waiting': 'Waiting to sync',
  'sync.state.syncing': 'Syncing…',
  'sync.state.offline': 'Sync waits for a connection',
  'sync.state.error': 'Sync problem',
  'sync.state.paused': 'Sync paused',
  'sync.unsent': {
    one: '{count} change not yet sent',
    other: '{count} changes not yet sent',
  },
  'sync.allSent': 'All changes sent',
  'sync.lastSync': 'Last synced {time}',
  'sync.neverSynced': 'Never synced on this device',
  'sync.count': '({count})',
  'sync.now': 'Sync now',
  'sync.started': 'Syncing…',
  'sync.finished': 'Sync finished.',
  'sync.retryAt': 'Trying again at {time}.',
  'sync.problem.offline': 'This device is offline. Changes are kept here and sent when it reconnects.',
  'sync.problem.unreachable':
    'The server cannot be reached. Changes are kept here and sent when it answers again.',
  'sync.problem.sessionExpired':
    'Your session has ended. Sign in again to send your changes; they stay on this device.',
  'sync.problem.signedOut': 'Nobody is signed in on this device, so nothing is sent.',
  'sync.problem.forbidden': 'The server does not allow this account to sync. Ask an administrator.',
  'sync.problem.protocolMismatch': 'This version of Holdfast no longer matches the server. Reload to update.',
  'sync.problem.lostEntries':
    'Some changes the server expects are missing from this device, so later ones cannot be sent. Export the unsent changes and contact your IT team.',
  'sync.problem.tooLarge': 'A change is too large for the server to accept. Contact your IT team.',
  'sync.problem.rateLimited': 'The server asked this device to wait before syncing again.',
  'sync.problem.serverError': 'The server had a problem with this sync.',
  'sync.problem.storageFull':
    'This device has no room left to store what arrived. Free up space on the device.',
  'sync.problem.unknown': 'Sync stopped because of an unexpected problem.',

  'notes.intro': 'Shift handover notes. They are saved on this device at once and shared when it syncs.',
  'notes.field.title': 'Title',
  'notes.field.body': 'Body',
  'notes.field.status': 'Status',
  'error.storageFull':
    'This device has no room left, so nothing was saved. Free up space on the device and try again.',
  'notes.error.forbidden': 'Your role or department does not allow this change.',
  'notes.error.deleted': 'This note was deleted, so the change was not saved.',
  'notes.error.notFound': 'This note is no longer on this device.',
  'notes.error.refused': 'The change was not saved: {reason}',
  'notes.error.signedOut': 'Sign in to make changes.',

  'attention.title': 'Needs attention',

  'conflicts.title': 'Conflicts',

  'signOut.heading': 'Sign out with unsent changes?',
  'signOut.body': {
    one: '{count} change is not yet sent. It stays on this device and is sent when you sign in here again.',
    other:
      '{count} changes are not yet sent. They stay on this device and are sent when you sign in here again.',
  },
  'signOut.confirm': 'Sign out and keep changes here',
  'signOut.stay': 'Stay signed in',
} satisfies Messages;

export type MessageKey = keyof typeof en;

/** The shape every catalog must have: the same keys, and a plural message wherever English has one. */
export type Catalog = CatalogOf<typeof en>;
