import type { Locator, Page } from '@playwright/test';

/** The browser globals used inside page.evaluate (the Node tsconfig has no DOM types). */
interface Row {
  getBoundingClientRect(): { top: number };
  getAttribute(name: string): string | null;
}
interface Browser {
  document: {
    querySelector(selector: string): Row | null;
    querySelectorAll(selector: string): Iterable<Row>;
  };
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
  atob(data: string): string;
}

/** The inbox: chat list, search, the open conversation and its composer. */
export class InboxPage {
  constructor(private readonly page: Page) {}

  chatList(): Locator {
    return this.page.getByRole('listbox', { name: 'Chats' });
  }

  chat(text: string | RegExp): Locator {
    return this.chatList().getByRole('option').filter({ hasText: text });
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search chats and messages' });
  }

  messageHits(): Locator {
    return this.page.getByRole('list', { name: 'Matching messages' }).getByRole('button');
  }

  conversation(): Locator {
    return this.page.getByRole('region', { name: /^Conversation with/ });
  }

  feed(): Locator {
    return this.conversation().getByRole('feed', { name: 'Messages' });
  }

  /** Message bubbles rendered in the DOM (the list is virtualised, so only those near the viewport). */
  bubbles(): Locator {
    return this.feed().getByRole('article');
  }

  bubble(text: string | RegExp): Locator {
    return this.bubbles().filter({ hasText: text });
  }

  bubbleById(id: string): Locator {
    return this.feed().locator(`[data-message-id="${id}"]`);
  }

  /** The contact panel (opened with `openContactPanel`). */
  contactPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Contact info' });
  }

  async openContactPanel(): Promise<void> {
    await this.conversation().getByRole('button', { name: 'Contact info', exact: true }).click();
  }

  /** The profile picture inside `within` (a chat row, the header, the panel): decorative, so found by class. */
  avatarPicture(within: Locator): Locator {
    return within.locator('img.avatar__picture');
  }

  /** Width of the loaded picture in pixels; 0 while loading or when it failed. */
  loadedWidth(picture: Locator): Promise<number> {
    return picture.evaluate((img: { complete: boolean; naturalWidth: number }) =>
      img.complete ? img.naturalWidth : 0,
    );
  }

  composer(): Locator {
    return this.conversation().getByRole('textbox', { name: 'Message' });
  }

  async send(text: string): Promise<void> {
    await this.composer().fill(text);
    await this.composer().press('Enter');
  }

  async messageAction(bubble: Locator, action: string | RegExp): Promise<void> {
    await bubble.hover();
    await bubble.getByRole('button', { name: 'Message actions' }).click();
    await bubble.getByRole('menuitem', { name: action }).click();
  }

  /** Drops files on the conversation the way a file manager drag does. */
  async dropFiles(files: { name: string; mimeType: string; bytes: Buffer }[]): Promise<void> {
    const payload = files.map((file) => ({
      ...file,
      base64: file.bytes.toString('base64'),
      bytes: undefined,
    }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const { DataTransfer, File, atob } = globalThis as unknown as Browser;
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
      }
      return transfer;
    }, payload);
    const target = this.conversation();
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  /** The scrolling element of the conversation. */
  messageScroller(): Locator {
    return this.conversation().locator('.message-list');
  }

  /** Where a message's row is on screen (px from the top of the page), or null if not rendered. */
  topOf(id: string): Promise<number | null> {
    return this.page.evaluate(
      (messageId) =>
        (globalThis as unknown as Browser).document
          .querySelector(`[data-message-id="${messageId}"]`)
          ?.getBoundingClientRect().top ?? null,
      id,
    );
  }

  /** The id of the topmost message row in the DOM (the oldest rendered). */
  topmostRenderedId(): Promise<string | null> {
    return this.page.evaluate(() => {
      const rows = [
        ...(globalThis as unknown as Browser).document.querySelectorAll('[role="feed"] [data-message-id]'),
      ];
      rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      return rows[0]?.getAttribute('data-message-id') ?? null;
    });
  }
}
