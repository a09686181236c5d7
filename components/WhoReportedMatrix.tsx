/**
 * The who-reported-what table: a row per question, a column per source. Each
 * row lists its answers under letters; a cell shows the letter of the
 * source's answer (the answer itself for screen readers), "–" for "not
 * mentioned", and is blank and hatched when the source does not cover it.
 */
import type { MatrixCell, MatrixValue, MatrixView } from '../core/views';
import type { Translate } from '../core/translate';
import { DisputeIcon } from './icons';
import { SourceChipList } from './SourceChip';

export function WhoReportedMatrix({ matrix, t }: { matrix: MatrixView; t: Translate }) {
  return (
    <div class="cc-matrix-wrap">
      {/* The column numbers at a glance; screen readers get the names from the column headers. */}
      <div class="cc-matrix-key" aria-hidden="true">
        <SourceChipList sources={matrix.columns} tip={false} />
      </div>
      <table class="cc-matrix">
        <caption>{t('matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrixAspect')}</th>
            {matrix.columns.map((c) => (
              <th key={c.id} scope="col" class={c.thisPage ? 'cc-col cc-col--page' : 'cc-col'} title={c.title}>
                {c.thisPage ? (
                  c.short
                ) : (
                  <>
                    <span class="cc-chip-n" aria-hidden="true">
                      {c.number}
                    </span>
                    <span class="cc-sr">{c.name}</span>
                  </>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.aspect} class={row.disputed ? 'cc-row--disputed' : undefined}>
              <th scope="row">
                <span class="cc-row-subject">{row.subjectName}</span>{' '}
                <span class="cc-row-question">{row.question}</span>
                {row.disputed && (
                  <span class="cc-flag">
                    <DisputeIcon />
                    {t('disputedRow')}
                  </span>
                )}
                <ul class="cc-row-values">
                  {row.values.map((v) => (
                    <li key={v.key}>
                      <Key value={v} /> {v.label}
                    </li>
                  ))}
                </ul>
              </th>
              {row.cells.map((cell) => (
                <td key={cell.source} class={`cc-cell cc-cell--${cell.state}`}>
                  <CellContent cell={cell} t={t} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="cc-legend">
        <li>
          <span class="cc-legend-sample cc-cell--silent" aria-hidden="true">
            –
          </span>
          {t('matrixLegendSilent')}
        </li>
        <li>
          <span class="cc-legend-sample cc-cell--not-covered" aria-hidden="true" />
          {t('matrixLegendNotCovered')}
        </li>
      </ul>
    </div>
  );
}

function Key({ value }: { value: MatrixValue }) {
  return (
    <span class={`cc-key cc-v${Math.min(value.position, 2)}`} aria-hidden="true">
      {value.key}
    </span>
  );
}

function CellContent({ cell, t }: { cell: MatrixCell; t: Translate }) {
  switch (cell.state) {
    case 'reported':
      return (
        <>
          {cell.values.map((v) => (
            <span key={v.key} class="cc-cell-value">
              <Key value={v} />
              <span class="cc-sr">{v.label}</span>
            </span>
          ))}
        </>
      );
    case 'silent':
      return (
        <>
          <span aria-hidden="true">–</span>
          <span class="cc-sr">{t('matrixSilentCell')}</span>
        </>
      );
    case 'not-covered':
      return <span class="cc-sr">{t('matrixNotCovered')}</span>;
  }
}
