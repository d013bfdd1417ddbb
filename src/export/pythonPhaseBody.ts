/**
 * The main of the phase grid's Python script (./pythonLinRfm.ts writes its values; ./pythonLinRfmBody.ts's
 * LINRFM_FUNCTIONS come before it): fixed text. Each chosen cell runs lin-RFM to its end and the nuclear-norm
 * minimum on the same matrix, as experiments/linrfmPhase.ts does, and prints both beside the app's.
 */
export const PHASE_MAIN = String.raw`

def chosen_cells(text):
    """'0-7' or '3,12,40' (or a mix: '0-3,9') as cell indices; None: every cell."""
    if text is None:
        return list(range(len(CELLS)))
    cells = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        cells.extend(range(int(first), int(last or first) + 1))
    return [k for k in cells if 0 <= k < len(CELLS)]


def main():
    parser = argparse.ArgumentParser(description="The lin-RFM phase grid, cell by cell, beside the app's.")
    parser.add_argument("--cells", help=f"cells to run, e.g. 0-7 or 3,12,40 (default: all {len(CELLS)})")
    cells = chosen_cells(parser.parse_args().cells)
    print(f"{ROWS} x {COLS}, s = {POWER}, {ITERATIONS} iterations per cell, success below {THRESHOLD}")
    print("cell  rank  observed  lin_rfm_error  app_lin_rfm_error  relative_difference  success  "
          "nuclear_error  app_nuclear_error  relative_difference  nuclear_success")
    for k in cells:
        cell = CELLS[k]
        Y = float64_array(TRUTHS[cell["truth"]], (ROWS, COLS))
        mask = flags(cell["mask"], ROWS, COLS)
        values = Y[mask] if cell["values"] is None else float64_array(cell["values"], (-1,))
        Yobs = observed_matrix(mask, values)
        error = None
        for _, error, _ in lin_rfm(Y, mask, Yobs):
            pass
        Z, _, _ = nuclear_norm(Yobs, mask, NUCLEAR["max_sweeps"])
        nuclear = relative_error(Z, Y)
        print(f"{k:4d}  {cell['rank']:4d}  {cell['share']:8g}  {compared(error, cell['app_error'])}  "
              f"{error < THRESHOLD}  {compared(nuclear, cell['app_nuclear_error'])}  {nuclear < THRESHOLD}")


if __name__ == "__main__":
    main()
`;
