import type { Locator, Page } from '@playwright/test';

/** Browser globals used inside evaluate() callbacks; the e2e tsconfig has no DOM lib. */
export interface BrowserGlobals {
  getComputedStyle(element: unknown): { getPropertyValue(name: string): string };
  navigator: { clipboard: { readText(): Promise<string> } };
}

/** The embedded chat widget as a website visitor meets it (inside its open shadow root). */
export class WebsiteWidget {
  readonly root: Locator;

  /** `scope`: where the widget is mounted (the page, or the editor's preview box). */
  constructor(
    scope: Page | Locator,
    private readonly buttonMessage: string,
  ) {
    this.root = scope.locator('chatdock-widget');
  }

  launcher(): Locator {
    return this.root.getByRole('button', { name: this.buttonMessage });
  }

  panel(): Locator {
    return this.root.getByRole('dialog');
  }

  operatorLinks(): Locator {
    return this.panel().getByRole('link');
  }

  operator(name: string): Locator {
    return this.panel().getByRole('link', { name: new RegExp(name) });
  }

  offlineNote(): Locator {
    return this.panel().getByText('Nobody is available right now.');
  }

  /** Computed CSS values of an element inside the shadow root. */
  static async style(locator: Locator, ...properties: string[]): Promise<Record<string, string>> {
    return locator.evaluate(
      (element, names) =>
        Object.fromEntries(
          names.map((name) => [
            name,
            (globalThis as unknown as BrowserGlobals).getComputedStyle(element).getPropertyValue(name),
          ]),
        ),
      properties,
    );
  }
}
