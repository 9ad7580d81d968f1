import type { Locator, Page } from '@playwright/test';
import { WebsiteWidget } from './website-widget.js';

/** The Widget area: the list of widgets and the editor with its live preview and snippets. */
export class WidgetEditorPage {
  constructor(private readonly page: Page) {}

  createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create widget' });
  }

  emptyState(): Locator {
    return this.page.getByRole('heading', { name: 'No widgets yet' });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  timeZone(): Locator {
    return this.field('Time zone');
  }

  colourHex(): Locator {
    return this.field('Colour');
  }

  addOperator(): Locator {
    return this.page.getByRole('button', { name: 'Add operator' });
  }

  /** The n-th operator's fieldset (0-based). */
  operator(index: number): Locator {
    return this.page.locator('.operator-card').nth(index);
  }

  save(): Locator {
    return this.page.getByRole('button', { name: /^(Create widget|Save)$/ });
  }

  formAlert(): Locator {
    return this.page.getByRole('alert');
  }

  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Saved.' });
  }

  preview(buttonMessage = 'Chat with us'): WebsiteWidget {
    return new WebsiteWidget(this.page.getByTestId('widget-preview'), buttonMessage);
  }

  hostedSnippet(): Locator {
    return this.page.getByLabel('Hosted snippet');
  }

  selfContainedSnippet(): Locator {
    return this.page.getByLabel(/^Self-contained snippet/);
  }

  copyButton(which: 'hosted' | 'self-contained'): Locator {
    return this.page.getByRole('button', { name: `Copy ${which} snippet` });
  }

  testPageLink(): Locator {
    return this.page.getByRole('link', { name: 'Open test page' });
  }
}
