/**
 * The numbered menu bot. A chat's place is a path: null outside the menu, [] at the top, ["2"]
 * inside option 2's sub-menu. "0" goes back (at the top it shows the menu again), an answer
 * that is no option repeats the current menu, an option replies and/or opens its sub-menu
 * and/or hands the chat over to a person (which leaves the menu).
 */
import type {
  AutomationSettings,
  MenuOption,
  MenuSubOption,
} from '../../../../src-shared/contract/automation.js';
import { menuBackLabel } from '../../../../src-shared/automation-text.js';
import { fold } from './fold.js';

type Menu = AutomationSettings['menu'];

export interface MenuStep {
  /** Texts to send (before placeholders), each with the label it is sent under. */
  replies: { rule: string; text: string }[];
  path: string[] | null;
  handover: boolean;
}

function optionsAt(menu: Menu, path: readonly string[]): readonly (MenuOption | MenuSubOption)[] {
  if (path.length === 0) return menu.options;
  return menu.options.find((option) => option.key === path[0])?.options ?? [];
}

function listing(options: readonly { key: string; label: string }[]): string {
  return options.map((option) => `${option.key} ${option.label}`).join('\n');
}

/** The menu as the customer sees it at `path` ("Back" in the automation's `language` unless written). */
export function menuText(menu: Menu, path: readonly string[], language: string): string {
  if (path.length === 0) return [menu.text.trim(), listing(menu.options)].filter(Boolean).join('\n\n');
  const parent = menu.options.find((option) => option.key === path[0]);
  const heading = parent ? (parent.reply.trim() ? parent.reply.trim() : parent.label) : menu.text.trim();
  return [heading, `${listing(optionsAt(menu, path))}\n0 ${menuBackLabel(menu.backLabel, language)}`]
    .filter(Boolean)
    .join('\n\n');
}

/** Which option an answer picks: its digit ("2", "2.", " 2) ") or its label typed out. */
function picked(
  options: readonly (MenuOption | MenuSubOption)[],
  answer: string,
): MenuOption | MenuSubOption | null {
  const digits = /^\s*(\d)\s*[.)]?\s*$/u.exec(answer)?.[1];
  if (digits) return options.find((option) => option.key === digits) ?? null;
  const folded = fold(answer).trim();
  return options.find((option) => fold(option.label).trim() === folded) ?? null;
}

const MENU = 'Menu';

/** A customer's answer while in the menu. */
export function answerMenu(menu: Menu, path: readonly string[], answer: string, language: string): MenuStep {
  if (/^\s*0\s*$/.test(answer))
    return { replies: [{ rule: MENU, text: menuText(menu, [], language) }], path: [], handover: false };
  const option = picked(optionsAt(menu, path), answer);
  if (!option)
    return {
      replies: [{ rule: MENU, text: menuText(menu, path, language) }],
      path: [...path],
      handover: false,
    };
  const rule = `${MENU}: ${option.label}`;
  if ('options' in option && option.options.length > 0) {
    const opened = [option.key];
    return { replies: [{ rule, text: menuText(menu, opened, language) }], path: opened, handover: false };
  }
  const replies = option.reply.trim() ? [{ rule, text: option.reply }] : [];
  if (option.handover) return { replies, path: null, handover: true };
  return { replies, path: [...path], handover: false };
}
