// The catalogs match key for key, every message is filled in, and t() interpolates and pluralizes.
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { es } from './es';
import { catalogs, translate, type Message } from './translate';
import { t } from './t';
import { appStore } from '../store/app-store';

const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('have the same keys in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(catalogs))('has no empty message in %s', (_language, catalog) => {
    for (const [key, message] of Object.entries(catalog)) {
      for (const text of forms(message)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders and plural forms in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const english = en[key];
      const spanish = es[key];
      expect(typeof spanish, key).toBe(typeof english);
      expect(placeholders(forms(spanish).join(' ')), key).toEqual(placeholders(forms(english).join(' ')));
    }
  });
});

describe('translate', () => {
  it('fills in named parameters', () => {
    expect(translate('en', 'shell.signedInAs', { name: 'Ada' })).toBe('Signed in as Ada');
    expect(translate('es', 'device.usageValue', { used: '1 MB', quota: '2 GB' })).toBe('1 MB de 2 GB');
  });

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(translate('en', 'shell.signedInAs')).toBe('Signed in as {name}');
  });

  it('picks plural forms with Intl.PluralRules and formats the count', () => {
    expect(translate('en', 'error.rateLimited', { count: 1 })).toBe(
      'Too many attempts. Try again in 1 minute.',
    );
    expect(translate('en', 'error.rateLimited', { count: 5 })).toBe(
      'Too many attempts. Try again in 5 minutes.',
    );
    expect(translate('es', 'error.rateLimited', { count: 1 })).toContain('1 minuto.');
    expect(translate('es', 'admin.usersCaption', { count: 1200 })).toBe(
      '1200 cuentas pueden iniciar sesión en Holdfast.',
    );
    expect(translate('en', 'admin.usersCaption', { count: 1200 })).toBe(
      '1,200 accounts can sign in to Holdfast.',
    );
  });

  it('t() follows the language in the store', () => {
    appStore.getState().set({ language: 'es' });
    expect(t('network.offline')).toBe('Sin conexión');
    appStore.getState().set({ language: 'en' });
    expect(t('network.offline')).toBe('Offline');
  });
});
