/**
 * M's top eigenvectors drawn as q x q filters with their eigenvalues (docs/convrfm.md), and a caption from the
 * run saying what they became (a blob, oriented edges) at the scrubbed iteration, or, once the run has
 * finished, at its last.
 */
import { useAppStore, type AppState } from '../../../store/store';
import { ValuesDetails, ValuesTable } from '../../a11y/ValuesDetails';
import { useChart } from '../../panels/useChart';
import { HowToRead } from '../../teach/HowToRead';
import { createMatrixImages } from '../../../viz/matrixImages';
import { FILTERS_SHOWN, filterImages, filterTable } from './convChartData';
import { filterSentence, readFilters } from './convFindings';
import { ConvScrubber } from './ConvScrubber';
import {
  selectConvFinished,
  selectConvRecords,
  selectConvSummary,
  selectShownConvIndex,
  selectShownConvRecord,
} from './convSelectors';

const pick = (s: AppState) => ({ record: selectShownConvRecord(s), summary: selectConvSummary(s) });
const toData = ({ record, summary }: ReturnType<typeof pick>) =>
  record && summary ? filterImages(record, summary) : null;

/** Whether the shown record is the finished run's last: the caption then gives its verdict. */
const selectShownIsFinal = (s: AppState) =>
  selectConvFinished(s) && selectShownConvIndex(s) === selectConvRecords(s).length - 1;

function FilterTable() {
  const record = useAppStore(selectShownConvRecord);
  const summary = useAppStore(selectConvSummary);
  return <ValuesTable label="filters (eigenvectors of M)" data={filterTable(record, summary)} />;
}

export function ConvFiltersPanel() {
  const ref = useChart((node) => createMatrixImages(node, { testId: 'conv-filters', sidePx: 96 }), pick, toData);
  const record = useAppStore(selectShownConvRecord);
  const summary = useAppStore(selectConvSummary);
  const final = useAppStore(selectShownIsFinal);
  const readings = record && summary ? readFilters(record, summary, FILTERS_SHOWN) : [];
  return (
    <section className="panel" aria-label="filters">
      <header>
        <h3>Filters: M’s top eigenvectors</h3>
      </header>
      <div ref={ref} className="chart" />
      <ol className="conv-eigenvalues" aria-label="filter eigenvalues" data-testid="conv-filter-eigenvalues">
        {readings.map((r) => (
          <li key={r.rank} data-shape={r.shape.kind}>
            {r.words.replace(/^an? /, '')}: eigenvalue{' '}
            <span data-testid="conv-eigenvalue">{r.eigenvalue.toFixed(2)}</span> (sum {r.sum.toFixed(2)})
          </li>
        ))}
      </ol>
      <ConvScrubber testId="conv-filters-scrubber" />
      <p className="caption" data-testid="conv-filters-caption" aria-live="polite">
        {filterSentence(record, summary, final)}
      </p>
      <HowToRead panel="filters" />
      <ValuesDetails label="filters" testId="conv-filters-values">
        {() => <FilterTable />}
      </ValuesDetails>
    </section>
  );
}
