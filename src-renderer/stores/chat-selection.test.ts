import { beforeEach, describe, expect, it } from 'vitest';
import { useChatSelection } from './chat-selection';

const order = ['s|a', 's|b', 's|c', 's|d', 's|e'];
const state = () => useChatSelection.getState();

describe('chat list selection', () => {
  beforeEach(() => state().setSelecting(true));

  it('a click toggles one chat', () => {
    state().toggle('s|b');
    expect(state().selected).toEqual(['s|b']);
    state().toggle('s|b');
    expect(state().selected).toEqual([]);
  });

  it('Shift-click selects the range from the last click, either way', () => {
    state().toggle('s|b');
    state().selectRange(order, 's|d');
    expect(state().selected).toEqual(['s|b', 's|c', 's|d']);
    state().selectRange(order, 's|a');
    expect(new Set(state().selected)).toEqual(new Set(['s|a', 's|b', 's|c', 's|d']));
  });

  it('Shift-click without an earlier click ticks just that chat; leaving select mode clears', () => {
    state().selectRange(order, 's|c');
    expect(state().selected).toEqual(['s|c']);
    state().setSelecting(false);
    expect(state().selected).toEqual([]);
  });
});
