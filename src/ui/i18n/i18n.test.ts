// Every catalog (the shell's and each area's, found by file name so a new area is checked without being
// listed here) matches key for key, every message is filled in, and t() interpolates and pluralizes.
import { describe, expect, it } from 'vitest';
import { appStore } from '../store/app-store';
import { areaMessages, translateArea } from './area-messages';
import { en as shellEn } from './en';
import { es as shellEs } from './es';
import { setLanguage } from './language';
import { t } from './t';
import { isLanguageLoaded, translate, type Message, type Messages } from './translate';

const areaModules = import.meta.glob<Record<string, Messages>>('../pages/**/messages.{en,es}.ts', {
  eager: true,
});

interface Pair {
  name: string;
  en: Messages;
  es: Messages;
}

const areas: Pair[] = Object.entries(areaModules)
  .filter(([path]) => path.endsWith('.en.ts'))
  .map(([path, module]) => {
    const spanish = areaModules[path.replace(/\.en\.ts$/, '.es.ts')];
    return { name: path, en: module.en ?? {}, es: spanish?.es ?? {} };
  });
const pairs: Pair[] = [{ name: 'shell', en: shellEn, es: shellEs }, ...areas];

const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('finds the area catalogs, each with both languages exported as en / es', () => {
    expect(areas.map((a) => a.name)).toEqual(
      expect.arrayContaining(['../pages/notes/messages.en.ts', '../pages/admin/messages.en.ts']),
    );
    for (const path of Object.keys(areaModules)) {
      const language = path.endsWith('.en.ts') ? 'en' : 'es';
      expect(areaModules[path]?.[language], `${path} exports ${language}`).toBeTypeOf('object');
      const other = path.replace(/\.(en|es)\.ts$/, language === 'en' ? '.es.ts' : '.en.ts');
      expect(areaModules[other], `${path} has its pair`).toBeDefined();
    }
  });

  it.each(pairs)('$name: same keys in English and Spanish', ({ en, es }) => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(pairs)('$name: no empty message', ({ en, es }) => {
    for (const catalog of [en, es]) {
      for (const [key, message] of Object.entries(catalog)) {
        for (const text of forms(message)) expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it.each(pairs)('$name: same placeholders and plural forms in both languages', ({ en, es }) => {
    for (const [key, english] of Object.entries(en)) {
      const spanish = es[key]!;
      expect(typeof spanish, key).toBe(typeof english);
      expect(placeholders(forms(spanish).join(' ')), key).toEqual(placeholders(forms(english).join(' ')));
    }
  });

  it.each(areas)('$name: no key shadows a shell key (the shell message would never show)', ({ en }) => {
    const shared = Object.keys(en).filter((key) => key in shellEn);
    expect(shared).toEqual([]);
  });

  it('no two areas define the same key', () => {
    const seen = new Map<string, string>();
    for (const area of areas) {
      for (const key of Object.keys(area.en)) {
        expect(seen.get(key), `${key} in ${area.name}`).toBeUndefined();
        seen.set(key, area.name);
      }
    }
  });
});

describe('translate', () => {
  const area = areaMessages(
    { 'demo.count': { one: '{count} thing', other: '{count} things' }, 'demo.hi': 'Hi {name}' },
    { 'demo.count': { one: '{count} cosa', other: '{count} cosas' }, 'demo.hi': 'Hola {name}' },
  );

  it('fills in named parameters', () => {
    expect(translate('en', 'shell.signedInAs', { name: 'Ada' })).toBe('Signed in as Ada');
    expect(translateArea(area, 'en', 'demo.hi', { name: 'Ada' })).toBe('Hi Ada');
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
    expect(translateArea(area, 'en', 'demo.count', { count: 1200 })).toBe('1,200 things');
    expect(translateArea(area, 'es', 'demo.count', { count: 1 })).toBe('1 cosa');
  });

  it('types an area pair: a missing Spanish key or a string for a plural does not compile', () => {
    // @ts-expect-error 'demo.b' is missing in Spanish
    areaMessages({ 'demo.a': 'A', 'demo.b': 'B' }, { 'demo.a': 'A' });
    // @ts-expect-error English has a plural here
    areaMessages({ 'demo.n': { one: 'one', other: 'many' } }, { 'demo.n': 'muchos' });
    // @ts-expect-error not a key of the area or the shell
    translateArea(area, 'en', 'demo.nope');
  });

  it('an area t() falls back to the shell catalog for shell keys', () => {
    expect(translateArea(area, 'en', 'common.save')).toBe('Save');
  });

  it('loads Spanish on demand and switches only once it has arrived; t() follows the store', async () => {
    expect(t('network.offline')).toBe('Offline');
    const switching = setLanguage('es');
    // Until the catalog is there, the page keeps its language (never a key in place of a message).
    expect(appStore.getState().language).toBe('en');
    expect(await switching).toBe(true);
    expect(isLanguageLoaded('es')).toBe(true);
    expect(appStore.getState().language).toBe('es');
    expect(t('network.offline')).toBe('Sin conexión');
    expect(translate('es', 'error.rateLimited', { count: 1 })).toContain('1 minuto.');
    expect(translateArea(area, 'es', 'common.save')).toBe('Guardar');
    await setLanguage('en');
    expect(t('network.offline')).toBe('Offline');
  });

  it('the latest choice wins when catalogs arrive out of order', async () => {
    const first = setLanguage('es');
    const second = setLanguage('en');
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(appStore.getState().language).toBe('en');
  });
});
