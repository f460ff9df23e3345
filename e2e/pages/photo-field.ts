// Page model: the "Photos" part of a form (take/choose, thumbnails, Remove) and the photos of a saved
// record (thumbnails that open the full photo, or "not on this device yet" with a download button).
// Locators are by role and label, in English or Spanish.
import type { Locator, Page } from 'playwright-core';

export class PhotoField {
  constructor(
    readonly page: Page,
    readonly within: Locator,
  ) {}

  /** The Photos group of the form. */
  group(): Locator {
    return this.within.getByRole('group', { name: /^(Photos|Fotos)$/ });
  }

  takeInput(): Locator {
    return this.within.getByLabel(/^(Take photo|Tomar foto)$/);
  }

  chooseInput(): Locator {
    return this.within.getByLabel(/^(Choose photos|Elegir fotos)$/);
  }

  /** The thumbnails shown in the form (by their alt text, "Photo 1", …). */
  thumbnails(): Locator {
    return this.group().getByRole('img', { name: /^(Photo|Foto) \d+$/ });
  }

  removeButton(number: number): Locator {
    return this.group().getByRole('button', {
      name: new RegExp(`^(Remove photo|Quitar la foto) ${number}$`),
    });
  }

  /** The problems shown next to the field (the element the inputs' aria-describedby names *-error). */
  async error(): Promise<string> {
    const ids = (await this.chooseInput().getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((part) => part.endsWith('-error'));
    if (!id) return '';
    return (await this.page.locator(`[id="${id}"]`).innerText()).replace(/⚠\s*/g, '').trim();
  }
}

/** The photos of a saved record, in a list item. */
export class PhotoGallery {
  constructor(
    readonly page: Page,
    readonly within: Locator,
  ) {}

  openButton(number: number): Locator {
    return this.within.getByRole('button', { name: new RegExp(`^(Open photo|Abrir la foto) ${number}$`) });
  }

  fullPhoto(number: number): Locator {
    return this.within.getByRole('img', {
      name: new RegExp(`^(Photo ${number}, full size|Foto ${number}, tamaño completo)$`),
    });
  }

  closeButton(number: number): Locator {
    return this.within.getByRole('button', { name: new RegExp(`^(Close photo|Cerrar la foto) ${number}$`) });
  }

  downloadButton(number: number): Locator {
    return this.within.getByRole('button', {
      name: new RegExp(`^(Download photo|Descargar la foto) ${number}$`),
    });
  }

  /** The natural size of the full photo once it has loaded (0×0 until then). */
  async fullSize(number: number): Promise<{ width: number; height: number }> {
    return this.fullPhoto(number).evaluate(async (img: HTMLImageElement) => {
      if (!img.complete) await img.decode().catch(() => undefined);
      return { width: img.naturalWidth, height: img.naturalHeight };
    });
  }
}
