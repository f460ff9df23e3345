// English messages of the Setup area, bundled with its chunk; messages.es.ts has the same keys.
import type { Messages } from '../../i18n/translate';

export const en = {
  'setup.title': 'Set up Holdfast',
  'setup.intro': 'Create the first administrator account and the first departments. You can add more later.',
  'setup.checking': 'Checking whether setup is needed…',
  'setup.done': 'Holdfast is already set up.',
  'setup.signInLink': 'Go to sign in',
  'setup.noToken':
    'This page needs the setup link the server printed when it first started. Open that link, or create the administrator on the server with: npm run user',
  'setup.notAvailable':
    'This setup link was already used or has expired. Create accounts on the server with: npm run user',
  'setup.adminHeading': 'Administrator',
  'setup.departmentsHeading': 'First departments',
  'setup.departmentRow': 'Department {n}',
  'setup.addDepartment': 'Add department',
  'setup.removeDepartment': 'Remove department {n}',
  'setup.submit': 'Create administrator',
  'setup.submitting': 'Creating…',
} satisfies Messages;
