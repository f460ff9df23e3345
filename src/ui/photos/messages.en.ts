// English messages of the photo field and photo viewer (any area that takes photos); messages.es.ts has
// the same keys.
import type { Messages } from '../i18n/translate';

export const en = {
  'photos.take': 'Take photo',
  'photos.choose': 'Choose photos',
  'photos.hint': 'Up to {max} photos. Each photo is made smaller before it is saved on this device.',
  'photos.none': 'No photos added.',
  'photos.preparing': 'Preparing photos…',
  'photos.added': { one: '{count} photo added.', other: '{count} photos added.' },
  'photos.removed': 'Photo {number} removed.',
  'photos.remove': 'Remove photo {number}',
  'photos.alt': 'Photo {number}',
  'photos.fileProblem': '“{name}”: {problem}',
  'photos.error.tooLarge': 'This photo is too large ({size} MB); the limit is {max} MB.',
  'photos.error.stillTooLarge':
    'This photo is still too large after making it smaller ({size} MB); the limit is {max} MB.',
  'photos.error.notImage': 'This file is not a photo. Choose a photo, for example a JPEG or PNG file.',
  'photos.error.tooMany': {
    one: 'At most {max} photos can be added, so {count} photo was not added.',
    other: 'At most {max} photos can be added, so {count} photos were not added.',
  },
  'photos.open': 'Open photo {number}',
  'photos.fullSize': 'Photo {number}, full size',
  'photos.closeFull': 'Close photo {number}',
  'photos.notHere': 'Photo not on this device yet.',
  'photos.download': 'Download photo {number}',
  'photos.downloading': 'Downloading photo {number}…',
  'photos.offline': 'Photo not on this device yet. It can be downloaded when the device is online.',
  'photos.notFound':
    'This photo is not on the server yet. It shows once the device that took it has sent it.',
  'photos.downloadFailed': 'The photo could not be downloaded. Try again.',
  'photos.notSent': 'Not yet sent',
  'photos.refused': 'The server did not accept this photo: {reason}',
  'photos.retry': 'Try photo {number} again',
  'photos.problemsHeading': 'Photos the server did not accept',
  'photos.problemsIntro':
    'These photos stay on this device and count as not yet sent. Try again, or ask your IT team.',
  'photos.retrying': 'Photo {number} will be sent again at the next sync.',
} satisfies Messages;
