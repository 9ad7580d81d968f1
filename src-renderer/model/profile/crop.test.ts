import { describe, expect, it } from 'vitest';
import { clampCrop, initialCrop, moveBy, sourceSquare, zoomTo } from './crop';

const wide = { width: 800, height: 400 };
const VIEW = 200;

describe('profile photo crop', () => {
  it('starts centred, the short side filling the square', () => {
    const crop = initialCrop(wide, VIEW);
    expect(crop).toEqual({ zoom: 1, x: -100, y: 0 });
    expect(sourceSquare(crop, wide, VIEW)).toEqual({ x: 200, y: 0, size: 400 });
  });

  it('never moves the image so far that a corner of the square is empty', () => {
    const crop = initialCrop(wide, VIEW);
    expect(moveBy(crop, 500, 0, wide, VIEW)).toMatchObject({ x: 0 });
    expect(moveBy(crop, -500, 0, wide, VIEW)).toMatchObject({ x: -200 });
    expect(moveBy(crop, 0, 50, wide, VIEW)).toMatchObject({ y: 0 });
  });

  it('zooms around the centre of the square, within 1× and 4×', () => {
    const zoomed = zoomTo(initialCrop(wide, VIEW), 2, wide, VIEW);
    expect(zoomed).toEqual({ zoom: 2, x: -300, y: -100 });
    // The same centre of the photo: the middle 200×200 of the original.
    expect(sourceSquare(zoomed, wide, VIEW)).toEqual({ x: 300, y: 100, size: 200 });
    expect(zoomTo(zoomed, 9, wide, VIEW).zoom).toBe(4);
    expect(clampCrop({ zoom: 0.2, x: 0, y: 0 }, wide, VIEW).zoom).toBe(1);
  });
});
