/**
 * ConvRFM on an uploaded CSV (docs/convrfm.md): when the file's feature columns make a square image (196 =
 * 14 x 14, or 3 x 14 x 14 with colour channels last), offers to train ConvRFM on them instead of the plain RFM
 * on the columns. Choosing it sets two schema parameters, `model` = convrfm and `shape` (HxW or HxWxC), so the
 * choice travels in the link like any other; the patch size, kernel and bandwidth are the Model controls.
 */
import { imageShapesOf } from '../../params/convParams';
import { selectPlannedJobKind } from '../../store/selectors';
import { useAppStore } from '../../store/store';

const words = (shape: string) => shape.split('x').join(' × ');

/** columns: the CSV's header, target included. */
export function CsvImageOffer({ columns }: { columns: readonly string[] }) {
  const target = useAppStore((s) => s.params.target);
  const shape = useAppStore((s) => s.params.shape);
  const conv = useAppStore((s) => selectPlannedJobKind(s) === 'convrfm');
  const setParam = useAppStore((s) => s.setParam);
  const targets = target === '' ? 1 : target.split(',').filter((t) => t.trim() !== '').length;
  const features = columns.length - targets;
  const shapes = imageShapesOf(features);
  if (columns.length === 0 || (shapes.length === 0 && !conv)) return null;
  if (!conv)
    return (
      <div className="control csv-image" data-testid="csv-image-offer">
        <p className="muted">
          The {features} feature columns make a {words(shapes[0]!)} image: ConvRFM can learn one feature matrix for its
          small patches, shared by every position.
        </p>
        <button
          type="button"
          onClick={() => {
            setParam('shape', shapes[0]!);
            setParam('model', 'convrfm');
          }}
        >
          Train ConvRFM on {words(shapes[0]!)} images
        </button>
      </div>
    );
  const options = shapes.includes(shape) || shape === '' ? shapes : [shape, ...shapes];
  return (
    <div className="control csv-image" data-testid="csv-image-offer">
      <label htmlFor="csv-image-shape">image shape (ConvRFM)</label>
      <select id="csv-image-shape" value={shape} onChange={(event) => setParam('shape', event.target.value)}>
        {shape === '' && <option value="">choose a shape</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {words(option)}
            {imageShapesOf(features).includes(option) ? '' : ' (does not fit these columns)'}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => setParam('model', 'rfm')}>
        Back to the plain RFM on the columns
      </button>
    </div>
  );
}
