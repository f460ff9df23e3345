// t(): translate in the current language, for code outside components; components use useT().
import { appStore } from '../store/app-store';
import type { MessageKey } from './en';
import { translate, type MessageParams } from './translate';

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(appStore.getState().language, key, params);
}
