import { describe, expect, it } from 'vitest';
import type { Me } from '../../src-shared/contract/people';
import { areaOf, canManageTeam, canSeeArea, type AreaPath } from './nav-access';

const ALL: AreaPath[] = [
  '/inbox',
  '/sessions',
  '/schedule',
  '/tags',
  '/automation',
  '/widget',
  '/logs',
  '/settings',
  '/profile',
];

const dana = {
  id: 'usr_1',
  name: 'Dana',
  login: 'dana',
  disabled: false,
  hasPassword: true,
  hasPin: false,
  language: null,
  teams: [],
  createdAt: '2026-12-01T09:00:00.000Z',
  lastSignInAt: null,
};

function person(role: Me['role'], numbers: Me['numbers'] = []): Me {
  return { user: { ...dana, role }, kind: 'user', via: 'cookie', role, numbers, csrfToken: 'x' };
}

const visible = (principal: Me | null) => ALL.filter((area) => canSeeArea(principal, area));

describe('which areas the sidebar offers', () => {
  it('shows owners and admins everything, their profile included', () => {
    expect(visible(person('owner'))).toEqual(ALL);
    expect(visible(person('admin'))).toEqual(ALL);
  });

  it('shows an agent the inbox and their profile, and tags only with a tag or saved-reply right', () => {
    const reader = {
      session: 'shop',
      read: 'all',
      write: true,
      canUseTags: false,
      canManageSavedReplies: false,
    } as const;
    expect(visible(person('agent', [reader]))).toEqual(['/inbox', '/profile']);
    expect(visible(person('agent', [{ ...reader, canUseTags: true }]))).toEqual([
      '/inbox',
      '/tags',
      '/profile',
    ]);
    expect(visible(person('agent', [{ ...reader, canManageSavedReplies: true }]))).toEqual([
      '/inbox',
      '/tags',
      '/profile',
    ]);
  });

  it('shows keys and the desktop everything but a profile (they are nobody)', () => {
    const desktop: Me = {
      user: null,
      kind: 'desktop',
      via: 'desktop',
      role: 'owner',
      numbers: [],
      csrfToken: null,
    };
    expect(visible(desktop)).toEqual(ALL.filter((area) => area !== '/profile'));
    expect(visible({ ...desktop, kind: 'admin', via: 'key' })).toEqual(
      ALL.filter((area) => area !== '/profile'),
    );
  });

  it('shows everything but a profile while the principal is unknown (the server still refuses)', () => {
    expect(visible(null)).toEqual(ALL.filter((area) => area !== '/profile'));
  });

  it('lets owners and admins manage the team, never agents', () => {
    expect(canManageTeam(person('owner'))).toBe(true);
    expect(canManageTeam(person('admin'))).toBe(true);
    expect(canManageTeam(person('agent'))).toBe(false);
  });
});

describe('the area of a deep link', () => {
  it('finds the area of nested paths and open chats', () => {
    expect(areaOf('/chats/shop/123@s.whatsapp.net')).toBe('/inbox');
    expect(areaOf('/settings/team/numbers/shop')).toBe('/settings');
    expect(areaOf('/widget/w1')).toBe('/widget');
    expect(areaOf('/nowhere')).toBeNull();
  });
});
