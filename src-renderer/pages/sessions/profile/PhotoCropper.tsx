import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  initialCrop,
  MAX_ZOOM,
  moveBy,
  sourceSquare,
  zoomTo,
  type Crop,
  type ImageSize,
} from '../../../model/profile/crop';
import { useT } from '../../../i18n/use-t';

/** The crop square on screen; small enough for a 400px-wide window. */
const VIEW = 240;
/** WhatsApp stores profile photos as 640×640 JPEG. */
const OUTPUT = 640;
const KEY_STEP = 10;

/**
 * Crops a chosen picture to the square WhatsApp shows: drag (or arrow keys) to move, the slider
 * (or + and −) to zoom. "Use photo" hands back a 640×640 JPEG as base64.
 */
export function PhotoCropper({
  file,
  onCancel,
  onDone,
}: {
  file: File;
  onCancel: () => void;
  onDone: (jpegBase64: string) => void;
}) {
  const t = useT();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const [url] = useState(() => URL.createObjectURL(file));
  const [size, setSize] = useState<ImageSize | null>(null);
  const [crop, setCrop] = useState<Crop | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => URL.revokeObjectURL(url);
  }, [url]);

  const loaded = () => {
    const element = image.current;
    if (!element) return;
    const natural = { width: element.naturalWidth, height: element.naturalHeight };
    setSize(natural);
    setCrop(initialCrop(natural, VIEW));
  };

  const move = (dx: number, dy: number) => size && crop && setCrop(moveBy(crop, dx, dy, size, VIEW));
  const zoom = (value: number) => size && crop && setCrop(zoomTo(crop, value, size, VIEW));

  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [KEY_STEP, 0],
      ArrowRight: [-KEY_STEP, 0],
      ArrowUp: [0, KEY_STEP],
      ArrowDown: [0, -KEY_STEP],
    };
    const step = moves[event.key];
    if (step) move(...step);
    else if ((event.key === '+' || event.key === '=') && crop) zoom(crop.zoom + 0.25);
    else if (event.key === '-' && crop) zoom(crop.zoom - 0.25);
    else return;
    event.preventDefault();
  };

  const onPointerDown = (event: PointerEvent) => {
    drag.current = { x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!drag.current) return;
    move(event.clientX - drag.current.x, event.clientY - drag.current.y);
    drag.current = { x: event.clientX, y: event.clientY };
  };

  const use = () => {
    const element = image.current;
    if (!element || !size || !crop) return;
    const canvas = document.createElement('canvas');
    canvas.width = OUTPUT;
    canvas.height = OUTPUT;
    const square = sourceSquare(crop, size, VIEW);
    canvas
      .getContext('2d')
      ?.drawImage(element, square.x, square.y, square.size, square.size, 0, 0, OUTPUT, OUTPUT);
    onDone(canvas.toDataURL('image/jpeg', 0.9).replace(/^data:image\/jpeg;base64,/, ''));
  };

  const scale = size && crop ? (VIEW / Math.min(size.width, size.height)) * crop.zoom : 1;
  return (
    <dialog
      ref={dialog}
      className="inbox-dialog photo-cropper"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${ids}-title`}>{t('parity.crop.title')}</h2>
      <p className="muted" id={`${ids}-hint`}>
        {t('parity.crop.hint')}
      </p>
      {/* Physical directions: the picture moves the way the pointer does, in any language. */}
      <div
        className="photo-cropper__view"
        dir="ltr"
        role="img"
        tabIndex={0}
        aria-label={t('parity.crop.area')}
        aria-describedby={`${ids}-hint`}
        style={{ width: VIEW, height: VIEW }}
        onKeyDown={onKey}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      >
        <img
          ref={image}
          src={url}
          alt=""
          draggable={false}
          onLoad={loaded}
          onError={() => setFailed(true)}
          style={
            size && crop
              ? {
                  width: size.width * scale,
                  height: size.height * scale,
                  transform: `translate(${crop.x}px, ${crop.y}px)`,
                }
              : { visibility: 'hidden' }
          }
        />
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {t('parity.crop.unreadable')}
        </p>
      )}
      <label className="field">
        <span className="field__label">{t('parity.crop.zoom')}</span>
        <input
          type="range"
          min={1}
          max={MAX_ZOOM}
          step={0.05}
          value={crop?.zoom ?? 1}
          disabled={!crop}
          onChange={(event) => zoom(Number(event.target.value))}
        />
      </label>
      <div className="row">
        <button type="button" className="button button--primary" disabled={!crop} onClick={use}>
          {t('parity.crop.use')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('parity.crop.cancel')}
        </button>
      </div>
    </dialog>
  );
}
