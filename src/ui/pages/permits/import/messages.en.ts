// English messages of the permit import and export page; messages.es.ts has the same keys.
import type { Messages } from '../../../i18n/translate';

export const en = {
  'permitsImport.title': 'Import and export permits',
  'permitsImport.intro':
    'Bring in permits from a city’s CSV file, or save the permits on this device as a CSV file.',
  'permitsImport.back': 'Back to permits',
  'permitsImport.importHeading': 'Import a CSV file',
  'permitsImport.file': 'CSV file',
  'permitsImport.fileHint':
    'A file exported from another permit system, with column names on its first line.',
  'permitsImport.reading': 'Reading the file…',
  'permitsImport.unreadable': 'This file could not be read as CSV: {reason}',
  'permitsImport.noRows': 'This file has no rows under its column names.',
  'permitsImport.fileSummary': {
    one: '“{name}”: {count} row, {columns} columns.',
    other: '“{name}”: {count} rows, {columns} columns.',
  },
  'permitsImport.noDepartment': 'You are not a member of any department, so you cannot import permits.',
  'permitsImport.dept': 'Department the permits belong to',
  'permitsImport.savedHeading': 'Saved mappings',
  'permitsImport.savedPick': 'Saved mapping',
  'permitsImport.savedNone': 'No mapping saved yet.',
  'permitsImport.savedUse': 'Use this mapping',
  'permitsImport.savedUsed': 'Using the saved mapping “{name}”.',
  'permitsImport.saveName': 'Save this mapping as',
  'permitsImport.saveHint': 'Give it a name to use it again for the next file from the same system.',
  'permitsImport.save': 'Save mapping',
  'permitsImport.saveNameMissing': 'Enter a name for the mapping.',
  'permitsImport.saved': 'Mapping “{name}” saved on this device.',
  'permitsImport.mappingHeading': 'Columns',
  'permitsImport.mappingIntro':
    'For each permit field, choose the column of the file that holds it. Suggested columns are already chosen.',
  'permitsImport.required': '(required)',
  'permitsImport.notInFile': '— Not in this file —',
  'permitsImport.statusHeading': 'Statuses',
  'permitsImport.statusIntro': 'Choose what each status word of the file means in Holdfast.',
  'permitsImport.statusFor': 'Status for “{word}”',
  'permitsImport.statusFallback': 'Status when the file gives none or a word not listed here',
  'permitsImport.previewHeading': 'Preview',
  'permitsImport.previewCaption': 'The first {count} permits as they will be imported.',
  'permitsImport.planSummary': {
    one: '{rows} rows make {count} permit. Rows with the same permit number are one permit.',
    other: '{rows} rows make {count} permits. Rows with the same permit number are one permit.',
  },
  'permitsImport.errorsHeading': {
    one: '{count} problem in the file',
    other: '{count} problems in the file',
  },
  'permitsImport.errorsIntro':
    'Nothing is imported while the file has problems. Fix the file or the columns, or skip the permits with problems.',
  'permitsImport.moreErrors': {
    one: '… and {count} more problem.',
    other: '… and {count} more problems.',
  },
  'permitsImport.skip': {
    one: 'Skip the {count} row with problems and import the rest',
    other: 'Skip the {count} rows with problems and import the rest',
  },
  'permitsImport.import': {
    one: 'Import {count} permit',
    other: 'Import {count} permits',
  },
  'permitsImport.importing': 'Importing…',
  'permitsImport.progress': 'Writing permits: {done} of {total}',
  'permitsImport.done': {
    one: 'Imported {count} permit from “{name}”.',
    other: 'Imported {count} permits from “{name}”.',
  },
  'permitsImport.alreadyHere': {
    one: '{count} permit was already on this device and was left as it is.',
    other: '{count} permits were already on this device and were left as they are.',
  },
  'permitsImport.refused': 'Nothing was imported. {reason}',
  'permitsImport.forbidden': 'Your role or department does not allow adding permits to this department.',
  'permitsImport.notSaved': 'permit {number} could not be saved.',
  'permitsImport.storageFull':
    'Nothing was imported: this device has no room left. Free some space and try again.',
  'permitsImport.line': 'Line {line}: {problem}',
  'permitsImport.problem.required': '{field} is missing.',
  'permitsImport.problem.unmapped': 'No column is chosen for {field}.',
  'permitsImport.problem.not_a_date': '{field} is not a date: “{value}”.',
  'permitsImport.problem.not_a_number': '{field} is not an amount: “{value}”.',
  'permitsImport.problem.too_long': '{field} is longer than {max} characters.',
  'permitsImport.problem.too_small': '{field} is too small.',
  'permitsImport.problem.too_large': '{field} is too large.',
  'permitsImport.problem.date_order': '{field} is before {other}.',
  'permitsImport.problem.wrong_type': '{field} is not valid.',
  'permitsImport.problem.other': '{field} is not valid.',
  'permitsImport.exportHeading': 'Export',
  'permitsImport.exportIntro': {
    one: '{count} permit is on this device.',
    other: '{count} permits are on this device.',
  },
  'permitsImport.exportHoldfast': 'Download CSV (Holdfast columns)',
  'permitsImport.exportBlds': 'Download BLDS CSV',
  'permitsImport.exportBldsHint':
    'BLDS is the Building and Land Development Specification used by open data portals.',
  'permitsImport.exporting': 'Preparing the file: {done} of {total}',
  'permitsImport.exported': {
    one: 'Saved {count} permit in “{name}”.',
    other: 'Saved {count} permits in “{name}”.',
  },
} satisfies Messages;
