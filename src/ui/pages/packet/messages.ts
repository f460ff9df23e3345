// The outage packet's messages with the shared print words, for useAreaT(packetMessages).
import { withPrintMessages } from '../../print/messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const packetMessages = withPrintMessages({ en, es });
export type PacketT = AreaTranslate<typeof packetMessages>;
export type PacketKey = Parameters<PacketT>[0];
