/**
 * The square crop of a profile photo (WhatsApp shows profile photos as circles cut from a
 * square). The image covers a square viewport of `view` pixels at zoom 1 and can be zoomed up to
 * `MAX_ZOOM` and moved; it always covers the viewport, so the crop never has empty corners.
 * Pure functions, so the cropper's arithmetic is tested without a browser.
 */
export const MAX_ZOOM = 4;

export interface ImageSize {
  width: number;
  height: number;
}

/** Zoom (1 = the image just covers the viewport) and the image's top-left corner in the viewport. */
export interface Crop {
  zoom: number;
  x: number;
  y: number;
}

/** Pixels of the viewport per pixel of the image. */
export function scaleOf(image: ImageSize, view: number, zoom: number): number {
  return (view / Math.min(image.width, image.height)) * zoom;
}

/** Keeps the image covering the viewport (and the zoom within 1…MAX_ZOOM). */
export function clampCrop(crop: Crop, image: ImageSize, view: number): Crop {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, crop.zoom));
  const scale = scaleOf(image, view, zoom);
  const clamp = (value: number, shown: number) => Math.min(0, Math.max(view - shown, value));
  return { zoom, x: clamp(crop.x, image.width * scale), y: clamp(crop.y, image.height * scale) };
}

/** Zoom 1, centred. */
export function initialCrop(image: ImageSize, view: number): Crop {
  const scale = scaleOf(image, view, 1);
  return clampCrop(
    { zoom: 1, x: (view - image.width * scale) / 2, y: (view - image.height * scale) / 2 },
    image,
    view,
  );
}

/** A new zoom that keeps the point under the viewport's centre where it is. */
export function zoomTo(crop: Crop, zoom: number, image: ImageSize, view: number): Crop {
  const before = scaleOf(image, view, crop.zoom);
  const after = scaleOf(image, view, Math.min(MAX_ZOOM, Math.max(1, zoom)));
  const centre = view / 2;
  const ratio = after / before;
  return clampCrop(
    { zoom, x: centre - (centre - crop.x) * ratio, y: centre - (centre - crop.y) * ratio },
    image,
    view,
  );
}

/** Moves the image by (dx, dy) viewport pixels. */
export function moveBy(crop: Crop, dx: number, dy: number, image: ImageSize, view: number): Crop {
  return clampCrop({ ...crop, x: crop.x + dx, y: crop.y + dy }, image, view);
}

/** The square of the original image the viewport shows: what the saved photo is made of. */
export function sourceSquare(
  crop: Crop,
  image: ImageSize,
  view: number,
): { x: number; y: number; size: number } {
  const scale = scaleOf(image, view, crop.zoom);
  // `0 - x` rather than `-x`: a crop at the edge gives 0, not -0.
  return { x: 0 - crop.x / scale, y: 0 - crop.y / scale, size: view / scale };
}
