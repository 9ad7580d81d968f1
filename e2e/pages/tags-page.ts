import type { Locator, Page } from '@playwright/test';

/** The Tags page: tags (name, colour, usage) and saved replies. */
export class TagsPage {
  constructor(private readonly page: Page) {}

  tagList(): Locator {
    return this.page.getByRole('list', { name: 'Tags' });
  }

  tag(name: string): Locator {
    return this.tagList().getByRole('listitem', { name: `Tag ${name}`, exact: true });
  }

  async createTag(name: string, colour?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New tag' });
    await form.getByLabel('Tag name').fill(name);
    if (colour) await form.getByRole('button', { name: `Colour ${colour}` }).click();
    await form.getByRole('button', { name: 'Create tag' }).click();
  }

  async editTag(name: string, changes: { name?: string; colour?: string }): Promise<void> {
    await this.tag(name).getByRole('button', { name: 'Edit' }).click();
    const form = this.page.getByRole('form', { name: `Edit tag ${name}` });
    if (changes.name) await form.getByLabel('Tag name').fill(changes.name);
    if (changes.colour) await form.getByRole('button', { name: `Colour ${changes.colour}` }).click();
    await form.getByRole('button', { name: 'Save tag' }).click();
  }

  async addSavedReply(reply: { shortcut: string; title: string; text: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add saved reply' }).click();
    const form = this.page.getByRole('form', { name: 'New saved reply' });
    await form.getByLabel('Shortcut').fill(reply.shortcut);
    await form.getByLabel('Title').fill(reply.title);
    await form.getByLabel('Reply text').fill(reply.text);
    await form.getByRole('button', { name: 'Create reply' }).click();
  }

  savedReply(shortcut: string): Locator {
    return this.page.getByRole('listitem', { name: `Saved reply /${shortcut}` });
  }
}
