/**
 * The main of the sweep's Python script (./pythonSweep.ts writes its values, ./pythonBody.ts's RFM_FUNCTIONS
 * come before it): fixed text. Each point sets the three settings a sweep may vary, trains on its data set
 * and is summarised as the app's sweep point is (experiments/sweep.ts, summarizeRun).
 */
export const SWEEP_BODY = String.raw`

def summary(rows):
    """Baseline, final and best (test MSE, iteration): best by validation MSE when rows are held out."""
    baseline, final = rows[0], rows[-1]
    if final[4] is not None:
        best = min(rows, key=lambda r: r[4])
    else:
        best = min(rows, key=lambda r: np.inf if r[2] is None else r[2])
    return baseline[2], final[2], best[2], best[0]


def relative(value, app):
    return abs(value - app) / abs(app) if value is not None and app else None


def main():
    global BANDWIDTH, RIDGE, ITERATIONS
    print(f"{SWEPT:>8}  baseline_test_mse  app_baseline  final_test_mse  app_final  relative_difference  "
          "best_test_mse  app_best  best_iteration  app_best_iteration")
    worst = 0.0
    for point in POINTS:
        BANDWIDTH, RIDGE, ITERATIONS = point["bandwidth"], point["ridge"], point["iterations"]
        data = DATA[point["data"]]
        n, nv, nt, d, c = data["n_fit"], data["n_validation"], data["n_test"], data["d"], data["c"]
        X, Y = float32_array(data["x_fit"], n, d), float32_array(data["y_fit"], n, c)
        XV, YV = float32_array(data["x_validation"], nv, d), float32_array(data["y_validation"], nv, c)
        XT, YT = float32_array(data["x_test"], nt, d), float32_array(data["y_test"], nt, c)
        rows = np.arange(n) if data["agop_rows"] is None else np.array(data["agop_rows"])
        baseline, final, best, best_iteration = summary(list(train(X, Y, XV, YV, XT, YT, rows)))
        rel = relative(final, point["app_final"])
        for value, app in ((baseline, point["app_baseline"]), (final, point["app_final"]), (best, point["app_best"])):
            if relative(value, app) is not None:
                worst = max(worst, relative(value, app))
        print(f"{point['value']:>8g}  {fmt(baseline, '.6e')}  {fmt(point['app_baseline'], '.6e')}  "
              f"{fmt(final, '.6e')}  {fmt(point['app_final'], '.6e')}  {fmt(rel, '.2e')}  "
              f"{fmt(best, '.6e')}  {fmt(point['app_best'], '.6e')}  {best_iteration}  {point['app_best_iteration']}")
    print(f"largest relative difference from the app (baseline, final and best test MSE): {worst:.2e}")


if __name__ == "__main__":
    main()
`;
