/**
 * What a phase-transition run showed, in words for its caption (docs/linrfm.md): for each rank, the
 * smallest observed share from which lin-RFM, and converged nuclear-norm minimisation on the same
 * matrices, recovered the matrix (and every larger share run so far did too), and which method needed less.
 */
import type { PhaseCell } from '../../../protocol/linrfmMessages';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The smallest share s with every done cell of this rank at shares >= s recovered; null if none is. */
export function boundaryOf(cells: readonly PhaseCell[], recovered: (cell: PhaseCell) => boolean): number | null {
  const byShare = [...cells].sort((a, b) => a.observed - b.observed);
  let boundary: number | null = null;
  for (let i = byShare.length - 1; i >= 0 && recovered(byShare[i]!); i--) boundary = byShare[i]!.observed;
  return boundary;
}

export interface RankBoundary {
  rank: number;
  linRfm: number | null;
  nuclear: number | null;
}

export function phaseBoundaries(cells: readonly PhaseCell[]): RankBoundary[] {
  const ranks = [...new Set(cells.map((c) => c.rank))].sort((a, b) => a - b);
  return ranks.map((rank) => {
    const row = cells.filter((c) => c.rank === rank);
    return { rank, linRfm: boundaryOf(row, (c) => c.success), nuclear: boundaryOf(row, (c) => c.nuclearSuccess) };
  });
}

/** "rank 2: lin-RFM from 30%, nuclear norm from 40%; ..." and a verdict over the ranks both reached. */
export function phaseFinding(cells: readonly PhaseCell[], finished: boolean): string | null {
  const boundaries = phaseBoundaries(cells);
  if (boundaries.length === 0) return null;
  const from = (share: number | null) => (share === null ? 'not recovered' : `from ${percent(share)}`);
  const parts = boundaries.map((b) => `rank ${b.rank}: lin-RFM ${from(b.linRfm)}, nuclear norm ${from(b.nuclear)}`);
  const compared = boundaries.filter((b) => b.linRfm !== null || b.nuclear !== null);
  const less = (a: number | null, b: number | null) => a !== null && (b === null || a < b);
  const linFewer = compared.filter((b) => less(b.linRfm, b.nuclear)).length;
  const nuclearFewer = compared.filter((b) => less(b.nuclear, b.linRfm)).length;
  const lead = finished ? 'Smallest share recovered' : 'Smallest share recovered so far';
  const verdict =
    linFewer > nuclearFewer
      ? `lin-RFM needed fewer entries at ${linFewer} of ${compared.length} ranks (the nuclear norm at ${nuclearFewer})`
      : nuclearFewer > linFewer
        ? `the nuclear norm needed fewer entries at ${nuclearFewer} of ${compared.length} ranks (lin-RFM at ${linFewer})`
        : `neither needed fewer entries overall (${linFewer} ranks each)`;
  return `${lead}: ${parts.join('; ')}. ${compared.length > 0 ? `So ${verdict}.` : ''}`.trim();
}
