// English messages of the Device area, bundled with its chunk; messages.es.ts has the same keys.
import type { Messages } from '../../i18n/translate';

export const en = {
  'device.title': 'Device',
  'device.storageHeading': 'Storage',
  'device.persistence': 'Persistent storage',
  'device.persistGranted': 'Granted: the browser will not clear Holdfast’s data to free up space.',
  'device.persistNotGranted':
    'Not granted: the browser may clear Holdfast’s data when the disk is nearly full.',
  'device.persistUnsupported': 'This browser cannot keep data persistent.',
  'device.persistRequest': 'Request',
  'device.persistDenied':
    'The browser did not grant persistent storage. Installing Holdfast as an app or bookmarking it can help.',
  'device.usage': 'Storage used',
  'device.usageValue': '{used} of {quota}',
  'device.usageUnknown': 'This browser does not report storage use.',
  'device.appHeading': 'App and database',
  'device.version': 'Version',
  'device.build': 'Build',
  'device.deviceId': 'Device ID',
  'device.createdAt': 'Data on this device since',
  'device.database': 'Database',
  'device.dbReady': 'Working (schema version {version})',
  'device.dbOpening': 'Opening…',
  'device.dbBlocked': 'Waiting for other Holdfast tabs to close',
  'device.dbClosed': 'Closed because another tab updated it; reload this tab',
  'device.dbNewer': 'Saved by a newer version of Holdfast',
  'device.dbUnavailable': 'Not available ({detail})',
  'device.unknown': 'Unknown',

  'files.heading': 'Moving changes by file',
  'files.intro':
    'Without a connection, carry changes on a USB stick: export them here and import the file on a device that reaches the server.',
  'files.exportUnsent': 'Export unsent changes',
  'files.exportSnapshot': 'Export a snapshot',
  'files.import': 'Import a file',
  'files.importHint': 'A .holdfast.json file: unsent changes from a device, or a snapshot from the server.',
  'files.nothingToExport': 'There are no unsent changes to export.',
  'files.exported': {
    one: 'Exported {count} unsent change.',
    other: 'Exported {count} unsent changes.',
  },
  'files.snapshotExported': {
    one: 'Exported a snapshot with {count} record.',
    other: 'Exported a snapshot with {count} records.',
  },
  'files.snapshotApplied': {
    one: 'Snapshot applied: {count} record is on this device now.',
    other: 'Snapshot applied: {count} records are on this device now.',
  },
  'files.imported':
    'File imported. Applied: {applied}. Already there: {duplicate}. Refused: {rejected}. Conflicts: {conflict}.',
  'files.notApplied': {
    one: '{count} change was not applied: the server already holds other changes under its number (was the device that made it restored from an older copy?). That device sends it again, renumbered, when it next syncs.',
    other:
      '{count} changes were not applied: the server already holds other changes under their numbers (was the device that made them restored from an older copy?). That device sends them again, renumbered, when it next syncs.',
  },
  'files.error.notHoldfast': 'This is not a Holdfast export file.',
  'files.error.corrupt': 'This Holdfast file is incomplete or damaged (it may not have finished copying).',
  'files.error.protocol': 'This file was made by another version of Holdfast; update both so they match.',
  'files.error.checksum': 'This file was changed or damaged after it was exported; it cannot be trusted.',
  'files.error.wrongType': 'This file holds a kind of data that cannot be used here.',
  'files.error.otherUser': 'This snapshot was made for another user; sign in as that user to use it.',
  'device.packetHeading': 'Outage packet',
  'device.packetDue': 'Time to print the outage packet.',
  'device.packetNever': 'It has never been printed on this device.',
  'device.packetOld': {
    one: 'It was last printed {count} day ago.',
    other: 'It was last printed {count} days ago.',
  },
  'device.packetChanged': {
    one: '{count} record changed since it was printed.',
    other: '{count} records changed since it was printed.',
  },
  'device.packetPrint': 'Print the outage packet',
  'device.packetLast': 'Last printed',
  'device.packetLastValue': {
    one: '{time} ({count} record changed since)',
    other: '{time} ({count} records changed since)',
  },
  'device.packetNeverShort': 'Never on this device',
  'device.packetDays': 'Remind me to print it every (days)',
  'device.packetDaysHint': 'From 1 to 365 days. Kept on this device.',
  'device.packetDaysInvalid': 'Enter a whole number of days from 1 to 365.',
} satisfies Messages;
